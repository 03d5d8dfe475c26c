import * as tf from '@tensorflow/tfjs';
import type { Gpt } from '../gpt';
import {
  attentionForward,
  attentionKernelFor,
  composedGelu,
  composedLayerNorm,
  modelAttentionMask,
} from '../kernels';

/**
 * gptLogits (gpt.ts) without a gradient tape, for evaluation and the fixed-shape sampler: the
 * same function (tests/unit/model/spec.test.ts), with attention in the current backend's fastest
 * form (kernels/attention.ts) and GELU as x sigmoid(2z) rather than tanh (sigmoid is vectorised on
 * wasm, tanh is not). LayerNorm and GELU stay composed tf ops, not the training step's fused
 * kernels: a recorded run's perplexities come from these exact operations.
 *
 * Logits [batch*t, vocab] for tokens [batch, t] (t <= contextLength).
 */
export function windowLogits(model: Gpt, tokens: tf.Tensor2D): tf.Tensor2D {
  const { vocabSize, contextLength, width, heads } = model.shape;
  const [batch, t] = tokens.shape;
  if (t > contextLength)
    throw new RangeError(`window of ${t} tokens exceeds the context length ${contextLength}`);
  const mask = modelAttentionMask(model, t);
  const kernel = attentionKernelFor(tf.getBackend());
  const p = model.params;
  const linear = (x: tf.Tensor, weight: tf.Tensor, bias: tf.Tensor) =>
    tf.add(tf.matMul(x as tf.Tensor2D, weight as tf.Tensor2D), bias);
  return tf.tidy(() => {
    const tokenRows = tf.matMul(
      tf.oneHot(tf.reshape(tokens, [-1]) as tf.Tensor1D, vocabSize),
      p.tokenEmbedding,
    );
    const positionRows = tf.slice(p.positionEmbedding, [0, 0], [t, width]);
    let x: tf.Tensor = tf.reshape(tf.add(tf.reshape(tokenRows, [batch, t, width]), positionRows), [
      batch * t,
      width,
    ]);
    for (const block of p.blocks) {
      const qkv = linear(
        composedLayerNorm(x, block.ln1Gain, block.ln1Bias).y,
        block.qkvWeight,
        block.qkvBias,
      );
      const merged = tf.reshape(attentionForward(qkv, mask, { batch, t, heads }, kernel).merged, [
        batch * t,
        width,
      ]);
      x = tf.add(x, linear(merged, block.projWeight, block.projBias));
      const hidden = composedGelu(
        linear(composedLayerNorm(x, block.ln2Gain, block.ln2Bias).y, block.fcWeight, block.fcBias),
      ).y;
      x = tf.add(x, linear(hidden, block.fcProjWeight, block.fcProjBias));
    }
    return linear(composedLayerNorm(x, p.lnfGain, p.lnfBias).y, p.headWeight, p.headBias) as tf.Tensor2D;
  });
}
