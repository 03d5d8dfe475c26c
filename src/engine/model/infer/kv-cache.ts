import * as tf from '@tensorflow/tfjs';
import type { Gpt } from '../gpt';
import { decodeWeights, type DecodeWeights } from './decode-weights';
import {
  attentionKernelFor,
  decodeAttention,
  decodeAttentionOnWasm,
  direct,
  groupedProduct,
  mm,
  writeInPlaceOnWasm,
  type AttentionKernel,
} from '../kernels';

/**
 * Incremental decoding state. Per layer, the keys and the values of every position seen so far
 * (g = batch x heads, batch-major; d = width / heads), which come straight out of the q/k/v
 * product with no transpose. Where our wasm kernels run (`inPlace`), each is a buffer
 * [contextLength, g, d] allocated once, a new position written in place as one contiguous row and
 * attended by one kernel that reads only the first `length` rows: no copy of the cache per
 * token. Elsewhere a new token's keys and values join tensors [len, g, d] and [len, 1, g, d] by
 * one contiguous concat. The cache also holds the model's weights rearranged for decoding
 * (decode-weights.ts), made on first use: a cache belongs to one model, whose weights must not
 * change while it lives.
 */
export class KvCache {
  /** Per layer [len, g, d], or the buffer [contextLength, g, d] where `inPlace`. */
  keys: tf.Tensor[] = [];
  /** Per layer [len, 1, g, d] (the filter layout of wasm's grouped product), or a buffer as `keys`. */
  values: tf.Tensor[] = [];
  length = 0;
  inPlace = false;
  weights: DecodeWeights | null = null;

  constructor(readonly batch: number) {}

  /** Forgets every position (keeps the rearranged weights, and the buffers where `inPlace`). */
  clear(): void {
    this.length = 0;
    if (this.inPlace) return;
    tf.dispose([...this.keys, ...this.values]);
    this.keys = [];
    this.values = [];
  }

  dispose(): void {
    this.inPlace = false; // so that clear() frees the buffers too
    this.clear();
    this.weights?.dispose();
    this.weights = null;
  }
}

/** C[m, g, n] = sum_k A[m, k, g] B[k, g, n] on any backend (groupedProduct is wasm's fast form). */
function product(
  kernel: AttentionKernel,
  a: tf.Tensor,
  b: tf.Tensor,
  m: number,
  k: number,
  g: number,
  n: number,
): tf.Tensor3D {
  if (kernel === 'grouped') return groupedProduct(a, b, m, k, g, n);
  const a3 = tf.transpose(tf.reshape(a, [m, k, g]), [2, 0, 1]); // [g, m, k]
  const b3 = tf.transpose(tf.reshape(b, [k, g, n]), [1, 0, 2]); // [g, k, n]
  return tf.transpose(tf.matMul(a3, b3), [1, 0, 2]) as tf.Tensor3D;
}

/**
 * The normalised rows of LayerNorm without its gain and bias (folded into the next product), of
 * rows x + sqrt(eps) with x centred (decode-weights.ts), whose mean square is var(x) + eps: three
 * kernels and a scaling instead of nine (the offset row vanishes in the next product).
 */
function normalise(x: tf.Tensor): tf.Tensor {
  return direct.mul(x, direct.rsqrt(direct.mean(direct.square(x), x.rank - 1)));
}

/** GELU of x from u = a x (decode-weights.ts), up to the factor 1/a folded into the next product: u sigmoid(u (u^2 + K2/a)). */
function gelu(u: tf.Tensor, w: DecodeWeights): tf.Tensor {
  return direct.mul(u, direct.sigmoid(direct.mul(u, direct.add(direct.square(u), w.geluShift))));
}

/**
 * One-hot rows [1, n*batch, vocab + context] over (token, position) for rows (i, b) of the
 * stream: token ids[b*n + i] at position past + i (an upload, not a kernel).
 */
function embeddingPicks(
  ids: ArrayLike<number>,
  batch: number,
  n: number,
  past: number,
  v: number,
  t: number,
): tf.Tensor3D {
  const width = v + t;
  const hot = new Float32Array(n * batch * width);
  for (let i = 0; i < n; i++) {
    for (let b = 0; b < batch; b++) {
      const row = (i * batch + b) * width;
      hot[row + ids[b * n + i]] = 1;
      hot[row + v + past + i] = 1;
    }
  }
  return tf.tensor3d(hot, [1, n * batch, width]);
}

/** The first `total` positions of an in-place buffer [contextLength, g, d], copied out as `shape`. */
function rowsSoFar(buffer: tf.Tensor, total: number, shape: number[]): tf.Tensor {
  const [, g, d] = buffer.shape;
  return tf.reshape(tf.slice(buffer, [0, 0, 0], [total, g, d]), shape);
}

/** Additive mask [n, 1, past+n] (query i at past+i, key j): -1e9 where j > past + i. */
function incrementalMask(past: number, n: number): tf.Tensor3D {
  const total = past + n;
  const values = new Float32Array(n * total);
  for (let i = 0; i < n; i++) for (let j = past + i + 1; j < total; j++) values[i * total + j] = -1e9;
  return tf.tensor3d(values, [n, 1, total]);
}

/**
 * Attention of one new query per group, q [g, d], over keys [len, g, d] and values
 * [len, 1, g, d]: scores as a broadcast product summed over d (the cache needs no transpose),
 * the softmax over len between two small transposes, and the weighted values as one grouped
 * product (wasm: a depthwise convolution whose filter is the value cache). Returns
 * [1, batch, c]: g = (batch, heads) and d are the merged heads.
 */
