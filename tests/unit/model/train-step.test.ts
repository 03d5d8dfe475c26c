import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { sampleWindows } from '../../../src/engine/model/train/batches';
import { createGpt } from '../../../src/engine/model/gpt';
import { crossEntropy } from '../../../src/engine/model/loss';
import { lossAndGradients } from '../../../src/engine/model/train/step';
import { microShape, seeded, textFixture } from '../../support/model-fixtures';

afterAll(() => useNodeBackend('wasm'));

/**
 * The hand-written training step against tf's automatic gradient of the model's logits (whose
 * layers' own gradients the layer tests check against the plain formulas and finite
 * differences), on every form of attention (cpu runs the batched one; wasm its fused kernels or,
 * for heads of 5 columns, the grouped one) and of LayerNorm and GELU: cpu's loop kernels, wasm's
 * SIMD kernels (widths 16 and 32, multiples of 4) and the composed tf ops (widths 10 and 30,
 * which wasm's kernels leave alone).
 * Two layers: every block, head split and the embedding stack are exercised.
 */
describe.each([
  { backend: 'cpu', form: 'loop kernels', batch: 3, width: 12, heads: 3, mlpRatio: 2 },
  // Windows of 8 and heads of 8 columns: attention runs wasm's fused kernels (wasm-attention.ts) too.
  { backend: 'wasm', form: 'SIMD kernels', batch: 4, width: 16, heads: 2, mlpRatio: 2 },
  { backend: 'wasm', form: 'composed ops', batch: 3, width: 10, heads: 2, mlpRatio: 3 },
] as const)('hand-written loss and gradients on $backend ($form)', ({ backend, batch, width, heads, mlpRatio }) => {
  it('equal the automatic gradient of crossEntropy(model.logits) for every variable', async () => {
    await useNodeBackend(backend);
    const { vocab, stream } = textFixture();
    const shape = microShape(vocab.size, { contextLength: 8, layers: 2, heads, width, mlpRatio });
    const model = createGpt(shape, seeded(21));
    // Away from GPT-2's init so LayerNorm gains/biases and the softmax are not near trivial.
    for (const v of model.variables) v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.2, 'float32', 3))));
    const windows = sampleWindows(stream, batch, shape.contextLength, seeded('windows'));
    model.attentionMask(shape.contextLength); // made once and kept by the model
    const before = tf.memory().numTensors;
    const manual = lossAndGradients(model, windows);
    expect(tf.memory().numTensors).toBe(before + 1 + model.variables.length); // only the results stay

    const inputs = tf.tensor2d(windows.inputs, [batch, shape.contextLength], 'int32');
    const targets = tf.tensor1d(windows.targets, 'int32');
    const auto = tf.variableGrads(() => crossEntropy(model.logits(inputs), targets), model.variables);
    expect(Math.abs(manual.loss.dataSync()[0] - auto.value.dataSync()[0])).toBeLessThan(1e-5);
    model.variables.forEach((variable, i) => {
      expect(manual.grads[i].size, variable.name).toBe(variable.size);
      const want = auto.grads[variable.name];
      const scale = tf.tidy(() => tf.max(tf.abs(want)).dataSync()[0]);
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(tf.reshape(manual.grads[i], variable.shape), want))).dataSync()[0]);
      expect(scale, `${variable.name} has a real gradient`).toBeGreaterThan(1e-6);
      expect(diff / scale, variable.name).toBeLessThan(1e-4);
    });
    tf.dispose([manual.loss, ...manual.grads, auto.value, auto.grads, inputs, targets]);
    model.dispose();
  });
});
