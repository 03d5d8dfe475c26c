import type * as tf from '@tensorflow/tfjs';
import { registerLoopKernel, type Memory } from './loop-kernels';

/**
 * GELU (tanh form, as layers.ts: y = x sigmoid(z), z = x (K1 x^2 + K2)) in fewer kernel launches
 * on the cpu backend (loop-kernels.ts):
 * - forward, 3 launches instead of 6: z in one loop, then tf's sigmoid and product (a loop's
 *   Math.exp costs ~17 ns a number in V8, several times tf's own sigmoid kernel);
 * - backward, 1 launch instead of 7: dy, x, s = sigmoid(z) -> dx = dy (s + x s (1 - s) z'),
 *   z' = K2 + 3 K1 x^2.
 */
export const GELU_INNER = 'CollapseLabGeluInner';
export const GELU_GRAD = 'CollapseLabGeluGrad';

const GELU_C = Math.sqrt(2 / Math.PI);
export const GELU_K2 = 2 * GELU_C;
export const GELU_K1 = 2 * GELU_C * 0.044715;

function inner(memory: Memory, xInfo: tf.TensorInfo): tf.TensorInfo[] {
  const { infos, arrays } = memory.outputs([xInfo.shape]);
  const [z] = arrays;
  const x = memory.read(xInfo);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    z[i] = v * (GELU_K1 * v * v + GELU_K2);
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

registerLoopKernel(GELU_INNER, ['x'], (memory, [x]) => inner(memory, x));
registerLoopKernel(GELU_GRAD, ['dy', 'x', 'sig'], (memory, [dy, x, sig]) => backward(memory, dy, x, sig));
