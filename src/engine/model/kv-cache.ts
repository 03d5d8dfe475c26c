import * as tf from '@tensorflow/tfjs';
import { attentionKernelFor, groupedProduct, type AttentionKernel } from './attention';
import type { Gpt } from './gpt';
import { decodeWeights, type DecodeWeights } from './decode-weights';
import { mm } from './kernels';

/**
 * Incremental decoding state. Per layer, the keys and the values of every position seen so far,
 * each [len, g, d] (g = batch x heads, batch-major; d = width / heads): a new token's keys and
 * values join them with one contiguous concat, and come straight out of the q/k/v product with
 * no transpose. It also holds the model's weights rearranged for decoding (decode-weights.ts),
 * made on first use: a cache belongs to one model, whose weights must not change while it lives.
 */
export class KvCache {
  keys: tf.Tensor3D[] = [];
  values: tf.Tensor3D[] = [];
  length = 0;
  weights: DecodeWeights | null = null;

  constructor(readonly batch: number) {}

  /** Forgets every position (keeps the rearranged weights). */
  clear(): void {
    tf.dispose([...this.keys, ...this.values]);
    this.keys = [];
    this.values = [];
    this.length = 0;
  }

  dispose(): void {
    this.clear();
    this.weights?.dispose();
    this.weights = null;
  }
}

/** C[m, g, n] = sum_k A[m, k, g] B[k, g, n] on any backend (groupedProduct is wasm's fast form). */
function product(kernel: AttentionKernel, a: tf.Tensor, b: tf.Tensor, m: number, k: number, g: number, n: number): tf.Tensor3D {
  if (kernel === 'grouped') return groupedProduct(a, b, m, k, g, n);
  const a3 = tf.transpose(tf.reshape(a, [m, k, g]), [2, 0, 1]); // [g, m, k]
  const b3 = tf.transpose(tf.reshape(b, [k, g, n]), [1, 0, 2]); // [g, k, n]
  return tf.transpose(tf.matMul(a3, b3), [1, 0, 2]) as tf.Tensor3D;
}

/**
 * The normalised rows of LayerNorm without its gain and bias (folded into the next product):
 * centring as a product with I - J/c, the variance plus eps as a product with a column of 1/c
 * with eps as its bias: five kernels instead of nine.
 */
function normalise(x: tf.Tensor3D, w: DecodeWeights): tf.Tensor3D {
  const centred = mm(x, w.centre);
  return tf.mul(centred, tf.rsqrt(mm(tf.square(centred), w.meanColumn, w.eps)));
}

/** GELU (tanh form) as x * sigmoid(x (k1 x^2 + k2)), the formula of layers.ts's gelu (constants kept as tensors). */
function gelu(x: tf.Tensor, w: DecodeWeights): tf.Tensor {
  return tf.mul(x, tf.sigmoid(tf.mul(x, tf.add(tf.mul(tf.square(x), w.geluK1), w.geluK2))));
}

/** Additive mask [n, 1, past+n] (query i at past+i, key j): -1e9 where j > past + i. */
function incrementalMask(past: number, n: number): tf.Tensor3D {
  const total = past + n;
  const values = new Float32Array(n * total);
  for (let i = 0; i < n; i++) for (let j = past + i + 1; j < total; j++) values[i * total + j] = -1e9;
  return tf.tensor3d(values, [n, 1, total]);
}

/**
 * Attention of one new query per group, q [g, d], over keys and values [len, g, d]: scores as
 * a broadcast product summed over d (the cache needs no transpose), the softmax over len between
 * two small transposes, and the weighted values as one grouped product (wasm: a depthwise
 * convolution whose filter is the value cache). Returns [g, d].
 */
function attendOne(kernel: AttentionKernel, q: tf.Tensor, keys: tf.Tensor3D, values: tf.Tensor3D): tf.Tensor {
  const [len, g, d] = keys.shape;
  const scores = tf.sum(tf.mul(keys, q), 2); // [len, g]
  const probs = tf.transpose(tf.softmax(tf.transpose(scores))); // [len, g]
  return product(kernel, probs, values, 1, len, g, d);
}

/** Attention of n new queries q [n, g, d] over keys and values [total, g, d] with the causal mask [n, 1, total]. */
function attendMany(kernel: AttentionKernel, q: tf.Tensor, keys: tf.Tensor3D, values: tf.Tensor3D, mask: tf.Tensor): tf.Tensor {
  const [total, g, d] = keys.shape;
  const n = q.shape[0]!;
  const scores = product(kernel, tf.transpose(q, [0, 2, 1]), tf.transpose(keys, [2, 1, 0]), n, d, g, total); // [i, g, j]
  const probs = tf.softmax(tf.add(scores, mask));
  return product(kernel, tf.transpose(probs, [0, 2, 1]), values, n, total, g, d); // [i, g, d]
}

