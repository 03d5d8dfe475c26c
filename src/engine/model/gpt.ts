import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { initParams, listVariables, type BlockParams, type GptParams } from './params';
import type { ModelShape } from './shape';

/**
 * The model, written as plain formulas: a character-level GPT with GPT-2's architecture at a
 * small size. Learned token and position embeddings, pre-LayerNorm blocks of causal multi-head
 * self-attention and a GELU MLP, a final LayerNorm and a linear head (shape.ts says how big,
 * params.ts how it starts).
 *
 * This file is the specification, and nothing fast runs it. The engine computes the same
 * functions by faster routes, each held to these formulas by tests/unit/model/spec.test.ts
 * (logits, and gradients from tf.variableGrads over gptLoss, within float32 round-off):
 * - train/step.ts: the loss and its gradient, with a backward pass written by hand;
 * - infer/logits.ts: the logits without a gradient tape (evaluation, the fixed-shape sampler);
 * - infer/kv-cache.ts: the logits of each new token from the keys and values already seen.
 * All three run each backend's kernels (kernels/index.ts).
 */

/** A live model: its shape and its weights (tf variables, which training updates in place). */
export interface Gpt {
  readonly shape: ModelShape;
  readonly params: GptParams;
  /** Every weight, in listVariables order (AdamW's slots and the gradients follow it). */
  readonly variables: tf.Variable[];
  /**
   * Tensors the fast paths derive from the shape alone (attention masks in a backend's layout),
   * made on first use and disposed with the model.
   */
  readonly kept: Map<string, tf.Tensor>;
  dispose(): void;
}

export function createGpt(shape: ModelShape, rng: Rng): Gpt {
  const params = initParams(shape, rng);
  const variables = listVariables(params);
  const kept = new Map<string, tf.Tensor>();
  return {
    shape,
    params,
    variables,
    kept,
    dispose() {
      tf.dispose(variables);
      tf.dispose([...kept.values()]);
      kept.clear();
    },
  };
}

const LN_EPS = 1e-5;

/** LayerNorm over the last axis of x [n, c]: each row to mean 0 and variance 1, then scaled and shifted. */
export function layerNorm(x: tf.Tensor, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, LN_EPS))), gain), bias);
}

/** x [n, in] W [in, out] + b [out]. */
export function linear(x: tf.Tensor, weight: tf.Tensor, bias: tf.Tensor): tf.Tensor {
  return tf.add(tf.matMul(x, weight), bias);
}

/** GELU, GPT-2's tanh approximation: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
export function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI));
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** The additive causal mask [t, t]: 0 where a query may see a key (itself and before), -1e9 after it. */
function causalMask(t: number): tf.Tensor2D {
  const values = new Float32Array(t * t);
  for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) values[i * t + j] = -1e9;
  return tf.tensor2d(values, [t, t]);
}

/**
 * Causal multi-head attention from qkv [batch*t, 3c] (rows batch-major; columns [q | k | v], each
 * head's d = c / heads columns together) to the heads side by side [batch*t, c]: each position
 * attends to itself and the positions before it, softmax(q k^T / sqrt(d)) v per head.
 */
export function attention(qkv: tf.Tensor, batch: number, t: number, heads: number): tf.Tensor {
  const c = qkv.shape[1]! / 3;
  const d = c / heads;
  const perHead = (m: tf.Tensor) => tf.transpose(tf.reshape(m, [batch, t, heads, d]), [0, 2, 1, 3]); // [batch, heads, t, d]
  const [q, k, v] = tf.split(qkv, 3, 1).map(perHead);
  const scores = tf.add(tf.div(tf.matMul(q, k, false, true), Math.sqrt(d)), causalMask(t));
  const y = tf.matMul(tf.softmax(scores), v); // [batch, heads, t, d]
  return tf.reshape(tf.transpose(y, [0, 2, 1, 3]), [batch * t, c]);
}

/** Self-attention of x [batch*t, c]: q, k and v from one product, attention, then the output projection. */
function causalSelfAttention(
  x: tf.Tensor,
  block: BlockParams,
  batch: number,
  t: number,
  heads: number,
): tf.Tensor {
  const merged = attention(linear(x, block.qkvWeight, block.qkvBias), batch, t, heads);
  return linear(merged, block.projWeight, block.projBias);
}

/** The MLP of a block: width -> mlpRatio * width -> width, GELU between. */
function mlp(x: tf.Tensor, block: BlockParams): tf.Tensor {
  return linear(gelu(linear(x, block.fcWeight, block.fcBias)), block.fcProjWeight, block.fcProjBias);
}

/** One block on the residual stream x [batch*t, c]: attention, then the MLP, each reading a LayerNorm of the stream and adding to it. */
function block(x: tf.Tensor, params: BlockParams, batch: number, t: number, heads: number): tf.Tensor {
  const afterAttention = tf.add(
    x,
    causalSelfAttention(layerNorm(x, params.ln1Gain, params.ln1Bias), params, batch, t, heads),
  );
  return tf.add(afterAttention, mlp(layerNorm(afterAttention, params.ln2Gain, params.ln2Bias), params));
}

/**
 * Logits [batch*t, vocab] of the next token at every position of tokens [batch, t] (int32,
 * t <= contextLength). The token embedding is a one-hot row times the table rather than a
 * gather: gather's gradient needs UnsortedSegmentSum, which the wasm backend lacks (docs/ARCHITECTURE.md,
 * "TensorFlow.js traps"), and the specification must differentiate on every backend.
 */
export function gptLogits(model: Gpt, tokens: tf.Tensor2D): tf.Tensor2D {
  const { vocabSize, contextLength, width, heads } = model.shape;
  const [batch, t] = tokens.shape;
  if (t > contextLength)
    throw new RangeError(`window of ${t} tokens exceeds the context length ${contextLength}`);
  const p = model.params;
  return tf.tidy(() => {
    const tokenRows = tf.matMul(
      tf.oneHot(tf.reshape(tokens, [-1]) as tf.Tensor1D, vocabSize),
      p.tokenEmbedding,
    );
    const positionRows = tf.slice(p.positionEmbedding, [0, 0], [t, width]);
    let x = tf.reshape(tf.add(tf.reshape(tokenRows, [batch, t, width]), positionRows), [batch * t, width]);
    for (const params of p.blocks) x = block(x, params, batch, t, heads);
    return linear(layerNorm(x, p.lnfGain, p.lnfBias), p.headWeight, p.headBias) as tf.Tensor2D;
  });
}

/** Mean cross-entropy in nats per token of logits [n, vocab] against the true next tokens [n] (int32). */
function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  return tf.tidy(
    () =>
      tf.neg(
        tf.mean(tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(targets, logits.shape[1])), 1)),
      ) as tf.Scalar,
  );
}

/** The training loss: crossEntropy of the logits of inputs [batch, t] against targets [batch*t]. */
export function gptLoss(model: Gpt, inputs: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => crossEntropy(gptLogits(model, inputs), targets));
}
