import * as tf from '@tensorflow/tfjs';
import { hasLoopKernels } from './loop-kernels';
import { fusedOnWebGl } from './webgl-fused';
import './webgpu-fused';

/**
 * Where LayerNorm and GELU run as fused kernels (fused-layer-norm.ts, fused-gelu.ts) for rows of
 * `width` numbers: as loops on the cpu backend (loop-kernels.ts), as WGSL programs on WebGPU
 * (webgpu-fused.ts) and GLSL programs on WebGL (webgl-fused.ts, even widths). Elsewhere callers
 * compose tf ops: on wasm the loops measured slower than its vectorised kernels.
 */
export function hasFusedKernels(width: number): boolean {
  const backend = tf.getBackend();
  return hasLoopKernels() || backend === 'webgpu' || (backend === 'webgl' && fusedOnWebGl(width));
}
