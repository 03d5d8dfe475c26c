import * as tf from '@tensorflow/tfjs';
import { embedTokens, finalLogits, mlpResidual, type Gpt } from './gpt';
import { layerNorm, linear, mergeHeads, splitHeads } from './layers';

/**
 * Incremental decoding state: per layer, the keys (laid out [b*h, d, len], ready for the
 * product with queries) and values ([b*h, len, d]) of every position seen so far, so a new
 * token costs one row of work instead of recomputing the whole window again.
 */
export class KvCache {
  keysT: tf.Tensor3D[] = [];
  values: tf.Tensor3D[] = [];
  length = 0;

  constructor(readonly batch: number) {}

  dispose(): void {
    tf.dispose([...this.keysT, ...this.values]);
    this.keysT = [];
    this.values = [];
    this.length = 0;
  }
}

/** Additive mask for n new queries at absolute positions past..past+n-1 over past+n keys. */
function incrementalMask(past: number, n: number): tf.Tensor2D {
  const total = past + n;
  const values = new Float32Array(n * total);
  for (let i = 0; i < n; i++) for (let j = past + i + 1; j < total; j++) values[i * total + j] = -1e9;
  return tf.tensor2d(values, [n, total]);
}

/**
 * Feeds n new tokens [batch, n] through the model, extending the cache, and returns the
 * logits of the last new position [batch, vocab]. Positions continue from cache.length and
 * must stay below the context length (the caller crops and re-fills the cache before that).
 */
export function extend(model: Gpt, cache: KvCache, tokens: tf.Tensor2D): tf.Tensor2D {
  const { heads, width, vocabSize, contextLength } = model.shape;
  const [batch, n] = tokens.shape;
  const past = cache.length;
  if (past + n > contextLength) throw new RangeError('KV cache would exceed the context length');
  const p = model.params;
  const newKeys: tf.Tensor3D[] = [];
  const newValues: tf.Tensor3D[] = [];
  const logits = tf.tidy(() => {
    const pos = tf.slice(p.positionEmbedding, [past, 0], [n, width]);
    const tok = embedTokens(p, tokens, vocabSize);
    let x = tf.reshape(tf.add(tf.reshape(tok, [batch, n, width]), pos), [batch * n, width]) as tf.Tensor2D;
    const mask = n > 1 ? incrementalMask(past, n) : null;
    p.blocks.forEach((block, l) => {
      const h = layerNorm(x, block.ln1Gain, block.ln1Bias);
      const [q, k, v] = tf.split(linear(h, block.qkvWeight, block.qkvBias), 3, 1);
      const kT = tf.transpose(splitHeads(k, batch, n, heads), [0, 2, 1]) as tf.Tensor3D;
      const vh = splitHeads(v, batch, n, heads);
      const allKeysT = past > 0 ? tf.concat([cache.keysT[l], kT], 2) : kT;
      const allValues = past > 0 ? tf.concat([cache.values[l], vh], 1) : vh;
      newKeys.push(tf.keep(allKeysT));
      newValues.push(tf.keep(allValues));
      let scores = tf.mul(tf.matMul(splitHeads(q, batch, n, heads), allKeysT), 1 / Math.sqrt(width / heads));
      if (mask) scores = tf.add(scores, mask);
      const merged = mergeHeads(tf.matMul(tf.softmax(scores), allValues), batch, n, heads);
      x = tf.add(x, linear(merged, block.projWeight, block.projBias)) as tf.Tensor2D;
      x = mlpResidual(x, block);
    });
    const last = tf.reshape(x, [batch, n, width]).slice([0, n - 1, 0], [batch, 1, width]);
    return finalLogits(tf.reshape(last, [batch, width]) as tf.Tensor2D, p);
  });
  tf.dispose([...cache.keysT, ...cache.values]);
  cache.keysT = newKeys;
  cache.values = newValues;
  cache.length = past + n;
  return logits;
}
