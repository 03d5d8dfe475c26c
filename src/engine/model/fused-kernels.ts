import * as tf from '@tensorflow/tfjs';
import { hasLoopKernels } from './loop-kernels';
import './webgpu-fused';

/**
 * Where LayerNorm and GELU run as fused kernels (fused-layer-norm.ts, fused-gelu.ts): as loops on
 * the cpu backend (loop-kernels.ts) and as WGSL programs on WebGPU (webgpu-fused.ts). Elsewhere
 * callers compose tf ops: on wasm the loops measured slower than its vectorised kernels, and on
 * WebGL the products leave packed textures, which a plain program of ours would first unpack (a
 * launch of its own): it needs programs written for packed textures.
 */
export function hasFusedKernels(): boolean {
  return hasLoopKernels() || tf.getBackend() === 'webgpu';
}

/** Runs a fused kernel on tensors. */
export function runFused(name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap = {}): tf.Tensor[] {
  return tf.engine().runKernel(name, inputs, attrs) as tf.Tensor[];
}
