import * as tf from '@tensorflow/tfjs';
import { hasLoopKernels } from './loop-kernels';
import { fusedOnWasm } from './wasm-fused';
import { fusedOnWebGl } from './webgl-fused';
import './webgpu-fused';

/**
 * Where LayerNorm and GELU run as fused kernels (fused-layer-norm.ts, fused-gelu.ts) for rows of
 * `width` numbers: as loops on the cpu backend (loop-kernels.ts), as WebAssembly SIMD loops on wasm
 * (wasm-fused.ts, widths a multiple of 4), as WGSL programs on WebGPU (webgpu-fused.ts) and GLSL
 * programs on WebGL (webgl-fused.ts, even widths). Elsewhere callers compose tf ops.
 */
export function hasFusedKernels(width: number): boolean {
  const backend = tf.getBackend();
  if (backend === 'wasm') return fusedOnWasm(width);
  return hasLoopKernels() || backend === 'webgpu' || (backend === 'webgl' && fusedOnWebGl(width));
}
