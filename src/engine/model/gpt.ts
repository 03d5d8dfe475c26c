import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import type { ModelShape } from './shape';
import { attentionKernelFor, attentionMask, causalAttention } from './kernels/attention';
import { gelu, layerNorm, linear } from './layers';
import { matMul } from './matmul';
import { initParams, listVariables, type BlockParams, type GptParams } from './params';

/**
 * A character-level GPT: learned token and position embeddings, pre-LayerNorm blocks of causal
 * multi-head self-attention and a GELU MLP, a final LayerNorm and a linear head. logits() is
 * differentiable (its layers carry their own gradients); training computes the same function
 * and its gradient by hand in train-step.ts.
 */
export interface Gpt {
  readonly shape: ModelShape;
  readonly params: GptParams;
  readonly variables: tf.Variable[];
  /** Logits [batch*t, vocab] for tokens [batch, t] (t <= contextLength). */
  logits(tokens: tf.Tensor2D): tf.Tensor2D;
  /** The causal mask for windows of t tokens, in the layout of the current backend's attention (owned by the model). */
  attentionMask(t: number): tf.Tensor;
  dispose(): void;
}

/**
 * Token embedding as one-hot x matrix rather than gather: gather's gradient needs
 * UnsortedSegmentSum, which the wasm backend lacks and WebGPU computes wrongly for repeated
 * indices (docs/ARCHITECTURE.md, "TensorFlow.js traps"). With ~100 symbols the one-hot product is cheap.
 */
export function embedTokens(params: GptParams, tokens: tf.Tensor, vocabSize: number): tf.Tensor2D {
  const oneHot = tf.oneHot(tf.reshape(tokens, [-1]) as tf.Tensor1D, vocabSize);
  return matMul(oneHot, params.tokenEmbedding) as tf.Tensor2D;
}

/** The MLP half of a block, on rows [n, c]; returns the residual stream after it. */
export function mlpResidual(x: tf.Tensor2D, block: BlockParams): tf.Tensor2D {
  const h = layerNorm(x, block.ln2Gain, block.ln2Bias);
  const hidden = gelu(linear(h, block.fcWeight, block.fcBias)) as tf.Tensor2D;
  return tf.add(x, linear(hidden, block.fcProjWeight, block.fcProjBias)) as tf.Tensor2D;
}

/** The attention half of a block over a whole window [batch*t, c]. */
function attentionResidual(x: tf.Tensor2D, block: BlockParams, heads: number, batch: number, t: number, mask: tf.Tensor): tf.Tensor2D {
  const h = layerNorm(x, block.ln1Gain, block.ln1Bias);
  const merged = causalAttention(linear(h, block.qkvWeight, block.qkvBias), mask, { batch, t, heads });
  return tf.add(x, linear(merged, block.projWeight, block.projBias)) as tf.Tensor2D;
}

export function finalLogits(x: tf.Tensor2D, params: GptParams): tf.Tensor2D {
  return linear(layerNorm(x, params.lnfGain, params.lnfBias), params.headWeight, params.headBias);
}

class GptModel implements Gpt {
  readonly variables: tf.Variable[];
  private readonly masks = new Map<string, tf.Tensor>();

  constructor(
    readonly shape: ModelShape,
    readonly params: GptParams,
  ) {
    this.variables = listVariables(params);
  }

  attentionMask(t: number): tf.Tensor {
    const kernel = attentionKernelFor(tf.getBackend());
    const key = `${kernel}:${t}`;
    let m = this.masks.get(key);
    if (!m) {
      m = tf.keep(attentionMask(t, kernel));
      this.masks.set(key, m);
    }
    return m;
  }

  logits(tokens: tf.Tensor2D): tf.Tensor2D {
    const [batch, t] = tokens.shape;
    if (t > this.shape.contextLength) {
      throw new RangeError(`window of ${t} tokens exceeds the context length ${this.shape.contextLength}`);
    }
    const mask = this.attentionMask(t);
    return tf.tidy(() => {
      const tok = embedTokens(this.params, tokens, this.shape.vocabSize);
      const pos = tf.slice(this.params.positionEmbedding, [0, 0], [t, this.shape.width]);
      let x = tf.reshape(tf.add(tf.reshape(tok, [batch, t, this.shape.width]), pos), [batch * t, this.shape.width]) as tf.Tensor2D;
      for (const block of this.params.blocks) {
        x = attentionResidual(x, block, this.shape.heads, batch, t, mask);
        x = mlpResidual(x, block);
      }
      return finalLogits(x, this.params);
    });
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
    for (const m of this.masks.values()) m.dispose();
    this.masks.clear();
  }
}

export function createGpt(shape: ModelShape, rng: Rng): Gpt {
  return new GptModel(shape, initParams(shape, rng));
}
