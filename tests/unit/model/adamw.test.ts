import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { AdamW, DEFAULT_ADAMW } from '../../../src/engine/model/train/adamw';
import { seeded } from '../../support/model-fixtures';

beforeAll(() => useNodeBackend('cpu'));

describe.each(['host', 'device'] as const)('AdamW (grouped update, %s placement)', (place) => {
  it('equals the per-variable AdamW formula with global-norm clipping and matrix-only decay', () => {
    const rng = seeded('adamw');
    // Nine vectors (more than one concat's 7 inputs), matrices of two column counts, one alone.
    const shapes: number[][] = [
      [3, 4],
      [5, 4],
      [2, 6],
      [7],
      [4, 4],
      [3],
      [2],
      [6],
      [1],
      [5],
      [2],
      [3],
      [4],
      [3, 2],
    ];
    const values = shapes.map((s) =>
      Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => rng.normal()),
    );
    const variables = shapes.map((s, i) => tf.variable(tf.tensor(values[i], s)));
    const settings = { ...DEFAULT_ADAMW, weightDecay: 0.1, clipNorm: 2 };
    const optimizer = new AdamW(variables, settings, place);
    const m = values.map((v) => v.map(() => 0));
    const v2 = values.map((v) => v.map(() => 0));
    const lrs = [0.1, 0.05, 0.02];
    lrs.forEach((lr, step) => {
      const grads = values.map((v) => v.map(() => rng.normal() * 3));
      const gradTensors = grads.map((g, i) => tf.tensor(g, shapes[i]));
      optimizer.apply(gradTensors, lr);
      tf.dispose(gradTensors);
      // Reference, in float64 on the JS side.
      const norm = Math.sqrt(grads.flat().reduce((s, x) => s + x * x, 0));
      const scale = Math.min(1, settings.clipNorm / (norm + 1e-6));
      const t = step + 1;
      values.forEach((p, i) => {
        p.forEach((x, j) => {
          const g = grads[i][j] * scale;
          m[i][j] = settings.beta1 * m[i][j] + (1 - settings.beta1) * g;
          v2[i][j] = settings.beta2 * v2[i][j] + (1 - settings.beta2) * g * g;
          const mh = m[i][j] / (1 - settings.beta1 ** t);
          const vh = v2[i][j] / (1 - settings.beta2 ** t);
          const decayed = shapes[i].length === 2 ? x * (1 - lr * settings.weightDecay) : x;
          p[j] = decayed - (lr * mh) / (Math.sqrt(vh) + settings.epsilon);
        });
      });
    });
    variables.forEach((variable, i) => {
      expect(variable.shape).toEqual(shapes[i]);
      const got = variable.dataSync();
      values[i].forEach((x, j) => expect(Math.abs(got[j] - x)).toBeLessThan(1e-5));
    });
    optimizer.dispose();
    tf.dispose(variables);
  });

  it('starts from a value assigned to a variable between updates, not from its own copy', () => {
    const weight = tf.variable(
      tf.tensor2d([
        [1, 2],
        [3, 4],
      ]),
    );
    const bias = tf.variable(tf.tensor1d([0.5, -0.5]));
    const optimizer = new AdamW([weight, bias], { ...DEFAULT_ADAMW, weightDecay: 0, clipNorm: 0 }, place);
    const zeroGrads = () => [tf.zeros([2, 2]), tf.zeros([2])];
    let grads = zeroGrads();
    optimizer.apply(grads, 0.1);
    tf.dispose(grads);
    // Zero gradients move nothing; an outside assignment (a reset, a poisoned weight) must stick.
    weight.assign(
      tf.tensor2d([
        [10, 20],
        [30, 40],
      ]),
    );
    grads = zeroGrads();
    optimizer.apply(grads, 0.1);
    tf.dispose(grads);
    expect(Array.from(weight.dataSync())).toEqual([10, 20, 30, 40]);
    expect(Array.from(bias.dataSync())).toEqual([0.5, -0.5]);
    optimizer.dispose();
    tf.dispose([weight, bias]);
  });
});

describe('AdamW on the host', () => {
  it('hands out its weights while the variables hold them, and not once one is assigned from elsewhere', () => {
    const weight = tf.variable(tf.tensor2d([[1, 2]]));
    const bias = tf.variable(tf.tensor1d([3]));
    const optimizer = new AdamW([weight, bias], DEFAULT_ADAMW, 'host');
    expect(optimizer.hostWeights()).toBeNull();
    const grads = [tf.tensor2d([[0.1, -0.2]]), tf.tensor1d([0.3])];
    optimizer.apply(grads, 0.1);
    const flat = optimizer.hostWeights();
    expect(flat).not.toBeNull();
    expect(Array.from(flat!)).toEqual([...weight.dataSync(), ...bias.dataSync()]);
    bias.assign(tf.tensor1d([7]));
    expect(optimizer.hostWeights()).toBeNull();
    tf.dispose([weight, bias, ...grads]);
  });

  it('takes the same step from a packed gradient as from the per-variable gradients', () => {
    const make = () => [
      tf.variable(
        tf.tensor2d([
          [1, -1],
          [0.5, 2],
        ]),
      ),
      tf.variable(tf.tensor1d([0.25, -3])),
    ];
    const [a, b] = [make(), make()];
    const [byVariable, byPacked] = [new AdamW(a, DEFAULT_ADAMW, 'host'), new AdamW(b, DEFAULT_ADAMW, 'host')];
    const grads = [
      tf.tensor2d([
        [0.3, -0.1],
        [2, 0],
      ]),
      tf.tensor1d([-0.4, 0.9]),
    ];
    byVariable.apply(grads, 0.05);
    // Packing order: matrices first, then vectors.
    byPacked.applyPackedValues(Float32Array.from([0.3, -0.1, 2, 0, -0.4, 0.9]), 0.05);
    a.forEach((variable, i) => expect(Array.from(variable.dataSync())).toEqual(Array.from(b[i].dataSync())));
    tf.dispose([...a, ...b, ...grads]);
  });

  it("clips with the gradient's squared norm when it is handed one, and hands the new weights to `updated`", () => {
    const packed = Float32Array.from([0.3, -0.1, 2, 0, -0.4, 0.9]);
    const norm2 = packed.reduce((sum, x) => sum + x * x, 0);
    const settings = { ...DEFAULT_ADAMW, clipNorm: 1 }; // the norm is about 2.3: clipping acts
    const run = (options: Parameters<AdamW['applyPackedValues']>[2]) => {
      const variables = [
        tf.variable(
          tf.tensor2d([
            [1, -1],
            [0.5, 2],
          ]),
        ),
        tf.variable(tf.tensor1d([0.25, -3])),
      ];
      new AdamW(variables, settings, 'host').applyPackedValues(packed, 0.05, options);
      const values = variables.flatMap((v) => Array.from(v.dataSync()));
      tf.dispose(variables);
      return values;
    };
    const computed = run({});
    expect(run({ squaredNorm: norm2 })).toEqual(computed);
    // A different norm clips differently: the one handed in is the one used.
    expect(run({ squaredNorm: 4 * norm2 })).not.toEqual(computed);
    let seen: number[] = [];
    run({ updated: (weights) => (seen = Array.from(weights)) });
    expect(seen).toEqual(computed);
  });
});
