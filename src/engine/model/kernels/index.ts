/**
 * The kernels the model's fast paths run (train/step.ts, infer/logits.ts, infer/kv-cache.ts),
 * by name. Each picks, per call, the best form the current backend has: loops on cpu
 * (cpu-loops.ts), WebAssembly SIMD on wasm (wasm-*.wat), GLSL on WebGL (webgl-*.ts), WGSL on
 * WebGPU (webgpu-*.ts), or composed tf ops where none of those runs; every form computes the
 * function of the same name in gpt.ts (tests/unit/model/spec.test.ts, tests/unit/model/kernels.test.ts,
 * tests/browser/gpu-kernels.test.ts). catalog.ts lists the kernels of our own and what each computes.
 */
export {
  composedGelu,
  composedLayerNorm,
  crossEntropyAndGradient,
  geluBackward,
  geluForward,
  layerNormForward,
  layerNormLinearBackward,
  linearGrads,
  columnSums,
  mmTransposed,
  type GeluSaved,
  type NormSaved,
  type Ones,
} from './layers';
export {
  attentionBackward,
  attentionForward,
  attentionKernelFor,
  attentionMask,
  groupedProduct,
  modelAttentionMask,
  type AttentionDims,
  type AttentionKernel,
  type AttentionSaved,
} from './attention';
export { asOperand, direct, mm, swap } from './ops';
export { decodeAttention, decodeAttentionOnWasm } from './wasm-attention';
export { writeInPlaceOnWasm } from './wasm-module';
export { adamWOnGpu, gpuBackend, hasFusedKernels, type AdamWStep } from './availability';
export { GELU_K1, GELU_K2 } from './catalog';
