import * as tf from '@tensorflow/tfjs';
import { matMul } from './matmul';

/** Rows of x: [n, c]. LayerNorm over the last axis. */
export function layerNorm(x: tf.Tensor2D, gain: tf.Tensor, bias: tf.Tensor, eps = 1e-5): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps))), gain), bias) as tf.Tensor2D;
}

/** x [n, in] times w [in, out] plus b [out], with the flag-free gradient (see matmul.ts). */
export function linear(x: tf.Tensor2D, weight: tf.Tensor, bias: tf.Tensor): tf.Tensor2D {
  return tf.add(matMul(x, weight), bias) as tf.Tensor2D;
}

const GELU_C = Math.sqrt(2 / Math.PI);

/**
 * GELU, tanh approximation (GPT-2's). The cube is x*x*x, not pow: pow's gradient costs extra
 * kernels (log, where) and is slower on every backend.
 */
export function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), GELU_C);
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** Additive causal mask [t, t]: 0 on and below the diagonal, a large negative number above. */
export function causalMask(t: number): tf.Tensor2D {
  const values = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) values[i * t + j] = -1e9;
  return tf.tensor2d(values, [t, t]);
}

/** [b*t, c] -> [b*heads, t, c/heads], the layout batched attention products need. */
export function splitHeads(x: tf.Tensor, batch: number, t: number, heads: number): tf.Tensor3D {
  const d = x.shape[x.shape.length - 1] / heads;
  return tf.reshape(tf.transpose(tf.reshape(x, [batch, t, heads, d]), [0, 2, 1, 3]), [batch * heads, t, d]);
}

/** [b*heads, t, d] -> [b*t, heads*d]. */
export function mergeHeads(x: tf.Tensor, batch: number, t: number, heads: number): tf.Tensor2D {
  const d = x.shape[2] as number;
  return tf.reshape(tf.transpose(tf.reshape(x, [batch, heads, t, d]), [0, 2, 1, 3]), [batch * t, heads * d]);
}
