import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { attentionMask, causalAttention, type AttentionKernel } from '../../../src/engine/model/kernels/attention';
import { gelu, layerNorm, linear, reference } from '../../../src/engine/model/layers';
import { seeded } from '../../support/model-fixtures';

beforeAll(() => useNodeBackend('cpu'));

const randomTensor = (shape: number[], seed: string, std = 1) => {
  const rng = seeded(seed);
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = rng.normal() * std;
  return tf.tensor(values, shape);
};

/**
 * Relative L2 error between the op's gradient and central finite differences, on a few
 * random coordinates of every input, of the scalar sum(f(inputs) * w) for a fixed random w.
 */
function finiteDifferenceError(f: (...xs: tf.Tensor[]) => tf.Tensor, inputs: tf.Tensor[], probes = 6): { rel: number; ref: number } {
  const out = tf.tidy(() => f(...inputs));
  const w = randomTensor(out.shape, 'weights');
  out.dispose();
  const loss = (...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), w));
  const grads = tf.grads(loss)(inputs);
  const rng = seeded('probe');
  const eps = 1e-2;
  let diff2 = 0;
  let ref2 = 0;
  inputs.forEach((input, which) => {
    const g = grads[which].dataSync();
    const values = input.dataSync();
    for (let p = 0; p < probes; p++) {
      const i = rng.int(values.length);
      const at = (delta: number) =>
        tf.tidy(() => {
          const changed = values.slice();
          changed[i] += delta;
          const xs = inputs.map((x, j) => (j === which ? tf.tensor(changed, x.shape) : x));
          return loss(...xs).dataSync()[0];
        });
      const fd = (at(eps) - at(-eps)) / (2 * eps);
      diff2 += (fd - g[i]) ** 2;
      ref2 += g[i] ** 2;
    }
  });
  tf.dispose([w, ...grads]);
  return { rel: Math.sqrt(diff2 / ref2), ref: ref2 };
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

describe('custom-gradient layers', () => {
  it('layerNorm, linear and gelu compute the plain formulas', () => {
    const x = randomTensor([6, 8], 'x');
    const g = randomTensor([8], 'g');
    const b = randomTensor([8], 'b');
    const w = randomTensor([8, 5], 'w');
    const c = randomTensor([5], 'c');
    tf.tidy(() => {
      expect(maxAbsDiff(layerNorm(x as tf.Tensor2D, g, b), reference.layerNorm(x as tf.Tensor2D, g, b))).toBeLessThan(1e-5);
      expect(maxAbsDiff(linear(x as tf.Tensor2D, w, c), reference.linear(x as tf.Tensor2D, w, c))).toBeLessThan(1e-5);
      expect(maxAbsDiff(gelu(tf.mul(x, 3)), reference.gelu(tf.mul(x, 3)))).toBeLessThan(1e-5);
    });
    tf.dispose([x, g, b, w, c]);
  });

  it('their gradients match the plain formulas\' automatic gradients and finite differences', () => {
    const x = randomTensor([6, 8], 'x');
    const g = randomTensor([8], 'g');
    const b = randomTensor([8], 'b');
    const w = randomTensor([8, 5], 'w');
    const c = randomTensor([5], 'c');
    const cases: Array<[string, (...xs: tf.Tensor[]) => tf.Tensor, (...xs: tf.Tensor[]) => tf.Tensor, tf.Tensor[]]> = [
      ['layerNorm', (a, p, q) => layerNorm(a as tf.Tensor2D, p, q), (a, p, q) => reference.layerNorm(a as tf.Tensor2D, p, q), [x, g, b]],
      ['linear', (a, p, q) => linear(a as tf.Tensor2D, p, q), (a, p, q) => reference.linear(a as tf.Tensor2D, p, q), [x, w, c]],
      ['gelu', (a) => gelu(tf.mul(a, 3)), (a) => reference.gelu(tf.mul(a, 3)), [x]],
    ];
    for (const [name, custom, plain, inputs] of cases) {
      const fd = finiteDifferenceError(custom, inputs);
      expect(fd.ref, name).toBeGreaterThan(1e-6);
      expect(fd.rel, name).toBeLessThan(1e-2);
      const weights = tf.tidy(() => randomTensor(custom(...inputs).shape, 'w2'));
      const a = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(custom(...xs), weights)))(inputs);
      const e = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(plain(...xs), weights)))(inputs);
      a.forEach((ga, i) => expect(maxAbsDiff(ga, e[i]), `${name} input ${i}`).toBeLessThan(1e-4));
      tf.dispose([weights, ...a, ...e]);
    }
    tf.dispose([x, g, b, w, c]);
  });
});

