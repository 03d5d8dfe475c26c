import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { attention, gelu, layerNorm, linear } from '../../../src/engine/model/gpt';
import {
  attentionBackward,
  attentionForward,
  attentionMask,
  columnSums,
  geluBackward,
  geluForward,
  layerNormForward,
  layerNormLinearBackward,
  type AttentionDims,
  type AttentionKernel,
} from '../../../src/engine/model/kernels';
import { seeded } from '../../support/model-fixtures';

const randomTensor = (shape: number[], seed: string, std = 1) => {
  const rng = seeded(seed);
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = rng.normal() * std;
  return tf.tensor(values, shape);
};

/**
 * Relative L2 error between the gradient and central finite differences, on a few random
 * coordinates of every input, of the scalar sum(f(inputs) * w) for a fixed random w. The gradient
 * is tf's automatic one, or gradsOf(w) where f's backward pass is written by hand.
 */
function finiteDifferenceError(
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: tf.Tensor[],
  probes = 6,
  gradsOf?: (w: tf.Tensor) => tf.Tensor[],
): { rel: number; ref: number } {
  const out = tf.tidy(() => f(...inputs));
  const w = randomTensor(out.shape, 'weights');
  out.dispose();
  const loss = (...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), w));
  const grads = gradsOf ? gradsOf(w) : tf.grads(loss)(inputs);
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

/**
 * LayerNorm and GELU as the training step runs them (kernels/layers.ts), forward and backward,
 * against gpt.ts's formulas and their automatic gradients: cpu's loop kernels, wasm's SIMD kernels
 * (width 8, a multiple of 4) and the composed tf ops (width 6, which wasm's kernels leave alone).
 * LayerNorm's backward is that of LayerNorm followed by a linear layer (every LayerNorm of the
 * model is), with the gradient of a skip connection around it.
 */
describe.each([
  { backend: 'cpu', width: 8 },
  { backend: 'wasm', width: 8 },
  { backend: 'wasm', width: 6 },
] as const)('LayerNorm and GELU kernels on $backend, rows of $width', ({ backend, width }) => {
  beforeAll(() => useNodeBackend(backend));
  afterAll(() => useNodeBackend('cpu'));
  const rows = 6;
  const out = 5;
  const as3 = (x: tf.Tensor) => tf.reshape(x, [1, ...x.shape]);

  it('compute the formulas of gpt.ts', () => {
    const x = randomTensor([rows, width], 'x');
    const g = randomTensor([width], 'g');
    const b = randomTensor([width], 'b');
    tf.tidy(() => {
      expect(
        maxAbsDiff(tf.reshape(layerNormForward(as3(x), g, b).y, [rows, width]), layerNorm(x, g, b)),
      ).toBeLessThan(1e-5);
      expect(
        maxAbsDiff(tf.reshape(geluForward(as3(tf.mul(x, 3))).y, [rows, width]), gelu(tf.mul(x, 3))),
      ).toBeLessThan(1e-5);
    });
    tf.dispose([x, g, b]);
  });

  it("give the automatic gradients of gpt.ts's formulas, which match finite differences", () => {
    const x = randomTensor([rows, width], 'x');
    const g = randomTensor([width], 'g');
    const b = randomTensor([width], 'b');
    const w = randomTensor([width, out], 'w');
    const c = randomTensor([out], 'c');
    const dz = randomTensor([rows, out], 'dz');
    const residual = randomTensor([rows, width], 'residual');
    const dy = randomTensor([rows, width], 'dy');
    const ones = () => tf.ones([1, 1, rows]);

    const normThenLinear = (xs: tf.Tensor, gs: tf.Tensor, bs: tf.Tensor) =>
      linear(layerNorm(xs, gs, bs), w, c);
    const fd = finiteDifferenceError(normThenLinear, [x, g, b]);
    expect(fd.ref).toBeGreaterThan(1e-6);
    expect(fd.rel).toBeLessThan(1e-2);
    const want = tf.grads((xs: tf.Tensor, gs: tf.Tensor, bs: tf.Tensor) =>
      tf.sum(tf.mul(normThenLinear(xs, gs, bs), dz)),
    )([x, g, b]);
    tf.tidy(() => {
      const { saved } = layerNormForward(as3(x), g, b);
      const dzBias = tf.reshape(tf.sum(dz, 0), [1, 1, out]);
      const [dx, dGain, dBias] = layerNormLinearBackward(
        as3(dz),
        as3(w),
        dzBias,
        g,
        saved,
        ones,
        as3(residual),
      );
      expect(maxAbsDiff(tf.reshape(dx, [rows, width]), tf.add(want[0], residual)), 'dx').toBeLessThan(1e-4);
      expect(maxAbsDiff(tf.reshape(dGain, [width]), want[1]), 'dGain').toBeLessThan(1e-4);
      expect(maxAbsDiff(tf.reshape(dBias, [width]), want[2]), 'dBias').toBeLessThan(1e-4);
      expect(
        maxAbsDiff(tf.reshape(columnSums(as3(dy), ones), [width]), tf.sum(dy, 0)),
        'column sums',
      ).toBeLessThan(1e-4);
    });

    const geluFd = finiteDifferenceError((xs) => gelu(tf.mul(xs, 3)), [x]);
    expect(geluFd.ref).toBeGreaterThan(1e-6);
    expect(geluFd.rel).toBeLessThan(1e-2);
    const [wantGelu] = tf.grads((xs: tf.Tensor) => tf.sum(tf.mul(gelu(xs), dy)))([tf.mul(x, 3)]);
    tf.tidy(() => {
      const { saved } = geluForward(as3(tf.mul(x, 3)));
      expect(
        maxAbsDiff(tf.reshape(geluBackward(as3(dy), saved), [rows, width]), wantGelu),
        'gelu',
      ).toBeLessThan(1e-4);
    });
    tf.dispose([x, g, b, w, c, dz, residual, dy, ...want, wantGelu]);
  });
});

