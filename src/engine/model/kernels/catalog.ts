import * as tf from '@tensorflow/tfjs';

/**
 * Every kernel of our own: its name, its inputs and what it computes. Each backend registers its
 * implementations under these names (cpu-loops.ts, wasm-fused.ts, wasm-attention.ts, webgl-*.ts,
 * webgpu-*.ts); availability.ts says where each runs, and layers.ts, attention.ts and ops.ts call them.
 */

/** A kernel of our own: its name and its inputs, in the order implementations receive them. */
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
export function runFused(
  spec: FusedKernelSpec,
  inputs: tf.NamedTensorMap,
  attrs: tf.NamedAttrMap = {},
): tf.Tensor[] {
  return tf.engine().runKernel(spec.name, inputs, attrs) as tf.Tensor[];
}

/** The LayerNorm kernels' one attribute. */
export const epsilonOf = (attrs: tf.NamedAttrMap) => (attrs as { epsilon: number }).epsilon;

/* LayerNorm and GELU: loops on cpu (cpu-loops.ts), WebAssembly SIMD on wasm (wasm-fused.ts), GLSL on
   WebGL (webgl-fused.ts), WGSL on WebGPU (webgpu-fused.ts); availability.ts says where each runs. */

/**
 * LayerNorm's forward and backward passes as one kernel each (composed of tf ops they take 9
 * launches forward and 9 backward, and the model has five LayerNorms; each row is read two or
 * three times while it is in cache, instead of once per composed op).
 * Forward: x [..., c], gain [c], bias [c] -> y = xhat * gain + bias, xhat, rstd [..., 1], with
 * xhat = (x - mean) * rstd and rstd = 1 / sqrt(var + eps) over each row (attribute epsilon).
 * Backward: dy (the gradient of y) [..., c], xhat, rstd, gain -> dx, and dy * xhat (whose
 * column sums are the gain's gradient):
 * dx = rstd * (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)), dxhat = dy * gain.
 */
export const LAYER_NORM: FusedKernelSpec = { name: 'CollapseLabLayerNorm', inputs: ['x', 'gain', 'bias'] };
export const LAYER_NORM_GRAD: FusedKernelSpec = {
  name: 'CollapseLabLayerNormGrad',
  inputs: ['dy', 'xhat', 'rstd', 'gain'],
};

/**
 * GELU (tanh form, as x sigmoid(z) with z = x (K1 x^2 + K2)) forward and backward as one kernel
 * each instead of 6 and 7 composed tf ops.
 * Forward: x -> y and s = sigmoid(z) (kept for the backward pass).
 * Backward: dy, x, s -> dx = dy (s + x s (1 - s) z'), z' = K2 + 3 K1 x^2.
 */
export const GELU: FusedKernelSpec = { name: 'CollapseLabGelu', inputs: ['x'] };
export const GELU_GRAD: FusedKernelSpec = { name: 'CollapseLabGeluGrad', inputs: ['dy', 'x', 'sig'] };

const GELU_C = Math.sqrt(2 / Math.PI);
/** GELU's tanh(sqrt(2/pi) (x + 0.044715 x^3)) is 2 sigmoid(x (K1 x^2 + K2)) - 1: 0.5 (1 + tanh z) = sigmoid(2z). */
export const GELU_K2 = 2 * GELU_C;
export const GELU_K1 = 2 * GELU_C * 0.044715;

/* Column sums: wasm (wasm-fused.ts), WebGL and WebGPU; the transpose: wasm only. */

/** x [..., c] -> the sums of its rows, [1, 1, c]. */
export const COLUMN_SUMS: FusedKernelSpec = { name: 'CollapseLabColumnSums', inputs: ['x'] };
/** x viewed as [batch, rows, cols] -> [batch, cols, rows], given the output's shape (attributes rows, cols, shape). */
export const SWAP: FusedKernelSpec = { name: 'CollapseLabSwap', inputs: ['x'] };

/* The training step's GPU-only kernels (availability.ts's hasGpuKernels says where they run). */

/**
 * LayerNorm's backward pass (LAYER_NORM_GRAD above) with the reductions done too:
 * dy, xhat, rstd, gain [, residual] -> dx (+ residual, the gradient of the skip connection around
 * the LayerNorm), dGain = column sums of dy * xhat, dBias = column sums of dy (both [1, 1, c]).
 */
export const LAYER_NORM_GRAD_GPU: FusedKernelSpec = {
  name: 'CollapseLabLayerNormGradGpu',
  inputs: ['dy', 'xhat', 'rstd', 'gain'],
};
export const LAYER_NORM_GRAD_RESIDUAL_GPU: FusedKernelSpec = {
  name: 'CollapseLabLayerNormGradResidualGpu',
  inputs: ['dy', 'xhat', 'rstd', 'gain', 'residual'],
};

/**
 * Softmax cross-entropy of logits [1, n, v] against one-hot targets [1, n, v] -> the gradient of
 * the mean loss, (softmax(logits) - targets) / n, and the mean loss (a scalar): -log of each
 * row's target probability, at most -log(1e-30) (layers.ts's floor).
 */
export const SOFTMAX_CROSS_ENTROPY: FusedKernelSpec = {
  name: 'CollapseLabSoftmaxCrossEntropy',
  inputs: ['logits', 'targets'],
};

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
export const ATTENTION_GRAD: FusedKernelSpec = {
  name: 'CollapseLabAttentionGrad',
  inputs: ['dy', 'qkv', 'probs', 'merged'],
};
/**
 * The same two on wasm (wasm-attention.ts), whose ATTENTION also takes the attribute scale
 * (1 / sqrt(d)) and whose gradient recomputes the softmax's row term from the probabilities:
 * dy, qkv, probs -> d(qkv) [1, n, 3c].
 */
export const ATTENTION_GRAD_WASM: FusedKernelSpec = {
  name: 'CollapseLabAttentionGrad',
  inputs: ['dy', 'qkv', 'probs'],
};

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

/**
 * Decoding's attention on wasm (wasm-attention.ts): one new query per group, q [groups, d], over
 * the first `len` positions (an attribute) of key and value caches [T, groups, d] -> y [groups, d],
 * y = sum_j softmax_j(K[j] . q) V[j] (q carries the scale).
 */
export const DECODE_ATTENTION: FusedKernelSpec = {
  name: 'CollapseLabDecodeAttention',
  inputs: ['q', 'keys', 'values'],
};
