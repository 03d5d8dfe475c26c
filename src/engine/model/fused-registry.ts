import * as tf from '@tensorflow/tfjs';

/** A fused kernel (fused-layer-norm.ts, fused-gelu.ts): its name and its inputs, in the order implementations receive them. */
export interface FusedKernelSpec {
  name: string;
  inputs: readonly string[];
}

/** One backend's implementation of a fused kernel: its inputs in the spec's order. */
export type FusedImpl = (backend: object, inputs: tf.TensorInfo[], attrs: tf.NamedAttrMap) => tf.TensorInfo[];

/** Registers `impl` as `spec` on `backendName` (cpu loops, WebGL and WebGPU programs). */
export function registerFused(spec: FusedKernelSpec, backendName: string, impl: FusedImpl): void {
  tf.registerKernel({
    kernelName: spec.name,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) =>
      impl(
        backend,
        spec.inputs.map((name) => {
          const t = inputs[name];
          if (!t) throw new Error(`${spec.name}: missing input ${name}`);
          return t;
        }),
        attrs ?? {},
      ),
  });
}

/** Runs a fused kernel on tensors, given by the spec's input names. */
export function runFused(spec: FusedKernelSpec, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap = {}): tf.Tensor[] {
  return tf.engine().runKernel(spec.name, inputs, attrs) as tf.Tensor[];
}

/** The LayerNorm kernels' one attribute. */
export const epsilonOf = (attrs: tf.NamedAttrMap) => (attrs as { epsilon: number }).epsilon;
