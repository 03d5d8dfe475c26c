import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { createGpt, gptLoss } from '../../../src/engine/model/gpt';
import { microShape, seeded, textFixture } from '../../support/model-fixtures';

beforeAll(() => useNodeBackend('cpu'));

describe('gradients', () => {
  it('match central finite differences on the cpu backend (relative error < 1e-2)', async () => {
    const { vocab, stream } = textFixture();
    // Larger init than GPT-2's 0.02 so gradients stand well above float32 round-off.
    const model = createGpt(
      microShape(vocab.size, { contextLength: 8, width: 8, heads: 2, layers: 2 }),
      seeded(11),
    );
    for (const v of model.variables)
      v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.3, 'float32', 5))));
    const t = 8;
    const inputs = tf.tensor2d(stream.slice(0, 2 * t), [2, t], 'int32');
    const targets = tf.tensor1d(stream.slice(1, 2 * t + 1), 'int32');
    const lossOf = () => gptLoss(model, inputs, targets);
    const { grads } = tf.variableGrads(lossOf, model.variables);

    const rng = seeded('fd');
    const eps = 1e-2;
    let diff2 = 0;
    let ref2 = 0;
    for (const variable of model.variables) {
      const g = grads[variable.name].dataSync();
      const values = variable.dataSync().slice();
      for (let k = 0; k < 3; k++) {
        const i = rng.int(values.length);
        const probe = (delta: number) => {
          const changed = values.slice();
          changed[i] += delta;
          variable.assign(tf.tensor(changed, variable.shape));
          const l = tf.tidy(() => lossOf().dataSync()[0]);
          return l;
        };
        const fd = (probe(eps) - probe(-eps)) / (2 * eps);
        variable.assign(tf.tensor(values, variable.shape));
        diff2 += (fd - g[i]) ** 2;
        ref2 += g[i] ** 2;
      }
    }
    tf.dispose([inputs, targets, grads]);
    model.dispose();
    expect(ref2).toBeGreaterThan(1e-6); // the check compared real gradients, not zeros
    expect(Math.sqrt(diff2 / ref2)).toBeLessThan(1e-2);
  });
});
