import * as tf from '@tensorflow/tfjs';
import { attentionKernelFor } from '../kernels/attention';
import type { Windows } from './batches';
import { blockBackward, blockForward, type BlockSaved } from './block-step';
import type { Gpt } from '../gpt';
import { gpuBackend } from '../kernels/fused-kernels';
import { runFused, SOFTMAX_CROSS_ENTROPY } from '../kernels/fused-registry';
import { asOperand, mm } from '../kernels/ops';
import { layerNormForward, layerNormLinearBackward, linearGrads, type Ones } from '../kernels/layers';

export interface LossAndGradients {
  /** Mean cross-entropy over every position, nats per token (crossEntropy(model.logits(...))). */
  loss: tf.Scalar;
  /**
   * Gradients of the loss, one per model.variables entry in that order, of the variable's size:
   * matrices [1, rows, columns], vectors [1, 1, size] (what AdamW packs without a reshape).
   */
  grads: tf.Tensor[];
}

/** Smallest probability the loss reads, so a target the model rules out costs ~69 nats, not infinity. */
const PROB_FLOOR = 1e-30;

/**
 * A one-hot matrix [1, rows, width] built on the JS side (an upload, not a kernel): row r has ones
 * at the columns cols(r); with `transposed`, the same matrix laid out [1, width, rows].
 */
function oneHot(rows: number, width: number, cols: (r: number) => number[], transposed: boolean): tf.Tensor3D {
  const values = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) for (const c of cols(r)) values[transposed ? c * rows + r : r * width + c] = 1;
  return tf.tensor3d(values, transposed ? [1, width, rows] : [1, rows, width]);
}

/**
 * The mean cross-entropy of logits [1, n, v] against one-hot targets and its gradient with
 * respect to the logits: one kernel on WebGL and WebGPU (fused-registry.ts), else composed ops.
 */
export function crossEntropyAndGradient(logits: tf.Tensor, targetHot: tf.Tensor, n: number): { loss: tf.Scalar; dLogits: tf.Tensor } {
  if (gpuBackend()) {
    const [dLogits, loss] = runFused(SOFTMAX_CROSS_ENTROPY, { logits, targets: targetHot });
    return { loss: tf.reshape(loss, []) as tf.Scalar, dLogits };
  }
  const probs = tf.softmax(logits);
  const picked = tf.sum(tf.mul(probs, targetHot), -1);
  const loss = tf.neg(tf.mean(tf.log(tf.maximum(picked, PROB_FLOOR)))) as tf.Scalar;
  return { loss, dLogits: tf.mul(tf.sub(probs, targetHot), 1 / n) };
}

/**
 * The loss of a batch of full windows and its gradient with respect to every variable, computed
 * by a hand-written backward pass rather than a gradient tape: nothing is recorded or cloned, the
 * saved activations are the forward pass's own tensors, and every product is flag-free and laid
 * out for the backend (attention.ts, step-layers.ts). Same function and gradient as
 * tf.variableGrads(() => crossEntropy(model.logits(inputs), targets)) (the tests compare them).
 *
 * The token and position embeddings are one product: a row's one-hot over (token, position)
 * times the two tables stacked, and the gradient of both is that one-hot's transpose times the
 * gradient of the residual stream.
 */
export function lossAndGradients(model: Gpt, windows: Windows): LossAndGradients {
  const { vocabSize: v, contextLength: t, heads } = model.shape;
  const { batch, inputs, targets } = windows;
  const n = batch * t;
  if (inputs.length !== n || targets.length !== n) throw new RangeError(`expected ${batch} full windows of ${t} tokens`);
  const p = model.params;
  const mask = model.attentionMask(t);
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
    const [dFinal, dLnfGain, dLnfBias] = layerNormLinearBackward(dLogits, headWeight, head.dBias, p.lnfGain, final.saved, ones);
    let dx: tf.Tensor = dFinal;
    const blockGrads: tf.Tensor[][] = [];
    for (let l = p.blocks.length - 1; l >= 0; l--) {
      const back = blockBackward(dx, p.blocks[l], saved[l], dims, ones);
      blockGrads[l] = back.grads;
      dx = back.dx;
    }
    // The one-hot's transpose: flagged on GPU backends, else uploaded transposed (flag-free products).
    const dTable = gpuBackend()
      ? (tf.engine().runKernel(tf.BatchMatMul, { a: embedHot, b: dx }, { transposeA: true, transposeB: false }) as tf.Tensor)
      : mm(oneHot(n, v + t, embedRow, true), dx);
    const [dToken, dPosition] = tf.split(dTable, [v, t], 1);
    return { loss, grads: [dToken, dPosition, ...blockGrads.flat(), dLnfGain, dLnfBias, head.dWeight, head.dBias] };
  });
}
