import * as tf from '@tensorflow/tfjs';
import { registerFused, type FusedKernelSpec } from './fused-registry';

/**
 * Kernels written as plain loops over their operands' memory, for TensorFlow.js's cpu backend,
 * whose own kernels are loops too. Composed of tf ops, an elementwise formula costs one kernel
 * launch per operation and one pass over memory each; as one loop it is one launch and one pass
 * (fused-layer-norm.ts, fused-gelu.ts). Training step on cpu (`npm run bench -- --backend cpu`):
 * 322 -> 220 launches and 3.9 -> 3.0-3.2 s.
 *
 * Not on wasm: the same loops there (reading and writing the wasm heap) took the step from
 * 129-132 to 140-144 ms while cutting 342 launches to 244, since wasm's elementwise kernels are
 * vectorised (SIMD) and a launch costs a few microseconds on a CPU. Launch counts matter on a GPU,
 * where these would be shader programs.
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
export type LoopKernel = (memory: Memory, inputs: tf.TensorInfo[], attrs: tf.NamedAttrMap) => tf.TensorInfo[];

/** Registers `kernel` as `spec` on every backend that can run loops. */
export function registerLoopKernel(spec: FusedKernelSpec, kernel: LoopKernel): void {
  for (const [backendName, memoryOf] of Object.entries(MEMORY_OF)) {
    registerFused(spec, backendName, (backend, inputs, attrs) => kernel(memoryOf(backend), inputs, attrs));
  }
}

/** Whether the current backend runs loop kernels (else callers compose tf ops). */
export function hasLoopKernels(): boolean {
  return tf.getBackend() in MEMORY_OF;
}
