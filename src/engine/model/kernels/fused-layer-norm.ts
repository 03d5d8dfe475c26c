import type * as tf from '@tensorflow/tfjs';
import { epsilonOf, type FusedKernelSpec } from './fused-registry';
import { registerLoopKernel, type Memory } from './loop-kernels';

/**
 * LayerNorm's forward and backward passes as one kernel each: loops on the cpu backend
 * (loop-kernels.ts; the WebGPU programs of the same kernels are in webgpu-fused.ts). Composed of
 * tf ops they take 9 launches forward and 9 elementwise ones backward, and the model has five
 * LayerNorms: 90 of a training step's launches. Each row is read two or three times while it is
 * in cache, instead of once per composed op.
 *
 * Forward: x [..., c], gain [c], bias [c] -> y = xhat * gain + bias, xhat, rstd [..., 1], with
 * xhat = (x - mean) * rstd and rstd = 1 / sqrt(var + eps) over each row.
 * Backward: dy (the gradient of y) [..., c], xhat, rstd, gain -> dx, and dy * xhat (whose
 * column sums are the gain's gradient):
 * dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)), dxhat = dy * gain.
 */
export const LAYER_NORM: FusedKernelSpec = { name: 'CollapseLabLayerNorm', inputs: ['x', 'gain', 'bias'] };
export const LAYER_NORM_GRAD: FusedKernelSpec = { name: 'CollapseLabLayerNormGrad', inputs: ['dy', 'xhat', 'rstd', 'gain'] };

const rowsShape = (shape: number[]) => [...shape.slice(0, -1), 1];

function forward(memory: Memory, x: tf.TensorInfo, gainInfo: tf.TensorInfo, biasInfo: tf.TensorInfo, epsilon: number): tf.TensorInfo[] {
  const c = x.shape[x.shape.length - 1];
  const { infos, arrays } = memory.outputs([x.shape, x.shape, rowsShape(x.shape)]);
  const [y, xhat, rstd] = arrays;
  const xs = memory.read(x);
  const gain = memory.read(gainInfo);
  const bias = memory.read(biasInfo);
  for (let r = 0, at = 0; r < rstd.length; r++, at += c) {
    let sum = 0;
    for (let j = 0; j < c; j++) sum += xs[at + j];
    const mean = sum / c;
    let squares = 0;
    for (let j = 0; j < c; j++) {
      const d = xs[at + j] - mean;
      squares += d * d;
    }
    const s = 1 / Math.sqrt(squares / c + epsilon);
    rstd[r] = s;
    for (let j = 0; j < c; j++) {
      const h = (xs[at + j] - mean) * s;
      xhat[at + j] = h;
      y[at + j] = h * gain[j] + bias[j];
    }
  }
  return infos;
}

function backward(memory: Memory, dyInfo: tf.TensorInfo, xhatInfo: tf.TensorInfo, rstdInfo: tf.TensorInfo, gainInfo: tf.TensorInfo): tf.TensorInfo[] {
  const c = dyInfo.shape[dyInfo.shape.length - 1];
  const { infos, arrays } = memory.outputs([dyInfo.shape, dyInfo.shape]);
  const [dx, dyXhat] = arrays;
  const dy = memory.read(dyInfo);
  const xhat = memory.read(xhatInfo);
  const rstd = memory.read(rstdInfo);
  const gain = memory.read(gainInfo);
  for (let r = 0, at = 0; r < rstd.length; r++, at += c) {
    let m1 = 0;
    let m2 = 0;
    for (let j = 0; j < c; j++) {
      const dxhat = dy[at + j] * gain[j];
      m1 += dxhat;
      m2 += dxhat * xhat[at + j];
    }
    m1 /= c;
    m2 /= c;
    const s = rstd[r];
    for (let j = 0; j < c; j++) {
      const h = xhat[at + j];
      dx[at + j] = s * (dy[at + j] * gain[j] - m1 - h * m2);
      dyXhat[at + j] = dy[at + j] * h;
    }
  }
  return infos;
}

registerLoopKernel(LAYER_NORM, (memory, [x, gain, bias], attrs) => forward(memory, x, gain, bias, epsilonOf(attrs)));
registerLoopKernel(LAYER_NORM_GRAD, (memory, [dy, xhat, rstd, gain]) => backward(memory, dy, xhat, rstd, gain));
