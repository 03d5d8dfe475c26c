import * as tf from '@tensorflow/tfjs';
import {
  epsilonOf,
  type FusedKernelSpec,
  GELU,
  GELU_GRAD,
  GELU_K1,
  GELU_K2,
  LAYER_NORM,
  LAYER_NORM_GRAD,
  registerFused,
} from './catalog';

/**
 * Kernels written as plain loops over their operands' memory, for TensorFlow.js's cpu backend,
 * whose own kernels are loops too. Composed of tf ops, an elementwise formula costs one kernel
 * launch per operation and one pass over memory each; as one loop it is one launch and one pass
 * (LayerNorm and GELU here, forward and backward: catalog.ts says what each computes).
 *
 * Not on wasm: the same loops there (reading and writing the wasm heap) made the step slower
 * while cutting its launches, since wasm's elementwise kernels are vectorised (SIMD) and a launch
 * costs a few microseconds on a CPU (wasm-fused.ts has SIMD loops of its own instead).
 */

/** What a loop kernel needs from a backend: its operands' numbers, and outputs to fill. */
export interface Memory {
  read(t: tf.TensorInfo): Float32Array;
  /** New outputs of these shapes, and their arrays to fill. */
  outputs(shapes: number[][]): { infos: tf.TensorInfo[]; arrays: Float32Array[] };
}

interface CpuBackendShape {
  readSync(dataId: tf.DataId): unknown;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: Float32Array): tf.TensorInfo;
}

function cpuMemory(backend: CpuBackendShape): Memory {
  return {
    read: (t) => backend.readSync(t.dataId) as Float32Array,
    outputs(shapes) {
      const arrays = shapes.map((s) => new Float32Array(tf.util.sizeFromShape(s)));
      return { infos: shapes.map((s, i) => backend.makeTensorInfo(s, 'float32', arrays[i])), arrays };
    },
  };
}

const MEMORY_OF: Record<string, (backend: object) => Memory> = {
  cpu: (b) => cpuMemory(b as CpuBackendShape),
};

/** A loop kernel: the memory, its float32 inputs in its spec's order, its attributes. */
type LoopKernel = (memory: Memory, inputs: tf.TensorInfo[], attrs: tf.NamedAttrMap) => tf.TensorInfo[];

/** Registers `kernel` as `spec` on every backend that can run loops. */
function registerLoopKernel(spec: FusedKernelSpec, kernel: LoopKernel): void {
  for (const [backendName, memoryOf] of Object.entries(MEMORY_OF)) {
    registerFused(spec, backendName, (backend, inputs, attrs) => kernel(memoryOf(backend), inputs, attrs));
  }
}

/** Whether the current backend runs loop kernels (else callers compose tf ops). */
export function hasLoopKernels(): boolean {
  return tf.getBackend() in MEMORY_OF;
}

const rowsShape = (shape: number[]) => [...shape.slice(0, -1), 1];

function layerNormForward(
  memory: Memory,
  x: tf.TensorInfo,
  gainInfo: tf.TensorInfo,
  biasInfo: tf.TensorInfo,
  epsilon: number,
): tf.TensorInfo[] {
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

function layerNormBackward(
  memory: Memory,
  dyInfo: tf.TensorInfo,
  xhatInfo: tf.TensorInfo,
  rstdInfo: tf.TensorInfo,
  gainInfo: tf.TensorInfo,
): tf.TensorInfo[] {
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

registerLoopKernel(LAYER_NORM, (memory, [x, gain, bias], attrs) =>
  layerNormForward(memory, x, gain, bias, epsilonOf(attrs)),
);
registerLoopKernel(LAYER_NORM_GRAD, (memory, [dy, xhat, rstd, gain]) =>
  layerNormBackward(memory, dy, xhat, rstd, gain),
);

function geluForward(memory: Memory, xInfo: tf.TensorInfo): tf.TensorInfo[] {
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

function geluBackward(
  memory: Memory,
  dyInfo: tf.TensorInfo,
  xInfo: tf.TensorInfo,
  sigInfo: tf.TensorInfo,
): tf.TensorInfo[] {
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

registerLoopKernel(GELU, (memory, [x]) => geluForward(memory, x));
registerLoopKernel(GELU_GRAD, (memory, [dy, x, sig]) => geluBackward(memory, dy, x, sig));
