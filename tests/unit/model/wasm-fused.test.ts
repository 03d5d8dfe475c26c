import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assembleWasmKernels,
  BINARY_MODULE_PATH,
  binaryModuleSource,
} from '../../../src/cli/wasm-kernels/assemble';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { hasFusedKernels } from '../../../src/engine/model/kernels/availability';
import {
  GELU,
  GELU_GRAD,
  GELU_K1,
  GELU_K2,
  LAYER_NORM,
  LAYER_NORM_GRAD,
  runFused,
} from '../../../src/engine/model/kernels/catalog';
import { columnSumsOnWasm, swapOnWasm } from '../../../src/engine/model/kernels/wasm-fused';
import { decodeAttention } from '../../../src/engine/model/kernels/wasm-attention';

/** GELU (tanh form) in float64: y and sigmoid(z). */
function geluReference(x: number): { y: number; sig: number } {
  const sig = 1 / (1 + Math.exp(-x * (GELU_K1 * x * x + GELU_K2)));
  return { y: x * sig, sig };
}

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe("the wasm backend's fused kernels (wasm-fused.wat)", () => {
  beforeAll(() => useNodeBackend('wasm'));

  it('ship the binaries that wasm-fused.wat and wasm-attention.wat assemble to (run `npm run build:wasm-kernels` after editing them)', async () => {
    const committed = await readFile(BINARY_MODULE_PATH, 'utf8');
    expect(committed).toBe(binaryModuleSource(await assembleWasmKernels()));
  });

  it('run for rows whose width is a multiple of 4, on wasm only', async () => {
    expect(hasFusedKernels(64)).toBe(true);
    expect(hasFusedKernels(12)).toBe(true);
    expect(hasFusedKernels(10)).toBe(false);
    expect(hasFusedKernels(6)).toBe(false);
  });

  it('normalise a row to the hand-computed answer: [1, 2, 3, 4] has mean 2.5 and variance 1.25', () => {
    const x = tf.tensor3d([
      [
        [1, 2, 3, 4],
        [-2, -2, -2, -2],
      ],
    ]);
    const [y, xhat, rstd] = runFused(
      LAYER_NORM,
      { x, gain: tf.tensor1d([2, 2, 1, 1]), bias: tf.tensor1d([0, 1, 0, -1]) },
      { epsilon: 1e-5 },
    );
    const s = 1 / Math.sqrt(1.25 + 1e-5);
    expect(rstd.shape).toEqual([1, 2, 1]);
    expect(values(rstd)[0]).toBeCloseTo(s, 5);
    // A constant row has no spread: rstd = 1 / sqrt(eps) and xhat = 0.
    expect(values(rstd)[1]).toBeCloseTo(1 / Math.sqrt(1e-5), 0);
    const wantXhat = [-1.5 * s, -0.5 * s, 0.5 * s, 1.5 * s, 0, 0, 0, 0];
    values(xhat).forEach((v, i) => expect(v).toBeCloseTo(wantXhat[i], 5));
    const wantY = [2 * wantXhat[0], 2 * wantXhat[1] + 1, wantXhat[2], wantXhat[3] - 1, 0, 1, 0, -1];
    values(y).forEach((v, i) => expect(v).toBeCloseTo(wantY[i], 5));
  });

  it('give LayerNorm gradients whose rows sum to zero and that equal the formula in float64', () => {
    const c = 8;
    const rows = 3;
    const dyValues = Array.from({ length: rows * c }, (_, i) => Math.sin(i * 1.7) + 0.3);
    const xValues = Array.from({ length: rows * c }, (_, i) => Math.cos(i * 0.9) * (1 + i / 10));
    const gainValues = Array.from({ length: c }, (_, j) => 0.5 + j / 8);
    const [, xhat, rstd] = runFused(
      LAYER_NORM,
      { x: tf.tensor3d(xValues, [1, rows, c]), gain: tf.tensor1d(gainValues), bias: tf.zeros([c]) },
      { epsilon: 1e-5 },
    );
    const [dx, dyXhat] = runFused(LAYER_NORM_GRAD, {
      dy: tf.tensor3d(dyValues, [1, rows, c]),
      xhat,
      rstd,
      gain: tf.tensor1d(gainValues),
    });
    const h = values(xhat);
    const s = values(rstd);
    const got = values(dx);
    for (let r = 0; r < rows; r++) {
      const at = r * c;
      let m1 = 0;
      let m2 = 0;
      for (let j = 0; j < c; j++) {
        m1 += (dyValues[at + j] * gainValues[j]) / c;
        m2 += (dyValues[at + j] * gainValues[j] * h[at + j]) / c;
      }
      let rowSum = 0;
      for (let j = 0; j < c; j++) {
        const want = s[r] * (dyValues[at + j] * gainValues[j] - m1 - h[at + j] * m2);
        expect(got[at + j]).toBeCloseTo(want, 5);
        expect(values(dyXhat)[at + j]).toBeCloseTo(dyValues[at + j] * h[at + j], 6);
        rowSum += got[at + j];
      }
      expect(Math.abs(rowSum)).toBeLessThan(1e-5);
    }
  });

  it('compute GELU to float32 precision from -100 to 100, with 0 at 0, x far right, 0 far left and NaN kept', () => {
    const xs = [
      0,
      1e-3,
      -1e-3,
      0.5,
      -0.5,
      1,
      -1,
      2,
      -2,
      3,
      -3,
      5.5,
      -5.5,
      10,
      -10,
      20,
      -20,
      40,
      -40,
      100,
      -100,
      1e-20,
      -1e-20,
      Number.NaN,
    ];
    const [y, sig] = runFused(GELU, { x: tf.tensor3d(xs, [1, 6, 4]) });
    const gotY = values(y);
    const gotSig = values(sig);
    xs.forEach((x, i) => {
      if (Number.isNaN(x)) {
        expect(gotY[i]).toBeNaN();
        return;
      }
      const want = geluReference(x);
      // Rounding z = x (k1 x^2 + k2) to float32 moves sigmoid(z) by up to |z| 2^-24 relatively.
      const z = Math.abs(x * (GELU_K1 * x * x + GELU_K2));
      const relative = 3e-7 * (1 + z);
      expect(Math.abs(gotSig[i] - want.sig), `sigmoid at ${x}`).toBeLessThanOrEqual(
        relative * want.sig + 1e-37,
      );
      expect(Math.abs(gotY[i] - want.y), `gelu at ${x}`).toBeLessThanOrEqual(
        relative * Math.abs(want.y) + 1e-36,
      );
    });
    expect(gotSig[0]).toBe(0.5);
    expect(gotY[0]).toBe(0);
    expect(gotY[xs.indexOf(100)]).toBe(100);
    expect(Math.abs(gotY[xs.indexOf(-100)])).toBeLessThan(1e-30);
  });

  it("give GELU's derivative: matching central differences of the float64 formula", () => {
    const xs = Array.from({ length: 16 }, (_, i) => -4 + i * 0.55);
    const dys = xs.map((_, i) => 1 + (i % 3) * 0.5);
    const x = tf.tensor3d(xs, [1, 4, 4]);
    const [, sig] = runFused(GELU, { x });
    const [dx] = runFused(GELU_GRAD, { dy: tf.tensor3d(dys, [1, 4, 4]), x, sig });
    const h = 1e-5;
    values(dx).forEach((got, i) => {
      const slope = (geluReference(xs[i] + h).y - geluReference(xs[i] - h).y) / (2 * h);
      expect(got).toBeCloseTo(dys[i] * slope, 4);
    });
  });

  it('transpose the last two axes of each matrix in a batch, in 4 x 4 blocks, to any shape asked for', () => {
    // x[b, r, c] = 1000 b + 100 r + c: each number says where it came from.
    const rows = 8;
    const cols = 12;
    const source = Array.from(
      { length: 2 * rows * cols },
      (_, i) => 1000 * Math.floor(i / (rows * cols)) + 100 * Math.floor((i / cols) % rows) + (i % cols),
    );
    const y = swapOnWasm(tf.tensor3d(source, [2, rows, cols]), rows, cols, [2, cols, 1, rows]);
    expect(y?.shape).toEqual([2, cols, 1, rows]);
    const got = values(y!);
    for (let b = 0; b < 2; b++) {
      for (let c = 0; c < cols; c++)
        for (let r = 0; r < rows; r++) expect(got[(b * cols + c) * rows + r]).toBe(1000 * b + 100 * r + c);
    }
    // Sizes that are not multiples of 4 are left to tf.transpose.
    expect(swapOnWasm(tf.zeros([1, 6, 8]), 6, 8, [1, 8, 6])).toBeNull();
  });

  it('sum the rows of a matrix: [1 2 3 4], [10 20 30 40], [100 200 300 400] give [111 222 333 444]', () => {
    const x = tf.tensor3d([1, 2, 3, 4, 10, 20, 30, 40, 100, 200, 300, 400], [1, 3, 4]);
    const sums = columnSumsOnWasm(x);
    expect(sums?.shape).toEqual([1, 1, 4]);
    expect(values(sums!)).toEqual([111, 222, 333, 444]);
    expect(columnSumsOnWasm(tf.zeros([1, 3, 6]))).toBeNull();
  });

  it("attend a decoding query over the cache's first len positions only, to the hand-computed answer", () => {
    // [T = 4 positions, 2 groups, d = 4]. Group 0: q . K = ln 3 and 0, so weights 3/4 and 1/4 of
    // V = [4 0 0 0] and [0 8 0 0]; group 1: q = 0, so the mean of [2 2 2 2] and [4 6 8 10].
    // Positions 2 and 3 would outweigh both (keys 100, values 1000) were they read.
    const ln3 = Math.log(3);
    const q = tf.tensor2d([ln3, 0, 0, 0, 0, 0, 0, 0], [2, 4]);
    const far = Array<number>(8);
    const keys = tf.tensor3d(
      [1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, ...far.fill(100), ...far.fill(100)],
      [4, 2, 4],
    );
    const vals = tf.tensor3d(
      [4, 0, 0, 0, 2, 2, 2, 2, 0, 8, 0, 0, 4, 6, 8, 10, ...far.fill(1000), ...far.fill(1000)],
      [4, 2, 4],
    );
    const y = values(decodeAttention(q, keys, vals, 2));
    [3, 2, 0, 0, 3, 4, 5, 6].forEach((want, i) => expect(y[i]).toBeCloseTo(want, 5));
    // One position: its values whatever the score.
    expect(values(decodeAttention(q, keys, vals, 1))).toEqual([4, 0, 0, 0, 2, 2, 2, 2]);
    // Three: the third position's score of about 100 ln 3 takes nearly all the weight.
    expect(values(decodeAttention(q, keys, vals, 3))[0]).toBeCloseTo(1000, 3);
  });

  it("leave their width rule to wasm: cpu's loops take any width", async () => {
    await useNodeBackend('cpu');
    try {
      expect(hasFusedKernels(10)).toBe(true);
    } finally {
      await useNodeBackend('wasm');
    }
  });
});
