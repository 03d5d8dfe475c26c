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

/* The training step's GPU-only kernels (fused-kernels.ts's hasGpuKernels says where they run). */

/**
 * LayerNorm's backward pass (fused-layer-norm.ts's LAYER_NORM_GRAD) with the reductions done too:
 * dy, xhat, rstd, gain [, residual] -> dx (+ residual, the gradient of the skip connection around
 * the LayerNorm), dGain = column sums of dy * xhat, dBias = column sums of dy (both [1, 1, c]).
 */
export const LAYER_NORM_GRAD_GPU: FusedKernelSpec = { name: 'CollapseLabLayerNormGradGpu', inputs: ['dy', 'xhat', 'rstd', 'gain'] };
export const LAYER_NORM_GRAD_RESIDUAL_GPU: FusedKernelSpec = { name: 'CollapseLabLayerNormGradResidualGpu', inputs: ['dy', 'xhat', 'rstd', 'gain', 'residual'] };

/**
 * Softmax cross-entropy of logits [1, n, v] against one-hot targets [1, n, v] -> the gradient of
 * the mean loss, (softmax(logits) - targets) / n, and the mean loss (a scalar): -log of each
 * row's target probability, at most -log(1e-30) (train-step.ts's floor).
 */
export const SOFTMAX_CROSS_ENTROPY: FusedKernelSpec = { name: 'CollapseLabSoftmaxCrossEntropy', inputs: ['logits', 'targets'] };

/**
 * Causal attention (attention.ts) from qkv [1, n, 3c] (rows batch-major, columns [q | k | v], each
 * head's d columns together; attributes batch, t, heads) to the merged heads [1, n, c] and the
 * probabilities [batch * heads, t, t] (zero above the diagonal), scores scaled by 1/sqrt(d).
 */
export const ATTENTION: FusedKernelSpec = { name: 'CollapseLabAttention', inputs: ['qkv'] };
/**
 * Its gradient: dy (of the merged heads), qkv, probs, merged -> d(qkv) [1, n, 3c]. The softmax's
 * row term sum_j dP P is dy . merged over each head's row (merged = P v), so no row is re-read.
 */
export const ATTENTION_GRAD: FusedKernelSpec = { name: 'CollapseLabAttentionGrad', inputs: ['dy', 'qkv', 'probs', 'merged'] };

/**
 * AdamW's update of its flat buffers (adamw.ts): g, params, m, v [size] -> params, m, v, with
 * global-norm clipping. Attributes: beta1, beta2, clipNorm (0: none), stepScale, denomEps,
 * decay (the factor 1 - lr * weightDecay) applied to the first decayEnd numbers.
 */
export const ADAMW_UPDATE: FusedKernelSpec = { name: 'CollapseLabAdamW', inputs: ['g', 'params', 'm', 'v'] };
/** x [size] -> consecutive pieces of x in the shapes of attribute `shapes` (AdamW's write-back). */
export const UNPACK: FusedKernelSpec = { name: 'CollapseLabUnpack', inputs: ['x'] };

export interface AdamWAttrs {
  beta1: number;
  beta2: number;
  clipNorm: number;
  stepScale: number;
  denomEps: number;
  decay: number;
  decayEnd: number;
}

/** The attributes of the GPU kernels, read back from the kernel's attribute map. */
export const attrsOf = <T>(attrs: tf.NamedAttrMap) => attrs as unknown as T;
