import * as tf from '@tensorflow/tfjs';
import {
  COLUMN_SUMS,
  GELU,
  GELU_GRAD,
  GELU_K1 as K1,
  GELU_K2 as K2,
  LAYER_NORM,
  LAYER_NORM_GRAD,
  LAYER_NORM_GRAD_GPU,
  LAYER_NORM_GRAD_RESIDUAL_GPU,
  runFused,
  SOFTMAX_CROSS_ENTROPY,
} from './catalog';
import { gpuBackend, hasFusedKernels, hasGpuKernels } from './availability';
import { mm, swap } from './ops';
import { columnSumsOnWasm } from './wasm-fused';

/**
 * Forward and backward passes of LayerNorm, GELU and the linear layers for the hand-written
 * training step (train/step.ts), on rows [1, n, c]. Each forward returns what its backward needs;
 * nothing goes through a gradient tape, so no saved tensor is cloned and no op records itself.
 * The functions are gpt.ts's layerNorm, gelu and linear (tests/unit/model/kernels.test.ts).
 */

const LN_EPS = 1e-5;

const lastDim = (x: tf.Tensor) => x.shape[x.rank - 1]!;

export interface NormSaved {
  xhat: tf.Tensor3D;
  rstd: tf.Tensor3D;
}

/** LayerNorm rows x [1, n, c] with gain and bias [c] (a fused kernel where availability.ts has one). */
export function layerNormForward(
  x: tf.Tensor,
  gain: tf.Tensor,
  bias: tf.Tensor,
): { y: tf.Tensor3D; saved: NormSaved } {
  if (hasFusedKernels(lastDim(x))) {
    const [y, xhat, rstd] = runFused(LAYER_NORM, { x, gain, bias }, { epsilon: LN_EPS }) as tf.Tensor3D[];
    return { y, saved: { xhat, rstd } };
  }
  return composedLayerNorm(x, gain, bias);
}

/** LayerNorm as composed tf ops, on rows of any rank (evaluation's forward pass, infer/logits.ts, runs only these). */
export function composedLayerNorm(
  x: tf.Tensor,
  gain: tf.Tensor,
  bias: tf.Tensor,
): { y: tf.Tensor3D; saved: NormSaved } {
  const centred = tf.sub(x, tf.mean(x, -1, true));
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), LN_EPS)) as tf.Tensor3D;
  const xhat = tf.mul(centred, rstd) as tf.Tensor3D;
  return { y: tf.add(tf.mul(xhat, gain), bias) as tf.Tensor3D, saved: { xhat, rstd } };
}

/** A row of ones [1, 1, n], made on first use (GPU backends never need it). */
export type Ones = () => tf.Tensor;

/**
 * Sums over the rows of x [1, n, c]: [1, 1, c], the layout AdamW packs without a reshape. On
 * wasm a kernel of its own (wasm-fused.ts) where c is a multiple of 4, on WebGL and WebGPU one
 * program (webgl-fused.ts, webgpu-fused.ts); elsewhere a product with a row of ones [1, 1, n] (a
 * sum over a leading axis transposes first on wasm, several times slower).
 */
export function columnSums(x: tf.Tensor, ones: Ones): tf.Tensor3D {
  if (gpuBackend()) return runFused(COLUMN_SUMS, { x })[0] as tf.Tensor3D;
  return columnSumsOnWasm(x) ?? mm(ones(), x);
}

const engine = tf.engine();
/** a [1, m, k] x b^T (b [1, n, k]): one flagged product on WebGL and WebGPU, where flags cost nothing; elsewhere a transpose and a flag-free product. */
export function mmTransposed(a: tf.Tensor, b: tf.Tensor): tf.Tensor3D {
  if (!gpuBackend()) return mm(a, swap(b));
  return engine.runKernel(tf.BatchMatMul, { a, b }, { transposeA: false, transposeB: true }) as tf.Tensor3D;
}

/**
 * Gradients of LayerNorm followed by a linear layer (every LayerNorm of the model is), from
 * that layer's output gradient dz [1, n, out], its weight as operand w [1, c, out] and its bias
 * gradient dzBias [1, 1, out]: [dx [1, n, c], dGain, dBias] (the last two [1, 1, c]). The LayerNorm's
 * output gradient is dz w^T, so the sum of its rows (the bias gradient) is dzBias w^T: a
 * [1, out] product instead of a pass over [n, c]. With `residual` (the gradient reaching the
 * LayerNorm's input around it, through a skip connection), dx includes it. On WebGL and WebGPU
 * one kernel takes dx (with the residual) and both reductions (catalog.ts).
 */
