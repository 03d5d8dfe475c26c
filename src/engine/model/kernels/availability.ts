import * as tf from '@tensorflow/tfjs';
import { ADAMW_UPDATE, type AdamWAttrs, ATTENTION, ATTENTION_GRAD, runFused, UNPACK } from './catalog';
import { hasLoopKernels } from './cpu-loops';
import { fusedOnWasm } from './wasm-fused';
import { fusedOnWebGl } from './webgl-fused';
import './webgl-step';
import './webgpu-fused';
import './webgpu-step';

/**
 * Where LayerNorm and GELU run as fused kernels (catalog.ts) for rows of
 * `width` numbers: as loops on the cpu backend (cpu-loops.ts), as WebAssembly SIMD loops on wasm
 * (wasm-fused.ts, widths a multiple of 4), as WGSL programs on WebGPU (webgpu-fused.ts) and GLSL
 * programs on WebGL (webgl-fused.ts, even widths). Elsewhere callers compose tf ops.
 */
export function hasFusedKernels(width: number): boolean {
  const backend = tf.getBackend();
  if (backend === 'wasm') return fusedOnWasm(width);
  return hasLoopKernels() || backend === 'webgpu' || (backend === 'webgl' && fusedOnWebGl(width));
}

/**
 * Whether the training step's GPU-only kernels below run here, for rows of `width` numbers: on a
 * GPU a small model's step costs about a fixed time per launch, so these fold chains of tf ops
 * into one or a few programs each (webgpu-fused.ts and webgpu-step.ts: WGSL; webgl-fused.ts and
 * webgl-step.ts: GLSL on packed textures, even widths). On cpu and wasm callers compose tf ops as
 * before (or use the loop and SIMD kernels above): their numbers do not change.
 */
export function hasGpuKernels(width: number): boolean {
  const backend = tf.getBackend();
  return backend === 'webgpu' || (backend === 'webgl' && fusedOnWebGl(width));
}

/** Whether the current backend is WebGL or WebGPU (kernels of any width, and flagged products, which cost nothing there). */
export const gpuBackend = (): boolean => ['webgl', 'webgpu'].includes(tf.getBackend());

/** The per-step numbers of AdamW's update (catalog.ts's ADAMW_UPDATE), but where decay applies. */
export type AdamWStep = Omit<AdamWAttrs, 'decayEnd'>;

/** How many leading numbers of a decay mask are 1 when the rest are 0, else null (remembered per mask). */
const decayPrefixes = new WeakMap<Float32Array, number | null>();
function decayPrefix(mask: Float32Array): number | null {
  if (!decayPrefixes.has(mask)) {
    let end = 0;
    while (end < mask.length && mask[end] === 1) end++;
    decayPrefixes.set(mask, mask.subarray(end).every((x) => x === 0) ? end : null);
  }
  return decayPrefixes.get(mask)!;
}

/**
 * AdamW's update of its flat buffers and the new weights cut into `shapes` (the variables' in
 * buffer order), by ADAMW_UPDATE and UNPACK on WebGL and WebGPU; null elsewhere (adamw.ts then
 * composes tf ops), or where decay is not a leading part of the buffer or a shape is a scalar.
 */
export function adamWOnGpu(
  buffers: { g: tf.Tensor; params: tf.Tensor; m: tf.Tensor; v: tf.Tensor },
  decayMask: Float32Array,
  step: AdamWStep,
  shapes: number[][],
): { params: tf.Tensor; m: tf.Tensor; v: tf.Tensor; pieces: tf.Tensor[] } | null {
  const decayEnd = decayPrefix(decayMask);
  if (!gpuBackend() || decayEnd === null || shapes.some((s) => s.length === 0)) return null;
  const [params, m, v] = runFused(ADAMW_UPDATE, buffers, { ...step, decayEnd });
  const pieces = runFused(UNPACK, { x: params }, { shapes } as unknown as tf.NamedAttrMap);
  return { params, m, v, pieces };
}

interface AttentionDims {
  batch: number;
  t: number;
  heads: number;
}

/** Whether attention.ts's 'gpu' form takes these shapes here: any on WebGPU; on WebGL even windows and head widths (rows and columns are read in pairs). */
export function attentionOnGpu({ t, heads }: AttentionDims, c: number): boolean {
  const backend = tf.getBackend();
  return backend === 'webgpu' || (backend === 'webgl' && t % 2 === 0 && (c / heads) % 2 === 0);
}

/**
 * Attention's 'gpu' form (attention.ts), by ATTENTION and ATTENTION_GRAD (1 dispatch forward and
 * 2 backward on WebGPU, 3 and 2 programs on WebGL, instead of 10 and 12 tf kernels): qkv read in
 * place, no mask tensor (the kernels skip the keys after each query), the merged heads kept for
 * the backward pass.
 */
export function gpuAttentionForward(
  qkv: tf.Tensor,
  _mask: tf.Tensor,
  { batch, t, heads }: AttentionDims,
): { merged: tf.Tensor; saved: tf.Tensor[] } {
  const rows = tf.reshape(qkv, [1, batch * t, qkv.shape[qkv.rank - 1]!]);
  const [merged, probs] = runFused(ATTENTION, { qkv: rows }, { batch, t, heads });
  return { merged, saved: [rows, probs, merged] };
}

export function gpuAttentionBackward(
  dy: tf.Tensor,
  [qkv, probs, merged]: tf.Tensor[],
  { batch, t, heads }: AttentionDims,
): tf.Tensor {
  return runFused(
    ATTENTION_GRAD,
    { dy: tf.reshape(dy, merged.shape), qkv, probs, merged },
    { batch, t, heads },
  )[0];
}
