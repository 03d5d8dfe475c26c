import * as tf from '@tensorflow/tfjs';
import {
  attentionOnGpu,
  gpuAttentionBackward as gpuBackward,
  gpuAttentionForward as gpuForward,
} from './availability';
import { attentionBackwardOnWasm, attentionForwardOnWasm, attentionOnWasm } from './wasm-attention';
import { swapOnWasm } from './wasm-fused';

/**
 * gpt.ts's attention, as the fast paths run it: from the fused projection qkv [batch*t, 3*width]
 * (rows batch-major, columns [q | k | v], each head's d columns together) to the merged heads
 * [batch*t, width] (attentionForward), and its gradient written by hand (attentionBackward), in
 * the form the backend runs fastest: the wasm backend's kernels of our own (wasm-attention.ts),
 * the GPU backends' (availability.ts), or one of two formulations of tf ops.
 *
 * Why two formulations: on the wasm backend a batched matMul (batch > 1) skips XNNPACK and runs a
 * naive loop at about 1 GFLOP/s, 8-10x slower than a 2D product. A depthwise convolution, which
 * XNNPACK does run fast, computes exactly a batched product when its channels are the batch:
 *   C[m, g, n] = sum_k A[m, k, g] * B[k, g, n]
 * is depthwiseConv2d(x = A as [m, k, 1, g], filter = B as [k, 1, g, n], valid) = C as [m, 1, 1, g*n].
 * Every product of attention (forward and backward) is laid out that way on wasm ('grouped').
 * Elsewhere (cpu, WebGL, WebGPU) batched matMul is fine and its transpose flags cost nothing
 * ('batched').
 */
export type AttentionKernel = 'batched' | 'grouped';

export function attentionKernelFor(backend: string): AttentionKernel {
  return backend === 'wasm' ? 'grouped' : 'batched';
}

export interface AttentionDims {
  batch: number;
  t: number;
  heads: number;
}

/** C[m, g, n] = sum_k A[m, k, g] B[k, g, n], with A given as [m, k, g] and B as [k, g, n]. */
export function groupedProduct(
  a: tf.Tensor,
  b: tf.Tensor,
  m: number,
  k: number,
  g: number,
  n: number,
): tf.Tensor3D {
  const out = tf.depthwiseConv2d(
    tf.reshape(a, [m, k, 1, g]) as tf.Tensor4D,
    tf.reshape(b, [k, 1, g, n]) as tf.Tensor4D,
    1,
    'valid',
  );
  return tf.reshape(out, [m, g, n]);
}

/**
 * x [a, b, c, d] permuted by `perm` where that only swaps two inner axes of [batch, rows, cols]
 * (the others being of size 1), e.g. [i, 1, g, d] -> [i, d, 1, g]: on wasm by its blocked
 * transpose (wasm-fused.ts; tf.transpose is 5-10x slower there), else by tf.transpose.
 */
function swapInner(x: tf.Tensor, perm: number[], rows: number, cols: number): tf.Tensor4D {
  const shape = perm.map((axis) => x.shape[axis]!);
  return (swapOnWasm(x, rows, cols, shape) ?? tf.transpose(x, perm)) as tf.Tensor4D;
}

/**
 * k [j, 1, g, d] as the filter [d, 1, g, j] (tf.transpose by [3, 1, 2, 0]): on wasm as two
 * blocked transposes, [j, g, d] -> [j, d, g] and then [j, d * g] -> [d * g, j]: tf.transpose
 * of a rank-4 tensor takes its generic path there, many times slower.
 */
function asFilter(k: tf.Tensor, g: number, d: number): tf.Tensor4D {
  const j = k.shape[0]!;
  const dg = swapOnWasm(k, g, d, [j, d * g]);
  const filter = dg && swapOnWasm(dg, j, d * g, [d, 1, g, j]);
  dg?.dispose();
  return (filter ?? tf.transpose(k, [3, 1, 2, 0])) as tf.Tensor4D;
}