/**
 * Attention as the fast paths run it (kernels/attention.ts: forward, and the backward written by
 * hand) against gpt.ts's attention and its automatic gradient, and a straightforward loop over
 * rows and heads. On cpu both formulations of tf ops; on wasm, with windows and heads of multiples
 * of 4 columns, 'grouped' runs the wasm backend's own attention kernels (wasm-attention.ts), which
 * must give the same numbers and gradients. A window of 5 keeps wasm on the composed grouped form, whose 4
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
        const scores = tf.add(
          tf.div(tf.matMul(part(0), part(1), false, true), Math.sqrt(d)),
          tf.mul(tf.sub(1, mask), -1e9),
        );
        headsOut.push(tf.matMul(tf.softmax(scores), part(2)));
      }
      rows.push(tf.concat(headsOut, 1));
    }
    return tf.concat(rows, 0);
  }

  const n = dims.batch * dims.t;
  const spec = (qkv: tf.Tensor) => attention(qkv, dims.batch, dims.t, dims.heads);
  /** The fast forward pass as [n, c], and its backward pass of d(output) as [n, 3c]. */
  function fast(qkv: tf.Tensor, kernel: AttentionKernel, mask: tf.Tensor) {
    const { merged, saved } = attentionForward(qkv, mask, dims as AttentionDims, kernel);
    return {
      out: tf.reshape(merged, [n, width]),
      backward: (dy: tf.Tensor) =>
        tf.reshape(attentionBackward(dy, saved, dims as AttentionDims), [n, 3 * width]),
    };
  }

  it("gpt.ts's attention equals the straightforward one, and both formulations equal it, and so do their gradients", () => {
    const qkv = randomTensor([n, 3 * width], 'qkv');
    const weights = randomTensor([n, width], 'w');
    const expected = tf.tidy(() => plainAttention(qkv));
    const [expectedGrad] = tf.grads((x: tf.Tensor) => tf.sum(tf.mul(plainAttention(x), weights)))([qkv]);
    const [specGrad] = tf.grads((x: tf.Tensor) => tf.sum(tf.mul(spec(x), weights)))([qkv]);
    expect(tf.tidy(() => maxAbsDiff(spec(qkv), expected))).toBeLessThan(1e-5);
    expect(maxAbsDiff(specGrad, expectedGrad)).toBeLessThan(1e-5);
    for (const kernel of kernels) {
      const mask = attentionMask(dims.t, kernel);
      tf.tidy(() => {
        const { out, backward } = fast(qkv, kernel, mask);
        expect(maxAbsDiff(out, expected), kernel).toBeLessThan(1e-5);
        expect(maxAbsDiff(backward(weights), specGrad), kernel).toBeLessThan(1e-5);
      });
      mask.dispose();
    }
    tf.dispose([qkv, weights, expected, expectedGrad, specGrad]);
  });

  it(`runs ${fused ? "the wasm backend's attention kernels" : 'tf ops only'} for the grouped formulation`, async () => {
    const qkv = randomTensor([dims.batch * dims.t, 3 * width], 'qkv3');
    const mask = attentionMask(dims.t, 'grouped');
    const { kernels: ran, result } = await tf.profile(() => tf.tidy(() => fast(qkv, 'grouped', mask).out));
    expect(ran.some((k) => k.name === 'CollapseLabAttention')).toBe(fused);
    tf.dispose([qkv, mask, result as tf.Tensor]);
  });

  it('gradients of both formulations match finite differences (relative error < 1e-2)', () => {
    const qkv = randomTensor([n, 3 * width], 'qkv2');
    for (const kernel of kernels) {
      const mask = attentionMask(dims.t, kernel);
      const backwardOf = (w: tf.Tensor) => [tf.tidy(() => fast(qkv, kernel, mask).backward(w))];
      const fd = finiteDifferenceError((x) => fast(x, kernel, mask).out, [qkv], 24, backwardOf);
      expect(fd.ref, kernel).toBeGreaterThan(1e-6);
      expect(fd.rel, kernel).toBeLessThan(1e-2);
      mask.dispose();
    }
    qkv.dispose();
  });
});