function attendOne(
  kernel: AttentionKernel,
  q: tf.Tensor,
  keys: tf.Tensor,
  values: tf.Tensor,
  batch: number,
): tf.Tensor {
  const [len, g, d] = keys.shape as [number, number, number];
  const scores = direct.sum(direct.mul(keys, q), 2); // [len, g]
  const probs = direct.transpose(direct.softmax(direct.transpose(scores, [1, 0])), [1, 0]); // [len, g]
  const y =
    kernel === 'grouped'
      ? direct.depthwise(direct.reshape(probs, [1, len, 1, g]), values)
      : product(kernel, probs, values, 1, len, g, d);
  return direct.reshape(y, [1, batch, (g * d) / batch]);
}

/** Attention of n new queries q [n, g, d] over keys [total, g, d] and values [total, 1, g, d] with the causal mask [n, 1, total]: [1, n*batch, c]. */
function attendMany(
  kernel: AttentionKernel,
  q: tf.Tensor,
  keys: tf.Tensor,
  values: tf.Tensor,
  mask: tf.Tensor,
  batch: number,
): tf.Tensor {
  const [total, g, d] = keys.shape as [number, number, number];
  const n = q.shape[0]!;
  const scores = product(kernel, tf.transpose(q, [0, 2, 1]), tf.transpose(keys, [2, 1, 0]), n, d, g, total); // [i, g, j]
  const probs = tf.softmax(tf.add(scores, mask));
  const y = product(kernel, tf.transpose(probs, [0, 2, 1]), values, n, total, g, d); // [i, g, d]
  return tf.reshape(y, [1, n * batch, (g * d) / batch]);
}

/**
 * Feeds n new tokens per row (ids row-major [batch, n]) through the model, extending the cache,
 * and returns the logits of the last new position [batch, vocab]: gptLogits's (gpt.ts) at that
 * position, by another route (tests/unit/model/spec.test.ts). Positions continue from
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
  if (cache.keys.length === 0 && decodeAttentionOnWasm(d)) {
    const buffer = () => tf.keep(tf.zeros([contextLength, g, d]));
    cache.keys = w.blocks.map(buffer);
    cache.values = w.blocks.map(buffer);
    cache.inPlace = true;
  }
  const inPlace = cache.inPlace;
  const newKeys: tf.Tensor[] = [];
  const newValues: tf.Tensor[] = [];
  const logits = tf.tidy(() => {
    let x: tf.Tensor = mm(embeddingPicks(ids, batch, n, past, v, contextLength), w.embedding); // rows (i, b), centred + sqrt(eps)
    const mask = n > 1 && w.blocks.length > 1 ? incrementalMask(past, n) : null;
    let rowsOut = n * batch; // rows of the stream still computed
    const lastLayer = w.blocks.length - 1;
    w.blocks.forEach((block, l) => {
      const h = normalise(x);
      const k = direct.reshape(mm(h, block.kWeight, block.kBias), [n, g, d]);
      const val = direct.reshape(mm(h, block.vWeight, block.vBias), [n, 1, g, d]);
      // The keys [total, g, d] and values [total, 1, g, d] so far; in place they stay in the buffers.
      let keys: tf.Tensor | null = null;
      let values: tf.Tensor | null = null;
      if (inPlace) {
        writeInPlaceOnWasm(k, cache.keys[l], past * g * d);
        writeInPlaceOnWasm(val, cache.values[l], past * g * d);
      } else {
        keys = past > 0 ? direct.concat([cache.keys[l], k], 0) : k;
        values = past > 0 ? direct.concat([cache.values[l], val], 0) : val;
        newKeys.push(tf.keep(keys));
        newValues.push(tf.keep(values));
      }
      // Past the last layer's keys and values only the last position matters (its logits).
      if (l === lastLayer && n > 1) {
        x = tf.slice(x, [0, (n - 1) * batch, 0], [1, batch, c]);
        rowsOut = batch;
      }
      const hq = rowsOut === n * batch ? h : tf.slice(h, [0, (n - 1) * batch, 0], [1, batch, c]);
      const q = mm(hq, block.qWeight, block.qBias);
      let y: tf.Tensor;
      if (rowsOut === batch) {
        const one = direct.reshape(q, [g, d]);
        y =
          keys && values
            ? attendOne(kernel, one, keys, values, batch)
            : direct.reshape(decodeAttention(one, cache.keys[l], cache.values[l], total), [1, batch, c]);
      } else {
        // Several queries at once (a prompt, a restart): in place, the rows so far are copied out.
        y = attendMany(
          kernel,
          tf.reshape(q, [n, g, d]),
          keys ?? rowsSoFar(cache.keys[l], total, [total, g, d]),
          values ?? rowsSoFar(cache.values[l], total, [total, 1, g, d]),
          mask!,
          batch,
        );
      }
      x = direct.add(x, mm(y, block.projWeight, block.projBias));
      const hidden = gelu(mm(normalise(x), block.fcWeight, block.fcBias), w);
      x = direct.add(x, mm(hidden, block.fcProjWeight, block.fcProjBias));
    });
    const last = rowsOut === batch ? x : tf.slice(x, [0, (n - 1) * batch, 0], [1, batch, c]);
    return direct.reshape(mm(normalise(last), w.headWeight, w.headBias), [batch, v]) as tf.Tensor2D;
  });
  if (!inPlace) {
    tf.dispose([...cache.keys, ...cache.values]);
    cache.keys = newKeys;
    cache.values = newValues;
  }
  cache.length = total;
  return logits;
}

/** extendIds for tokens given as a tensor [batch, n]. */
export function extend(model: Gpt, cache: KvCache, tokens: tf.Tensor2D): tf.Tensor2D {
  if (tokens.shape[0] !== cache.batch)
    throw new RangeError(`tokens have ${tokens.shape[0]} rows, the cache ${cache.batch}`);
  return extendIds(model, cache, tokens.dataSync(), tokens.shape[1]);
}
