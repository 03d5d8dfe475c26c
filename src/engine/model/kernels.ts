import * as tf from '@tensorflow/tfjs';

/**
 * Single kernels for code that needs no gradient tape (the hand-written training step, the KV
 * cache). Operands are rank 3 with a leading 1, the layout the product kernels take as is:
 * tf.matMul on rank 2 adds three reshapes and tf.fused.matMul a customGrad scope around them, and
 * each counts as a kernel launch. A batch of 1 with no transpose flag is also the product the
 * wasm backend hands to XNNPACK (flagged or batched products run a naive loop there).
 */

/** a [1, m, k] x b [1, k, n] (+ bias [n]) as one kernel. */
export function mm(a: tf.Tensor, b: tf.Tensor, bias?: tf.Tensor): tf.Tensor3D {
  const attrs = { transposeA: false, transposeB: false };
  if (!bias) return tf.engine().runKernel(tf.BatchMatMul, { a, b }, attrs) as tf.Tensor3D;
  return tf.engine().runKernel(tf._FusedMatMul, { a, b, bias }, { ...attrs, activation: 'linear', leakyreluAlpha: 0 }) as tf.Tensor3D;
}

/** [1, m, n] -> [1, n, m]. */
export function swap(x: tf.Tensor): tf.Tensor3D {
  return tf.transpose(x, [0, 2, 1]) as tf.Tensor3D;
}

/** A matrix variable [k, n] as the operand [1, k, n]. */
export function asOperand(w: tf.Tensor): tf.Tensor3D {
  return tf.reshape(w, [1, w.shape[0]!, w.shape[1]!]);
}
