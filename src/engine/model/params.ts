import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { validateShape, type ModelShape } from './shape';

export interface BlockParams {
  ln1Gain: tf.Variable;
  ln1Bias: tf.Variable;
  /** Query, key and value projections in one [width, 3*width] matrix: one product, not three. */
  qkvWeight: tf.Variable;
  qkvBias: tf.Variable;
  projWeight: tf.Variable;
  projBias: tf.Variable;
  ln2Gain: tf.Variable;
  ln2Bias: tf.Variable;
  fcWeight: tf.Variable;
  fcBias: tf.Variable;
  fcProjWeight: tf.Variable;
  fcProjBias: tf.Variable;
}

export interface GptParams {
  tokenEmbedding: tf.Variable; // [vocab, width]
  positionEmbedding: tf.Variable; // [context, width]
  blocks: BlockParams[];
  lnfGain: tf.Variable;
  lnfBias: tf.Variable;
  headWeight: tf.Variable; // [width, vocab]
  headBias: tf.Variable;
}

/** Every variable of a model in a fixed order (optimizer slots and checkpoints follow it). */
export function listVariables(p: GptParams): tf.Variable[] {
  const blockVars = p.blocks.flatMap((b) => [
    b.ln1Gain,
    b.ln1Bias,
    b.qkvWeight,
    b.qkvBias,
    b.projWeight,
    b.projBias,
    b.ln2Gain,
    b.ln2Bias,
    b.fcWeight,
    b.fcBias,
    b.fcProjWeight,
    b.fcProjBias,
  ]);
  return [
    p.tokenEmbedding,
    p.positionEmbedding,
    ...blockVars,
    p.lnfGain,
    p.lnfBias,
    p.headWeight,
    p.headBias,
  ];
}

/** A variable from JS-side values; the initial-value tensor is disposed (else it leaks). */
function variableFrom(values: Float32Array, shape: number[]): tf.Variable {
  const init = tf.tensor(values, shape, 'float32');
  const v = tf.variable(init, true);
  init.dispose();
  return v;
}

const normal = (rng: Rng, n: number, std: number) => {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * std;
  return out;
};
const filled = (n: number, value: number) => new Float32Array(n).fill(value);

/**
 * GPT-2 initialisation: weights N(0, 0.02), biases 0, LayerNorm gains 1, and the projections
 * that write into the residual stream scaled by 1/sqrt(2 * layers) so its variance does not
 * grow with depth. Values are drawn on the JS side from the seeded RNG, so the same seed gives
 * the same model on every backend.
 */
export function initParams(shape: ModelShape, rng: Rng): GptParams {
  validateShape(shape);
  const { vocabSize: v, contextLength: t, layers, width: c, mlpRatio } = shape;
  const h = c * mlpRatio;
  const std = 0.02;
  const residualStd = std / Math.sqrt(2 * layers);
  const blocks: BlockParams[] = [];
  for (let l = 0; l < layers; l++) {
    const r = rng.split(`block${l}`);
    blocks.push({
      ln1Gain: variableFrom(filled(c, 1), [c]),
      ln1Bias: variableFrom(filled(c, 0), [c]),
      qkvWeight: variableFrom(normal(r, c * 3 * c, std), [c, 3 * c]),
      qkvBias: variableFrom(filled(3 * c, 0), [3 * c]),
      projWeight: variableFrom(normal(r, c * c, residualStd), [c, c]),
      projBias: variableFrom(filled(c, 0), [c]),
      ln2Gain: variableFrom(filled(c, 1), [c]),
      ln2Bias: variableFrom(filled(c, 0), [c]),
      fcWeight: variableFrom(normal(r, c * h, std), [c, h]),
      fcBias: variableFrom(filled(h, 0), [h]),
      fcProjWeight: variableFrom(normal(r, h * c, residualStd), [h, c]),
      fcProjBias: variableFrom(filled(c, 0), [c]),
    });
  }
  const e = rng.split('embeddings');
  return {
    tokenEmbedding: variableFrom(normal(e, v * c, std), [v, c]),
    positionEmbedding: variableFrom(normal(e, t * c, std), [t, c]),
    blocks,
    lnfGain: variableFrom(filled(c, 1), [c]),
    lnfBias: variableFrom(filled(c, 0), [c]),
    headWeight: variableFrom(normal(rng.split('head'), c * v, std), [c, v]),
    headBias: variableFrom(filled(v, 0), [v]),
  };
}