export function layerNormLinearBackward(
  dz: tf.Tensor,
  weight: tf.Tensor,
  dzBias: tf.Tensor,
  gain: tf.Tensor,
  { xhat, rstd }: NormSaved,
  ones: Ones,
  residual?: tf.Tensor,
): [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D] {
  if (hasGpuKernels(lastDim(xhat))) {
    const dy = mmTransposed(dz, weight);
    const inputs = { dy, xhat, rstd, gain, ...(residual ? { residual } : {}) };
    return runFused(residual ? LAYER_NORM_GRAD_RESIDUAL_GPU : LAYER_NORM_GRAD_GPU, inputs) as [
      tf.Tensor3D,
      tf.Tensor3D,
      tf.Tensor3D,
    ];
  }
  const weightT = swap(weight);
  const dy = mm(dz, weightT);
  const withResidual = (dx: tf.Tensor3D) => (residual ? (tf.add(residual, dx) as tf.Tensor3D) : dx);
  if (hasFusedKernels(lastDim(dy))) {
    const [dx, dyXhatFused] = runFused(LAYER_NORM_GRAD, { dy, xhat, rstd, gain }) as tf.Tensor3D[];
    return [withResidual(dx), columnSums(dyXhatFused, ones), mm(dzBias, weightT)];
  }
  const dyXhat = tf.mul(dy, xhat);
  const dxhat = tf.mul(dy, gain);
  // dx = rstd (dxhat - mean(dxhat) - xhat mean(dxhat xhat)), with dxhat xhat = (dy xhat) gain.
  const dx = tf.mul(
    tf.sub(tf.sub(dxhat, tf.mean(dxhat, -1, true)), tf.mul(xhat, tf.mean(tf.mul(dyXhat, gain), -1, true))),
    rstd,
  ) as tf.Tensor3D;
  return [withResidual(dx), columnSums(dyXhat, ones), mm(dzBias, weightT)];
}

export interface GeluSaved {
  x: tf.Tensor;
  /** x^2, kept by the composed form only (the fused backward recomputes it). */
  xSquared: tf.Tensor | null;
  sig: tf.Tensor;
  y: tf.Tensor;
}

/** GELU (tanh form) as x sigmoid(x (K1 x^2 + K2)), gpt.ts's gelu (a fused kernel where availability.ts has one). */
export function geluForward(x: tf.Tensor): { y: tf.Tensor; saved: GeluSaved } {
  if (hasFusedKernels(lastDim(x))) {
    const [y, sig] = runFused(GELU, { x });
    return { y, saved: { x, xSquared: null, sig, y } };
  }
  return composedGelu(x);
}

/** GELU as composed tf ops (evaluation's forward pass, infer/logits.ts, runs only these). */
export function composedGelu(x: tf.Tensor): { y: tf.Tensor; saved: GeluSaved } {
  const xSquared = tf.square(x);
  const sig = tf.sigmoid(tf.mul(x, tf.add(tf.mul(xSquared, K1), K2)));
  const y = tf.mul(x, sig);
  return { y, saved: { x, xSquared, sig, y } };
}

/** d/dx x s(z) = s + x s (1 - s) z' with z' = K2 + 3 K1 x^2, and x s = y. */
export function geluBackward(dy: tf.Tensor, { x, xSquared, sig, y }: GeluSaved): tf.Tensor {
  if (hasFusedKernels(lastDim(x))) return runFused(GELU_GRAD, { dy, x, sig })[0];
  const zPrime = tf.add(tf.mul(xSquared ?? tf.square(x), 3 * K1), K2);
  return tf.mul(dy, tf.add(sig, tf.mul(tf.mul(y, tf.sub(1, sig)), zPrime)));
}

/**
 * Weight and bias gradients of y = x W + b from x [1, n, in] and dy [1, n, out], as [1, in, out]
 * and [1, 1, out] (the layouts AdamW packs without a reshape; the bias's is also
 * layerNormLinearBackward's operand). On WebGL and WebGPU the weight's is one product flagged
 * to read x transposed. Elsewhere flag-free products only (flagged ones skip XNNPACK on
 * wasm): the weight's product has n as its inner dimension, and the narrower of x and dy is its
 * right operand: XNNPACK packs a product's right operand before multiplying, and these are fresh
 * every step, so packing the narrower one costs less even with the transposes it needs
 * (docs/SPEED.md, "One thread").
 */
export function linearGrads(
  x: tf.Tensor,
  dy: tf.Tensor,
  ones: Ones,
): { dWeight: tf.Tensor3D; dBias: tf.Tensor3D } {
  const dBias = columnSums(dy, ones);
  if (gpuBackend())
    return {
      dWeight: engine.runKernel(
        tf.BatchMatMul,
        { a: x, b: dy },
        { transposeA: true, transposeB: false },
      ) as tf.Tensor3D,
      dBias,
    };
  if (lastDim(dy) <= lastDim(x)) return { dWeight: mm(swap(x), dy), dBias };
  return { dWeight: swap(mm(swap(dy), x)), dBias };
}

/** Smallest probability the loss reads, so a target the model rules out costs ~69 nats, not infinity. */
const PROB_FLOOR = 1e-30;

/**
 * The mean cross-entropy of logits [1, n, v] against one-hot targets and its gradient with
 * respect to the logits: one kernel on WebGL and WebGPU (catalog.ts), else composed ops.
 */
export function crossEntropyAndGradient(
  logits: tf.Tensor,
  targetHot: tf.Tensor,
  n: number,
): { loss: tf.Scalar; dLogits: tf.Tensor } {
  if (gpuBackend()) {
    const [dLogits, loss] = runFused(SOFTMAX_CROSS_ENTROPY, { logits, targets: targetHot });
    return { loss: tf.reshape(loss, []) as tf.Scalar, dLogits };
  }
  const probs = tf.softmax(logits);
  const picked = tf.sum(tf.mul(probs, targetHot), -1);
  const loss = tf.neg(tf.mean(tf.log(tf.maximum(picked, PROB_FLOOR)))) as tf.Scalar;
  return { loss, dLogits: tf.mul(tf.sub(probs, targetHot), 1 / n) };
}
