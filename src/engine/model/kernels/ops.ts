import * as tf from '@tensorflow/tfjs';
import { swapOnWasm } from './wasm-fused';

/**
 * Single kernels for code that needs no gradient tape (the hand-written training step, the KV
 * cache). Operands are rank 3 with a leading 1, the layout the product kernels take as is:
 * tf.matMul on rank 2 adds three reshapes and tf.fused.matMul a customGrad scope around them, and
 * each counts as a kernel launch. A batch of 1 with no transpose flag is also the product the
 * wasm backend hands to XNNPACK (flagged or batched products run a naive loop there).
 */

/**
 * Kernel names and the engine read once: through a bundler's or Node's module interop every
 * tf.X is a getter call, which the KV cache's token loop pays thousands of times a second.
 */
const {
  Add,
  BatchMatMul,
  Concat,
  DepthwiseConv2dNative,
  Mean,
  Multiply,
  Reshape,
  Rsqrt,
  Sigmoid,
  Softmax,
  Square,
  Sum,
  Transpose,
  _FusedMatMul,
} = tf;
const engine = tf.engine();
const PLAIN = { transposeA: false, transposeB: false };
const PLAIN_FUSED = { ...PLAIN, activation: 'linear', leakyreluAlpha: 0 };

/** a [1, m, k] x b [1, k, n] (+ bias [n]) as one kernel. */
export function mm(a: tf.Tensor, b: tf.Tensor, bias?: tf.Tensor): tf.Tensor3D {
  if (!bias) return engine.runKernel(BatchMatMul, { a, b }, PLAIN) as tf.Tensor3D;
  return engine.runKernel(_FusedMatMul, { a, b, bias }, PLAIN_FUSED) as tf.Tensor3D;
}

/** [1, m, n] -> [1, n, m] (on wasm, its blocked transpose where m and n are multiples of 4). */
export function swap(x: tf.Tensor): tf.Tensor3D {
  const [, m, n] = x.shape as number[];
  return (swapOnWasm(x, m, n, [1, n, m]) ?? tf.transpose(x, [0, 2, 1])) as tf.Tensor3D;
}

/** A matrix variable [k, n] as the operand [1, k, n]. */
export function asOperand(w: tf.Tensor): tf.Tensor3D {
  return tf.reshape(w, [1, w.shape[0]!, w.shape[1]!]);
}

/**
 * Kernels run straight through the engine, for hot loops of small tensors (the KV cache's
 * tokens): each tf.* op wraps its kernel in a named scope and converts and checks its operands,
 * a few microseconds that weigh as much as the kernel itself on [16, 64]. Operands must already
 * be float32 tensors of compatible shapes (the kernels broadcast); shapes are given in full.
 */
const DEPTHWISE_VALID = {
  strides: [1, 1],
  pad: 'valid',
  dataFormat: 'NHWC',
  dilations: [1, 1],
} as unknown as tf.NamedAttrMap;
const run = (name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap = {}): tf.Tensor =>
  engine.runKernel(name, inputs, attrs) as tf.Tensor;
export const direct = {
  add: (a: tf.Tensor, b: tf.Tensor) => run(Add, { a, b }),
  mul: (a: tf.Tensor, b: tf.Tensor) => run(Multiply, { a, b }),
  square: (x: tf.Tensor) => run(Square, { x }),
  rsqrt: (x: tf.Tensor) => run(Rsqrt, { x }),
  sigmoid: (x: tf.Tensor) => run(Sigmoid, { x }),
  reshape: (x: tf.Tensor, shape: number[]) => run(Reshape, { x }, { shape }),
  transpose: (x: tf.Tensor, perm: number[]) => run(Transpose, { x }, { perm }),
  /** Softmax over the last axis. */
  softmax: (x: tf.Tensor) => run(Softmax, { logits: x }, { dim: x.rank - 1 }),
  /** Mean over one axis, kept (size 1). */
  mean: (x: tf.Tensor, axis: number) => run(Mean, { x }, { axis: [axis], keepDims: true }),
  /** Sum over one axis, dropped. */
  sum: (x: tf.Tensor, axis: number) => run(Sum, { x }, { axis: [axis], keepDims: false }),
  /** x [b, h, w, g] with filter [fh, fw, g, n], stride 1, no padding. */
  depthwise: (x: tf.Tensor, filter: tf.Tensor) => run(DepthwiseConv2dNative, { x, filter }, DEPTHWISE_VALID),
  concat: (xs: tf.Tensor[], axis: number) =>
    engine.runKernel(Concat, xs as unknown as tf.NamedTensorMap, { axis }) as tf.Tensor,
};
