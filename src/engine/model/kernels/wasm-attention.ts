import type * as tf from '@tensorflow/tfjs';
import { ATTENTION, ATTENTION_GRAD_WASM, DECODE_ATTENTION, registerFused, runFused } from './catalog';
import { kernelsOnWasm, runOnWasm, widthOf } from './wasm-module';

/**
 * Causal self-attention on the wasm backend as two kernels of our own (wasm-attention.wat,
 * "attention" and "attention_grad"): each head's products run as register-tiled SIMD loops that
 * read q, k and v in place in the fused projection's rows, skip the tiles above the diagonal, and
 * write the merged heads (forward) or the gradient of the projection in its own layout
 * (backward). The composed form (attention.ts, 'grouped') takes about 20 kernels per layer and
 * step: depthwise convolutions as batched products, with the transposes, split, concat and
 * softmax around them. A third kernel ("decode_attention") is decoding's attention over a KV cache.
 */

export interface AttentionShape {
  batch: number;
  t: number;
  heads: number;
  /** 1 / sqrt(head width). */
  scale: number;
}

/** Whether windows of t positions and heads of d columns run the fused kernels (multiples of 4, on wasm). */
export function attentionOnWasm(t: number, d: number): boolean {
  return t % 4 === 0 && d % 4 === 0 && kernelsOnWasm();
}

export function attentionForwardOnWasm(
  qkv: tf.Tensor,
  shape: AttentionShape,
): { merged: tf.Tensor3D; probs: tf.Tensor3D } {
  const [merged, probs] = runFused(ATTENTION, { qkv }, { ...shape }) as tf.Tensor3D[];
  return { merged, probs };
}

export function attentionBackwardOnWasm(
  dy: tf.Tensor,
  qkv: tf.Tensor,
  probs: tf.Tensor,
  shape: AttentionShape,
): tf.Tensor3D {
  return runFused(ATTENTION_GRAD_WASM, { dy, qkv, probs }, { ...shape })[0] as tf.Tensor3D;
}

const shapeOf = (attrs: tf.NamedAttrMap) => attrs as unknown as AttentionShape;

registerFused(ATTENTION, 'wasm', (backend, [qkv], attrs) =>
  runOnWasm(backend, ({ kernels, at, outputs, scratch }) => {
    const { batch, t, heads, scale } = shapeOf(attrs);
    const c = widthOf(qkv) / 3;
    const d = c / heads;
    const [merged, probs] = outputs([1, batch * t, c], [batch * heads, t, t]);
    kernels.attention(at(qkv), at(merged), at(probs), scratch(d * t), batch, t, heads, d, scale);
    return [merged, probs];
  }),
);

registerFused(ATTENTION_GRAD_WASM, 'wasm', (backend, [dy, qkv, probs], attrs) =>
  runOnWasm(backend, ({ kernels, at, outputs, scratch }) => {
    const { batch, t, heads, scale } = shapeOf(attrs);
    const c = widthOf(dy);
    const d = c / heads;
    const [dqkv] = outputs([1, batch * t, 3 * c]);
    kernels.attention_grad(
      at(dy),
      at(qkv),
      at(probs),
      at(dqkv),
      scratch(d * t + t * t),
      batch,
      t,
      heads,
      d,
      scale,
    );
    return [dqkv];
  }),
);

/** Whether decoding's attention over heads of d columns runs our kernel (kv-cache.ts). */
export const decodeAttentionOnWasm = (d: number): boolean => d % 4 === 0 && kernelsOnWasm();

/** q [groups, d] over the first `len` positions of keys and values [T, groups, d]: y [groups, d]. */
export function decodeAttention(q: tf.Tensor, keys: tf.Tensor, values: tf.Tensor, len: number): tf.Tensor2D {
  return runFused(DECODE_ATTENTION, { q, keys, values }, { len })[0] as tf.Tensor2D;
}

registerFused(DECODE_ATTENTION, 'wasm', (backend, [q, keys, values], attrs) =>
  runOnWasm(backend, ({ kernels, at, outputs, scratch }) => {
    const { len } = attrs as { len: number };
    const [groups, d] = q.shape;
    if (len < 1 || len > keys.shape[0])
      throw new RangeError(`decoding attention over ${len} of ${keys.shape[0]} positions`);
    const [y] = outputs([groups, d]);
    kernels.decode_attention(at(q), at(keys), at(values), at(y), scratch(len + 4), groups, d, len);
    return [y];
  }),
);
