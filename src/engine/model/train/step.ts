import * as tf from '@tensorflow/tfjs';
import type { Gpt } from '../gpt';
import type { BlockParams } from '../params';
import {
  asOperand,
  attentionBackward,
  attentionForward,
  attentionKernelFor,
  crossEntropyAndGradient,
  geluBackward,
  geluForward,
  gpuBackend,
  layerNormForward,
  layerNormLinearBackward,
  linearGrads,
  mm,
  mmTransposed,
  modelAttentionMask,
  type AttentionDims,
  type AttentionKernel,
  type AttentionSaved,
  type GeluSaved,
  type NormSaved,
  type Ones,
} from '../kernels';
import type { Windows } from './batches';

/**
 * The training step: the loss of a batch and its gradient with respect to every weight, by a
 * forward pass that keeps what the backward pass needs and a backward pass written by hand.
 * It computes gptLoss (gpt.ts) and what tf.variableGrads would give of it
 * (tests/unit/model/spec.test.ts), faster: nothing is recorded on a tape or cloned, the saved
 * activations are the forward pass's own tensors, and every product is laid out for the backend
 * (kernels/: fused LayerNorm and GELU, attention in the backend's form, flag-free products on
 * wasm, where flagged ones skip XNNPACK).
 */

export interface LossAndGradients {
  /** Mean cross-entropy over every position, nats per token (gptLoss). */
  loss: tf.Scalar;
  /**
   * Gradients of the loss, one per model.variables entry in that order, of the variable's size:
   * matrices [1, rows, columns], vectors [1, 1, size] (what AdamW packs without a reshape).
   */
  grads: tf.Tensor[];
}

/** What one block's forward pass keeps for its backward pass. */
interface BlockSaved {
  norm1: NormSaved;
  h1: tf.Tensor3D;
  qkvWeight: tf.Tensor3D;
  attention: AttentionSaved;
  merged: tf.Tensor3D;
  projWeight: tf.Tensor3D;
  norm2: NormSaved;
  h2: tf.Tensor3D;
  fcWeight: tf.Tensor3D;
  gelu: GeluSaved;
  fcProjWeight: tf.Tensor3D;
}

/** One pre-LayerNorm block (attention, then MLP) on the residual stream x [1, batch*t, width]. */
function blockForward(
  x: tf.Tensor,
  block: BlockParams,
  mask: tf.Tensor,
  dims: AttentionDims,
  kernel: AttentionKernel,
): { y: tf.Tensor3D; saved: BlockSaved } {
  const norm1 = layerNormForward(x, block.ln1Gain, block.ln1Bias);
  const qkvWeight = asOperand(block.qkvWeight);
  const { merged, saved: attention } = attentionForward(
    mm(norm1.y, qkvWeight, block.qkvBias),
    mask,
    dims,
    kernel,
  );
  const projWeight = asOperand(block.projWeight);
  const x1 = tf.add(x, mm(merged, projWeight, block.projBias));
  const norm2 = layerNormForward(x1, block.ln2Gain, block.ln2Bias);
  const fcWeight = asOperand(block.fcWeight);
  const gelu = geluForward(mm(norm2.y, fcWeight, block.fcBias));
  const fcProjWeight = asOperand(block.fcProjWeight);
  const y = tf.add(x1, mm(gelu.y, fcProjWeight, block.fcProjBias)) as tf.Tensor3D;
  return {
    y,
    saved: {
      norm1: norm1.saved,
      h1: norm1.y,
      qkvWeight,
      attention,
      merged,
      projWeight,
      norm2: norm2.saved,
      h2: norm2.y,
      fcWeight,
      gelu: gelu.saved,
      fcProjWeight,
    },
  };
}

/**
 * Backward pass of blockForward from dy (gradient of its output): the gradient of its input and
 * those of the block's variables, in listVariables order ([1, in, out] and [1, 1, size]: AdamW's
 * packing layout).
 */
