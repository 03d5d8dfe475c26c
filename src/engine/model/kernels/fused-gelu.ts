import type * as tf from '@tensorflow/tfjs';
import type { FusedKernelSpec } from './fused-registry';
import { registerLoopKernel, type Memory } from './loop-kernels';

/**
 * GELU (tanh form, as layers.ts: y = x sigmoid(z), z = x (K1 x^2 + K2)) forward and backward as
 * one kernel each instead of 6 and 7 composed tf ops: loops on the cpu backend (loop-kernels.ts;
 * its own sigmoid is the same Math.exp loop), programs on WebGPU (webgpu-fused.ts).
 * Forward: x -> y and s = sigmoid(z) (kept for the backward pass).
 * Backward: dy, x, s -> dx = dy (s + x s (1 - s) z'), z' = K2 + 3 K1 x^2.
 */
export const GELU: FusedKernelSpec = { name: 'CollapseLabGelu', inputs: ['x'] };
export const GELU_GRAD: FusedKernelSpec = { name: 'CollapseLabGeluGrad', inputs: ['dy', 'x', 'sig'] };

const GELU_C = Math.sqrt(2 / Math.PI);
export const GELU_K2 = 2 * GELU_C;
export const GELU_K1 = 2 * GELU_C * 0.044715;

function forward(memory: Memory, xInfo: tf.TensorInfo): tf.TensorInfo[] {
  const { infos, arrays } = memory.outputs([xInfo.shape, xInfo.shape]);
  const [y, sig] = arrays;
  const x = memory.read(xInfo);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const s = 1 / (1 + Math.exp(-v * (GELU_K1 * v * v + GELU_K2)));
    sig[i] = s;
    y[i] = v * s;
  }
  return infos;
}

function backward(memory: Memory, dyInfo: tf.TensorInfo, xInfo: tf.TensorInfo, sigInfo: tf.TensorInfo): tf.TensorInfo[] {
  const { infos, arrays } = memory.outputs([dyInfo.shape]);
  const [dx] = arrays;
  const dy = memory.read(dyInfo);
  const x = memory.read(xInfo);
  const sig = memory.read(sigInfo);
  for (let i = 0; i < dx.length; i++) {
    const v = x[i];
    const s = sig[i];
    dx[i] = dy[i] * (s + v * s * (1 - s) * (GELU_K2 + 3 * GELU_K1 * v * v));
  }
  return infos;
}

registerLoopKernel(GELU, (memory, [x]) => forward(memory, x));
registerLoopKernel(GELU_GRAD, (memory, [dy, x, sig]) => backward(memory, dy, x, sig));