/** The grouped product on operands already laid out: a [m, k, 1, g], b [k, 1, g, n] -> [m, 1, 1, g*n], i.e. C[m, g, n]. */
function grouped4(a: tf.Tensor, b: tf.Tensor): tf.Tensor4D {
  return tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid');
}

/**
 * Grouped formulation (g = batch*heads groups, i/j query/key positions). Only rank <= 4
 * transposes (rank 5 takes a slow generic path on wasm) and no split or concat along columns
 * (a strided copy there): q, k and v are separated by one transpose to
 * [3, t, b, c] and a split along the leading axis. Operands are made directly in the 4D layouts
 * of the depthwise convolution (x [m, k, 1, g], filter [k, 1, g, n]; q, k and v as [t, 1, g, d]
 * are filters as they are), the scores and probabilities kept [i, g, 1, j], so that no product
 * needs a reshape of its operands (each reshape is a kernel launch in tf.profile).
 */
function groupedForward(qkv: tf.Tensor, mask: tf.Tensor, dims: AttentionDims, scale: number) {
  const { batch, t, heads } = dims;
  const c = qkv.shape[qkv.rank - 1]! / 3;
  const g = batch * heads;
  const d = c / heads;
  const parts = tf.transpose(tf.reshape(qkv, [batch, t, 3, c]), [2, 1, 0, 3]); // [3, t, b, c]
  const [q, k, v] = tf.split(tf.reshape(parts, [3 * t, 1, g, d]), 3, 0); // each [t, 1, g, d]
  // scores[i, g, j] = sum_d q[i, d, g] k[d, g, j]
  const qIn = swapInner(tf.mul(q, scale), [0, 3, 1, 2], g, d); // [i, d, 1, g]
  const kF = asFilter(k, g, d); // [d, 1, g, j]
  const probs = tf.softmax(tf.add(tf.reshape(grouped4(qIn, kF), [t, g, 1, t]), mask)); // [i, g, 1, j]
  // y[i, g, d] = sum_j p[i, j, g] v[j, g, d]
  const probsIJ = swapInner(probs, [0, 3, 2, 1], g, t); // [i, j, 1, g]
  const y = grouped4(probsIJ, v); // [i, 1, 1, (b, h, d)]
  const merged = tf.reshape(tf.transpose(tf.reshape(y, [t, batch, c]), [1, 0, 2]), [1, batch * t, c]);
  return { merged, saved: [q, k, v, probs, probsIJ] };
}

function groupedBackward(dy: tf.Tensor, saved: tf.Tensor[], dims: AttentionDims, scale: number): tf.Tensor {
  const [q, k, v, probs, probsIJ] = saved;
  const { batch, t, heads } = dims;
  const g = batch * heads;
  const c = dy.shape[dy.rank - 1]!;
  const d = c / heads;
  const dyT = tf.reshape(tf.transpose(tf.reshape(dy, [batch, t, c]), [1, 0, 2]), [t, 1, g, d]); // [i, 1, g, d]
  const dProbs = tf.reshape(grouped4(swapInner(dyT, [0, 3, 1, 2], g, d), asFilter(v, g, d)), [t, g, 1, t]); // [i, g, 1, j]
  // [j, i, 1, g] operands come from [i, j, 1, g] ones by swapping the outer axes (g stays innermost):
  // 4x cheaper on wasm than moving the innermost axis of an [i, g, j] tensor.
  const dv = grouped4(tf.transpose(probsIJ, [1, 0, 2, 3]), dyT); // [j, 1, 1, g*d]
  // Softmax: dS = P * (dP - sum_j dP * P); the score scale is applied here once.
  const dScores = tf.mul(tf.mul(probs, tf.sub(dProbs, tf.sum(tf.mul(dProbs, probs), 3, true))), scale);
  const dScoresIJ = swapInner(dScores, [0, 3, 2, 1], g, t); // [i, j, 1, g]
  const dq = grouped4(dScoresIJ, k); // [i, 1, 1, g*d]
  const dk = grouped4(tf.transpose(dScoresIJ, [1, 0, 2, 3]), q); // [j, 1, 1, g*d]
  const dParts = tf.reshape(tf.concat([dq, dk, dv], 0), [3, t, batch, c]);
  return tf.reshape(tf.transpose(dParts, [2, 1, 0, 3]), [1, batch * t, 3 * c]);
}