/**
 * On cpu both formulations of tf ops; on wasm, with windows and heads of multiples of 4 columns,
 * 'grouped' runs the wasm backend's own attention kernels (wasm-attention.ts), which must give the
 * same numbers and gradients. A window of 5 keeps wasm on the composed grouped form, whose 4
 * groups (2 windows x 2 heads) of 8 columns go through the blocked transposes (swapInner, asFilter).
 */
describe.each([
  { backend: 'cpu', dims: { batch: 3, t: 5, heads: 2 }, width: 8, fused: false },
  { backend: 'wasm', dims: { batch: 3, t: 12, heads: 2 }, width: 16, fused: true },
  { backend: 'wasm', dims: { batch: 2, t: 5, heads: 2 }, width: 16, fused: false },
] as const)('causal attention on $backend', ({ backend, dims, width, fused }) => {
  const kernels: AttentionKernel[] = ['batched', 'grouped'];
  beforeAll(() => useNodeBackend(backend));
  afterAll(() => useNodeBackend('cpu'));

  /** Straightforward reference: per batch row and head, softmax(q k^T / sqrt(d) + mask) v. */
  function plainAttention(qkv: tf.Tensor): tf.Tensor {
    const { batch, t, heads } = dims;
    const d = width / heads;
    const rows: tf.Tensor[] = [];
    for (let b = 0; b < batch; b++) {
      const headsOut: tf.Tensor[] = [];
      for (let h = 0; h < heads; h++) {
        const part = (p: number) => tf.slice(qkv, [b * t, p * width + h * d], [t, d]);
        const mask = tf.linalg.bandPart(tf.ones([t, t]), -1, 0);
        const scores = tf.add(tf.div(tf.matMul(part(0), part(1), false, true), Math.sqrt(d)), tf.mul(tf.sub(1, mask), -1e9));
        headsOut.push(tf.matMul(tf.softmax(scores), part(2)));
      }
      rows.push(tf.concat(headsOut, 1));
    }
    return tf.concat(rows, 0);
  }

  it('both formulations equal the straightforward one, and so do their gradients', () => {
    const qkv = randomTensor([dims.batch * dims.t, 3 * width], 'qkv');
    const weights = randomTensor([dims.batch * dims.t, width], 'w');
    const expected = tf.tidy(() => plainAttention(qkv));
    const [expectedGrad] = tf.grads((x: tf.Tensor) => tf.sum(tf.mul(plainAttention(x), weights)))([qkv]);
    for (const kernel of kernels) {
      const mask = attentionMask(dims.t, kernel);
      const out = causalAttention(qkv as tf.Tensor2D, mask, dims, kernel);
      expect(maxAbsDiff(out, expected), kernel).toBeLessThan(1e-5);
      const [grad] = tf.grads((x: tf.Tensor) => tf.sum(tf.mul(causalAttention(x as tf.Tensor2D, mask, dims, kernel), weights)))([qkv]);
      expect(maxAbsDiff(grad, expectedGrad), kernel).toBeLessThan(1e-5);
      tf.dispose([mask, out, grad]);
    }
    tf.dispose([qkv, weights, expected, expectedGrad]);
  });

  it(`runs ${fused ? 'the wasm backend\'s attention kernels' : 'tf ops only'} for the grouped formulation`, async () => {
    const qkv = randomTensor([dims.batch * dims.t, 3 * width], 'qkv3');
    const mask = attentionMask(dims.t, 'grouped');
    const { kernels: ran, result } = await tf.profile(() => causalAttention(qkv as tf.Tensor2D, mask, dims, 'grouped'));
    expect(ran.some((k) => k.name === 'CollapseLabAttention')).toBe(fused);
    tf.dispose([qkv, mask, result as tf.Tensor]);
  });

  it('gradients of both formulations match finite differences (relative error < 1e-2)', () => {
    const qkv = randomTensor([dims.batch * dims.t, 3 * width], 'qkv2');
    for (const kernel of kernels) {
      const mask = attentionMask(dims.t, kernel);
      const fd = finiteDifferenceError((x) => causalAttention(x as tf.Tensor2D, mask, dims, kernel), [qkv], 24);
      expect(fd.ref, kernel).toBeGreaterThan(1e-6);
      expect(fd.rel, kernel).toBeLessThan(1e-2);
      mask.dispose();
    }
    qkv.dispose();
  });
});
