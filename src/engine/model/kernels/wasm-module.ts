import * as tf from '@tensorflow/tfjs';
import { WASM_ATTENTION_BASE64, WASM_FUSED_BASE64 } from './wasm-binaries';

/**
 * Our WebAssembly SIMD kernels (wasm-fused.wat, wasm-attention.wat) bound to TensorFlow.js's wasm
 * backend: each module imports the backend's memory, so kernels read their operands and write
 * their outputs in place, at the tensors' own offsets. A browser without WebAssembly SIMD, or a
 * backend whose memory is not reachable (a threaded build's shared memory), has none
 * (kernelsOnWasm false) and callers compose tf ops instead.
 */
export interface WasmKernels {
  layer_norm(
    x: number,
    gain: number,
    bias: number,
    y: number,
    xhat: number,
    rstd: number,
    rows: number,
    c: number,
    eps: number,
  ): void;
  layer_norm_grad(
    dy: number,
    xhat: number,
    rstd: number,
    gain: number,
    dx: number,
    dyXhat: number,
    rows: number,
    c: number,
  ): void;
  gelu(x: number, y: number, sig: number, n: number, k1: number, k2: number): void;
  gelu_grad(dy: number, x: number, sig: number, dx: number, n: number, k1: number, k2: number): void;
  swap(x: number, y: number, batch: number, rows: number, cols: number): void;
  column_sums(x: number, y: number, rows: number, cols: number): void;
  attention(
    qkv: number,
    y: number,
    probs: number,
    scratch: number,
    batch: number,
    t: number,
    heads: number,
    d: number,
    scale: number,
  ): void;
  attention_grad(
    dy: number,
    qkv: number,
    probs: number,
    dqkv: number,
    scratch: number,
    batch: number,
    t: number,
    heads: number,
    d: number,
    scale: number,
  ): void;
  decode_attention(
    q: number,
    keys: number,
    values: number,
    y: number,
    scratch: number,
    groups: number,
    d: number,
    len: number,
  ): void;
}

/** What the kernels use of BackendWasm (its emscripten module exports the memory as asm.memory). */
interface WasmBackendShape {
  wasm?: { asm?: { memory?: unknown } };
  getMemoryOffset(dataId: tf.DataId): number;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
}

const binaries = [WASM_FUSED_BASE64, WASM_ATTENTION_BASE64].map((base64) =>
  Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0)),
);
let compiled: WebAssembly.Module[] | null | undefined;
const instances = new WeakMap<WebAssembly.Memory, WasmKernels>();

/** The compiled modules, or null where this engine has no WebAssembly SIMD. */
function kernelModules(): WebAssembly.Module[] | null {
  if (compiled === undefined) {
    const valid = typeof WebAssembly === 'object' && binaries.every((b) => WebAssembly.validate(b));
    compiled = valid ? binaries.map((b) => new WebAssembly.Module(b)) : null;
  }
  return compiled;
}

/** The kernels bound to this backend's memory, or null where they cannot run on it. */
function kernelsOf(backend: object): WasmKernels | null {
  const memory = (backend as WasmBackendShape).wasm?.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return null;
  // A shared memory (the threaded build) would need the module to declare it shared.
  if (typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer) return null;
  const known = instances.get(memory);
  if (known) return known;
  const modules = kernelModules();
  if (!modules) return null;
  const exports = modules.map((module) => new WebAssembly.Instance(module, { tfjs: { memory } }).exports);
  const kernels = Object.assign({}, ...exports) as WasmKernels;
  instances.set(memory, kernels);
  return kernels;
}

/** Whether the current backend is wasm and our kernels run on it. */
export const kernelsOnWasm = () => tf.getBackend() === 'wasm' && kernelsOf(tf.backend()) !== null;

/** What a kernel's body gets: the kernels, tensors' offsets, new float32 outputs, and scratch memory. */
export interface WasmCall {
  kernels: WasmKernels;
  at(t: tf.TensorInfo): number;
  outputs(...shapes: number[][]): tf.TensorInfo[];
  /** The offset of `floats` numbers of scratch, freed when the body returns. */
  scratch(floats: number): number;
}

/** Runs a kernel's body on the wasm backend `backend` (a registered kernel's). */
export function runOnWasm(backend: object, body: (call: WasmCall) => tf.TensorInfo[]): tf.TensorInfo[] {
  const b = backend as WasmBackendShape;
  const kernels = kernelsOf(b);
  if (!kernels) throw new Error('Our wasm kernels cannot run on this backend (see kernelsOnWasm)');
  const scratch: tf.TensorInfo[] = [];
  try {
    return body({
      kernels,
      at: (t) => b.getMemoryOffset(t.dataId),
      outputs: (...shapes) => shapes.map((s) => b.makeOutput(s, 'float32')),
      scratch(floats) {
        const info = b.makeOutput([floats], 'float32');
        scratch.push(info);
        return b.getMemoryOffset(info.dataId);
      },
    });
  } finally {
    for (const info of scratch) b.disposeData(info.dataId, true);
  }
}

/**
 * Copies every value of `rows` into `into` from value `at` on, in place: `into` must be a tensor
 * of the caller's own that no other tensor shares (kv-cache.ts's preallocated caches), since
 * TensorFlow.js takes a tensor's values as fixed.
 */
export function writeInPlaceOnWasm(rows: tf.Tensor, into: tf.Tensor, at: number): void {
  const b = tf.backend() as unknown as WasmBackendShape;
  if (at + rows.size > into.size) throw new RangeError('the rows would run past the end of the tensor');
  b.typedArrayFromHeap(into).set(b.typedArrayFromHeap(rows), at);
}

export const widthOf = (t: tf.TensorInfo) => t.shape[t.shape.length - 1];
export const sizeOf = (t: tf.TensorInfo) => tf.util.sizeFromShape(t.shape);