/** Batched formulation: [b*h, t, d] operands, transpose flags allowed. */
function splitHeads(x: tf.Tensor, { batch, t, heads }: AttentionDims): tf.Tensor3D {
  const d = x.shape[x.rank - 1]! / heads;
  return tf.reshape(tf.transpose(tf.reshape(x, [batch, t, heads, d]), [0, 2, 1, 3]), [batch * heads, t, d]);
}
function mergeHeads(x: tf.Tensor, { batch, t, heads }: AttentionDims): tf.Tensor3D {
  const d = x.shape[2]!;
  return tf.reshape(tf.transpose(tf.reshape(x, [batch, heads, t, d]), [0, 2, 1, 3]), [
    1,
    batch * t,
    heads * d,
  ]) as tf.Tensor3D;
}

/**
 * qkv [n, 3c] as q, k and v [b*h, t, d]: one rank-5 transpose to [3, b, h, t, d] and one split
 * (a kernel launch each; splitting first and moving each head apart would take four).
 */
function splitQkvHeads(qkv: tf.Tensor, { batch, t, heads }: AttentionDims): tf.Tensor3D[] {
  const d = qkv.shape[qkv.rank - 1]! / (3 * heads);
  const parts = tf.transpose(tf.reshape(qkv, [batch, t, 3, heads, d]), [2, 0, 3, 1, 4]);
  return tf.split(tf.reshape(parts, [3 * batch * heads, t, d]), 3, 0) as tf.Tensor3D[];
}

/** The inverse of splitQkvHeads: dq, dk and dv [b*h, t, d] as [1, n, 3c] (one concat, one transpose). */
function mergeQkvHeads(parts: tf.Tensor[], { batch, t, heads }: AttentionDims): tf.Tensor3D {
  const d = parts[0].shape[2]!;
  const stacked = tf.reshape(tf.concat(parts, 0), [3, batch, heads, t, d]);
  return tf.reshape(tf.transpose(stacked, [1, 3, 0, 2, 4]), [1, batch * t, 3 * heads * d]);
}

function batchedForward(qkv: tf.Tensor, mask: tf.Tensor, dims: AttentionDims, scale: number) {
  const [q, k, v] = splitQkvHeads(qkv, dims);
  const scores = tf.add(tf.matMul(tf.mul(q, scale), k, false, true), mask);
  const probs = tf.softmax(scores) as tf.Tensor3D; // [g, i, j]
  return { merged: mergeHeads(tf.matMul(probs, v), dims), saved: [q, k, v, probs] };
}

function batchedBackward(dy: tf.Tensor, saved: tf.Tensor[], dims: AttentionDims, scale: number): tf.Tensor {
  const [q, k, v, probs] = saved;
  const dyh = splitHeads(dy, dims);
  const dProbs = tf.matMul(dyh, v, false, true);
  const dv = tf.matMul(probs, dyh, true, false);
  // Softmax: dS = P * (dP - sum_j dP * P); the score scale is applied here once.
  const dScores = tf.mul(tf.mul(probs, tf.sub(dProbs, tf.sum(tf.mul(dProbs, probs), 2, true))), scale);
  return mergeQkvHeads([tf.matMul(dScores, k), tf.matMul(dScores, q, true, false), dv], dims);
}

/**
 * The wasm backend's own kernels (wasm-attention.ts), where our kernels run there and the window
 * and head widths are multiples of 4: no mask, no split of the heads; q, k and v are read in qkv.
 */