/**
 * Feeds n new tokens per row (ids row-major [batch, n]) through the model, extending the cache,
 * and returns the logits of the last new position [batch, vocab]. Positions continue from
 * cache.length and must stay below the context length (the caller restarts the cache before).
 * The residual stream has rows (position, batch), so q, k and v [n*batch, width] are already
 * [n, g, d] and the attention output [n, g, d] is already the merged heads. q, k and v are three
 * products rather than one split (a column split is a slow strided copy on wasm).
 */
export function extendIds(model: Gpt, cache: KvCache, ids: ArrayLike<number>, n: number): tf.Tensor2D {
  const { heads, width: c, vocabSize: v, contextLength } = model.shape;
  const batch = cache.batch;
  const past = cache.length;
  if (past + n > contextLength) throw new RangeError('KV cache would exceed the context length');
  if (ids.length !== batch * n) throw new RangeError(`expected ${batch} x ${n} token ids, got ${ids.length}`);
  cache.weights ??= decodeWeights(model);
  const w = cache.weights;
  const kernel = attentionKernelFor(tf.getBackend());
  const d = c / heads;
  const g = heads * batch;
  const total = past + n;
  // Row (i, b) of the stream reads row (past + i) * vocab + token of the embedding table.
  const rows = new Int32Array(n * batch);
  for (let i = 0; i < n; i++) for (let b = 0; b < batch; b++) rows[i * batch + b] = (past + i) * v + ids[b * n + i];
  const newKeys: tf.Tensor3D[] = [];
  const newValues: tf.Tensor3D[] = [];
  const logits = tf.tidy(() => {
    let x = tf.reshape(tf.gather(w.embedding, tf.tensor1d(rows, 'int32')), [1, n * batch, c]) as tf.Tensor3D; // rows (i, b)
    const mask = n > 1 && w.blocks.length > 1 ? incrementalMask(past, n) : null;
    let rowsOut = n * batch; // rows of the stream still computed
    const lastLayer = w.blocks.length - 1;
    w.blocks.forEach((block, l) => {
      const h = normalise(x, w);
      const k = tf.reshape(mm(h, block.kWeight, block.kBias), [n, g, d]);
      const val = tf.reshape(mm(h, block.vWeight, block.vBias), [n, g, d]);
      const keys = (past > 0 ? tf.concat([cache.keys[l], k], 0) : k) as tf.Tensor3D; // [total, g, d]
      const values = (past > 0 ? tf.concat([cache.values[l], val], 0) : val) as tf.Tensor3D;
      newKeys.push(tf.keep(keys));
      newValues.push(tf.keep(values));
      // Past the last layer's keys and values only the last position matters (its logits).
      if (l === lastLayer && n > 1) {
        x = tf.slice(x, [0, (n - 1) * batch, 0], [1, batch, c]);
        rowsOut = batch;
      }
      const hq = rowsOut === n * batch ? h : tf.slice(h, [0, (n - 1) * batch, 0], [1, batch, c]);
      const q = mm(hq, block.qWeight, block.qBias);
      const y = rowsOut === batch ? attendOne(kernel, tf.reshape(q, [g, d]), keys, values) : attendMany(kernel, tf.reshape(q, [n, g, d]), keys, values, mask!);
      x = tf.add(x, mm(tf.reshape(y, [1, rowsOut, c]), block.projWeight, block.projBias));
      const hidden = gelu(mm(normalise(x, w), block.fcWeight, block.fcBias), w);
      x = tf.add(x, mm(hidden, block.fcProjWeight, block.fcProjBias));
    });
    const last = rowsOut === batch ? x : tf.slice(x, [0, (n - 1) * batch, 0], [1, batch, c]);
    return tf.reshape(mm(normalise(last, w), w.headWeight, w.headBias), [batch, v]) as tf.Tensor2D;
  });
  tf.dispose([...cache.keys, ...cache.values]);
  cache.keys = newKeys;
  cache.values = newValues;
  cache.length = total;
  return logits;
}

/** extendIds for tokens given as a tensor [batch, n]. */
export function extend(model: Gpt, cache: KvCache, tokens: tf.Tensor2D): tf.Tensor2D {
  if (tokens.shape[0] !== cache.batch) throw new RangeError(`tokens have ${tokens.shape[0]} rows, the cache ${cache.batch}`);
  return extendIds(model, cache, tokens.dataSync(), tokens.shape[1]);
}
