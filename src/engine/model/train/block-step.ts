import * as tf from '@tensorflow/tfjs';
import { attentionBackward, attentionForward, type AttentionDims, type AttentionKernel, type AttentionSaved } from '../kernels/attention';
import { asOperand, mm } from '../kernels/ops';
import type { BlockParams } from '../params';
import {
  geluBackward,
  geluForward,
  layerNormForward,
  layerNormLinearBackward,
  linearGrads,
  mmTransposed,
  type GeluSaved,
  type Ones,
  type NormSaved,
} from '../kernels/layers';

/** What one block's forward pass keeps for its backward pass. */
export interface BlockSaved {
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
export function blockForward(
  x: tf.Tensor,
  block: BlockParams,
  mask: tf.Tensor,
  dims: AttentionDims,
  kernel: AttentionKernel,
): { y: tf.Tensor3D; saved: BlockSaved } {
  const norm1 = layerNormForward(x, block.ln1Gain, block.ln1Bias);
  const qkvWeight = asOperand(block.qkvWeight);
  const { merged, saved: attention } = attentionForward(mm(norm1.y, qkvWeight, block.qkvBias), mask, dims, kernel);
  const projWeight = asOperand(block.projWeight);
  const x1 = tf.add(x, mm(merged, projWeight, block.projBias));
  const norm2 = layerNormForward(x1, block.ln2Gain, block.ln2Bias);
  const fcWeight = asOperand(block.fcWeight);
  const gelu = geluForward(mm(norm2.y, fcWeight, block.fcBias));
  const fcProjWeight = asOperand(block.fcProjWeight);
  const y = tf.add(x1, mm(gelu.y, fcProjWeight, block.fcProjBias)) as tf.Tensor3D;
  return {
    y,
    saved: { norm1: norm1.saved, h1: norm1.y, qkvWeight, attention, merged, projWeight, norm2: norm2.saved, h2: norm2.y, fcWeight, gelu: gelu.saved, fcProjWeight },
  };
}

/**
 * Backward pass of blockForward from dy (gradient of its output): the gradient of its input and
 * those of the block's variables, in listVariables order ([1, in, out] and [1, 1, size]: AdamW's
 * packing layout).
 */
export function blockBackward(
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
  const [dx1, dLn2Gain, dLn2Bias] = layerNormLinearBackward(dFc, s.fcWeight, fc.dBias, block.ln2Gain, s.norm2, ones, dy);
  // Attention: x1 = x + attention(h1 Wqkv + bqkv) Wproj + bproj
  const proj = linearGrads(s.merged, dx1, ones);
  const dQkv = attentionBackward(mmTransposed(dx1, s.projWeight), s.attention, dims);
  const qkv = linearGrads(s.h1, dQkv, ones);
  const [dx, dLn1Gain, dLn1Bias] = layerNormLinearBackward(dQkv, s.qkvWeight, qkv.dBias, block.ln1Gain, s.norm1, ones, dx1);
  return {
    dx,
    grads: [
      dLn1Gain, dLn1Bias, qkv.dWeight, qkv.dBias, proj.dWeight, proj.dBias,
      dLn2Gain, dLn2Bias, fc.dWeight, fc.dBias, fcProj.dWeight, fcProj.dBias,
    ],
  };
}