function fusedForward(qkv: tf.Tensor, _mask: tf.Tensor, { batch, t, heads }: AttentionDims, scale: number) {
  const { merged, probs } = attentionForwardOnWasm(qkv, { batch, t, heads, scale });
  return { merged, saved: [qkv, probs] };
}

function fusedBackward(
  dy: tf.Tensor,
  [qkv, probs]: tf.Tensor[],
  { batch, t, heads }: AttentionDims,
  scale: number,
): tf.Tensor {
  return attentionBackwardOnWasm(dy, qkv, probs, { batch, t, heads, scale });
}

/** How attention runs: a formulation of tf ops (AttentionKernel), or kernels of our own (wasm's, or the GPU backends'). */
export type AttentionForm = AttentionKernel | 'fused' | 'gpu';

const FORMS = {
  batched: { forward: batchedForward, backward: batchedBackward },
  grouped: { forward: groupedForward, backward: groupedBackward },
  fused: { forward: fusedForward, backward: fusedBackward },
  gpu: { forward: gpuForward, backward: gpuBackward },
};

/** The grouped kernel (wasm) becomes the fused one where that runs; the batched one (WebGL, WebGPU) the GPU kernels. */
function formOf(kernel: AttentionKernel, dims: AttentionDims, c: number): AttentionForm {
  if (kernel === 'grouped') return attentionOnWasm(dims.t, c / dims.heads) ? 'fused' : kernel;
  return attentionOnGpu(dims, c) ? 'gpu' : kernel;
}

/** Additive causal mask (0 on and below the diagonal, -1e9 above) in the shape `kernel` adds it. */
export function attentionMask(t: number, kernel: AttentionKernel): tf.Tensor {
  const values = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) values[i * t + j] = -1e9;
  return tf.tensor(values, kernel === 'grouped' ? [t, 1, 1, t] : [t, t]);
}

/** The mask of windows of t tokens for the current backend's attention, made once per model (in its `kept` tensors). */
export function modelAttentionMask(model: { kept: Map<string, tf.Tensor> }, t: number): tf.Tensor {
  const kernel = attentionKernelFor(tf.getBackend());
  const key = `attention-mask:${kernel}:${t}`;
  let mask = model.kept.get(key);
  if (!mask) {
    mask = tf.keep(attentionMask(t, kernel));
    model.kept.set(key, mask);
  }
  return mask;
}

/** The tensors attentionForward keeps for attentionBackward. */
export interface AttentionSaved {
  form: AttentionForm;
  tensors: tf.Tensor[];
}

/**
 * Forward pass without a gradient tape, from qkv (n = batch*t rows of 3c, any rank) to the merged
 * heads [1, n, c]; `saved` is what attentionBackward needs (the hand-written training step).
 */
export function attentionForward(
  qkv: tf.Tensor,
  mask: tf.Tensor,
  dims: AttentionDims,
  kernel: AttentionKernel = attentionKernelFor(tf.getBackend()),
): { merged: tf.Tensor3D; saved: AttentionSaved } {
  const c = qkv.shape[qkv.rank - 1]! / 3;
  const form = formOf(kernel, dims, c);
  const { merged, saved } = FORMS[form].forward(qkv, mask, dims, 1 / Math.sqrt(c / dims.heads));
  return { merged: merged as tf.Tensor3D, saved: { form, tensors: saved } };
}

/** Gradient of attentionForward: from d(merged) [.., c] to d(qkv) [1, n, 3c]. */
export function attentionBackward(
  dMerged: tf.Tensor,
  saved: AttentionSaved,
  dims: AttentionDims,
): tf.Tensor3D {
  const c = dMerged.shape[dMerged.rank - 1]!;
  return FORMS[saved.form].backward(
    dMerged,
    saved.tensors,
    dims,
    1 / Math.sqrt(c / dims.heads),
  ) as tf.Tensor3D;
}