function blockBackward(
  dy: tf.Tensor,
  block: BlockParams,
  s: BlockSaved,
  dims: AttentionDims,
  ones: Ones,
): { dx: tf.Tensor3D; grads: tf.Tensor[] } {
  // MLP: y = x1 + gelu(h2 Wfc + bfc) Wfp + bfp; dx1 = dy + the LayerNorm's part.
  const fcProj = linearGrads(s.gelu.y, dy, ones);
  const dFc = geluBackward(mmTransposed(dy, s.fcProjWeight), s.gelu);
  const fc = linearGrads(s.h2, dFc, ones);
  const [dx1, dLn2Gain, dLn2Bias] = layerNormLinearBackward(
    dFc,
    s.fcWeight,
    fc.dBias,
    block.ln2Gain,
    s.norm2,
    ones,
    dy,
  );
  // Attention: x1 = x + attention(h1 Wqkv + bqkv) Wproj + bproj
  const proj = linearGrads(s.merged, dx1, ones);
  const dQkv = attentionBackward(mmTransposed(dx1, s.projWeight), s.attention, dims);
  const qkv = linearGrads(s.h1, dQkv, ones);
  const [dx, dLn1Gain, dLn1Bias] = layerNormLinearBackward(
    dQkv,
    s.qkvWeight,
    qkv.dBias,
    block.ln1Gain,
    s.norm1,
    ones,
    dx1,
  );
  return {
    dx,
    grads: [
      dLn1Gain,
      dLn1Bias,
      qkv.dWeight,
      qkv.dBias,
      proj.dWeight,
      proj.dBias,
      dLn2Gain,
      dLn2Bias,
      fc.dWeight,
      fc.dBias,
      fcProj.dWeight,
      fcProj.dBias,
    ],
  };
}

/**
 * A one-hot matrix [1, rows, width] built on the JS side (an upload, not a kernel): row r has ones
 * at the columns cols(r); with `transposed`, the same matrix laid out [1, width, rows].
 */
function oneHot(
  rows: number,
  width: number,
  cols: (r: number) => number[],
  transposed: boolean,
): tf.Tensor3D {
  const values = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++)
    for (const c of cols(r)) values[transposed ? c * rows + r : r * width + c] = 1;
  return tf.tensor3d(values, transposed ? [1, width, rows] : [1, rows, width]);
}

/**
 * The loss of a batch of full windows (gptLoss) and its gradient with respect to every variable.
 *
 * The token and position embeddings are one product: a row's one-hot over (token, position)
 * times the two tables stacked, and the gradient of both is that one-hot's transpose times the
 * gradient of the residual stream.
 */
export function lossAndGradients(model: Gpt, windows: Windows): LossAndGradients {
  const { vocabSize: v, contextLength: t, heads } = model.shape;
  const { batch, inputs, targets } = windows;
  const n = batch * t;
  if (inputs.length !== n || targets.length !== n)
    throw new RangeError(`expected ${batch} full windows of ${t} tokens`);
  const p = model.params;
  const mask = modelAttentionMask(model, t);
  const kernel = attentionKernelFor(tf.getBackend());
  const dims = { batch, t, heads };
  const embedRow = (r: number) => [inputs[r], v + (r % t)];
  return tf.tidy(() => {
    let onesMade: tf.Tensor | null = null;
    const ones: Ones = () => (onesMade ??= tf.ones([1, 1, n]));
    const table = asOperand(tf.concat([p.tokenEmbedding, p.positionEmbedding], 0));
    const embedHot = oneHot(n, v + t, embedRow, false);
    let x: tf.Tensor = mm(embedHot, table);
    const saved: BlockSaved[] = [];
    for (const block of p.blocks) {
      const out = blockForward(x, block, mask, dims, kernel);
      saved.push(out.saved);
      x = out.y;
    }
    const final = layerNormForward(x, p.lnfGain, p.lnfBias);
    const headWeight = asOperand(p.headWeight);
    const targetHot = oneHot(n, v, (r) => [targets[r]], false);
    const { loss, dLogits } = crossEntropyAndGradient(mm(final.y, headWeight, p.headBias), targetHot, n);

    const head = linearGrads(final.y, dLogits, ones);
    const [dFinal, dLnfGain, dLnfBias] = layerNormLinearBackward(
      dLogits,
      headWeight,
      head.dBias,
      p.lnfGain,
      final.saved,
      ones,
    );
    let dx: tf.Tensor = dFinal;
    const blockGrads: tf.Tensor[][] = [];
    for (let l = p.blocks.length - 1; l >= 0; l--) {
      const back = blockBackward(dx, p.blocks[l], saved[l], dims, ones);
      blockGrads[l] = back.grads;
      dx = back.dx;
    }
    // The one-hot's transpose: flagged on GPU backends, else uploaded transposed (flag-free products).
    const dTable = gpuBackend()
      ? (tf
          .engine()
          .runKernel(
            tf.BatchMatMul,
            { a: embedHot, b: dx },
            { transposeA: true, transposeB: false },
          ) as tf.Tensor)
      : mm(oneHot(n, v + t, embedRow, true), dx);
    const [dToken, dPosition] = tf.split(dTable, [v, t], 1);
    return {
      loss,
      grads: [dToken, dPosition, ...blockGrads.flat(), dLnfGain, dLnfBias, head.dWeight, head.dBias],
    };
  });
}
