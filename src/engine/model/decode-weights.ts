import * as tf from '@tensorflow/tfjs';
import type { Gpt } from './gpt';

/**
 * A model's weights rearranged for incremental decoding (kv-cache.ts), made once per cache so
 * that each token costs fewer kernels; every product is the same function as the model's:
 * - token and position embeddings summed into one table [context * vocab, width]: one gather;
 * - each LayerNorm's gain and bias folded into the product after it: (xhat * g + b) W + c =
 *   xhat (diag(g) W) + (b W + c);
 * - the query columns pre-scaled by 1/sqrt(d);
 * - LayerNorm's centring and variance as products (kv-cache.ts's normalise), GELU's constants
 *   as tensors (a number operand uploads a new scalar every time).
 */
export interface DecodeBlockWeights {
  /** Weights as [1, in, out] (the layout of one batched product), biases [out]. */
  qWeight: tf.Tensor3D;
  qBias: tf.Tensor1D;
  kWeight: tf.Tensor3D;
  kBias: tf.Tensor1D;
  vWeight: tf.Tensor3D;
  vBias: tf.Tensor1D;
  projWeight: tf.Tensor3D;
  projBias: tf.Tensor1D;
  fcWeight: tf.Tensor3D;
  fcBias: tf.Tensor1D;
  fcProjWeight: tf.Tensor3D;
  fcProjBias: tf.Tensor1D;
}

export interface DecodeWeights {
  embedding: tf.Tensor2D;
  /** I - J/c: a product with it centres rows. */
  centre: tf.Tensor3D;
  /** [c, 1] of 1/c, and eps as the bias of the product with it. */
  meanColumn: tf.Tensor3D;
  eps: tf.Tensor1D;
  geluK1: tf.Scalar;
  geluK2: tf.Scalar;
  blocks: DecodeBlockWeights[];
  headWeight: tf.Tensor3D;
  headBias: tf.Tensor1D;
  dispose(): void;
}

const LN_EPS = 1e-5;
const GELU_C = Math.sqrt(2 / Math.PI);

/** LayerNorm (gain g, bias b) followed by x W + c, as one product: [diag(g) W, b W + c]. */
function foldNorm(gain: tf.Tensor, bias: tf.Tensor, weight: tf.Tensor, weightBias: tf.Tensor): [tf.Tensor3D, tf.Tensor1D] {
  const w = tf.expandDims(tf.mul(tf.reshape(gain, [-1, 1]), weight), 0) as tf.Tensor3D;
  const b = tf.add(tf.reshape(tf.matMul(tf.reshape(bias, [1, -1]), weight), [-1]), weightBias) as tf.Tensor1D;
  return [w, b];
}

export function decodeWeights(model: Gpt): DecodeWeights {
  const { heads, width: c, vocabSize: v, contextLength: t } = model.shape;
  const d = c / heads;
  const p = model.params;
  const made = tf.tidy(() => {
    const embedding = tf.reshape(tf.add(tf.reshape(p.tokenEmbedding, [1, v, c]), tf.reshape(p.positionEmbedding, [t, 1, c])), [t * v, c]) as tf.Tensor2D;
    const centre = tf.reshape(tf.sub(tf.eye(c), 1 / c), [1, c, c]) as tf.Tensor3D;
    const meanColumn = tf.fill([1, c, 1], 1 / c) as tf.Tensor3D;
    const eps = tf.tensor1d([LN_EPS]);
    const geluK1 = tf.scalar(2 * GELU_C * 0.044715);
    const geluK2 = tf.scalar(2 * GELU_C);
    const blocks = p.blocks.map((blk) => {
      const [qkvW, qkvB] = foldNorm(blk.ln1Gain, blk.ln1Bias, blk.qkvWeight, blk.qkvBias);
      const [fcWeight, fcBias] = foldNorm(blk.ln2Gain, blk.ln2Bias, blk.fcWeight, blk.fcBias);
      return {
        // (the wasm kernel reads a bias's shape from its buffer, which a reshape does not
        // change: a bias must come out of an op as rank 1, as these do)
        qWeight: tf.mul(tf.slice(qkvW, [0, 0, 0], [1, c, c]), 1 / Math.sqrt(d)) as tf.Tensor3D,
        qBias: tf.mul(tf.slice(qkvB, [0], [c]), 1 / Math.sqrt(d)) as tf.Tensor1D,
        kWeight: tf.slice(qkvW, [0, 0, c], [1, c, c]),
        kBias: tf.slice(qkvB, [c], [c]),
        vWeight: tf.slice(qkvW, [0, 0, 2 * c], [1, c, c]),
        vBias: tf.slice(qkvB, [2 * c], [c]),
        projWeight: tf.expandDims(blk.projWeight, 0) as tf.Tensor3D,
        projBias: tf.clone(blk.projBias) as tf.Tensor1D,
        fcWeight,
        fcBias,
        fcProjWeight: tf.expandDims(blk.fcProjWeight, 0) as tf.Tensor3D,
        fcProjBias: tf.clone(blk.fcProjBias) as tf.Tensor1D,
      };
    });
    const [headWeight, headBias] = foldNorm(p.lnfGain, p.lnfBias, p.headWeight, p.headBias);
    return { embedding, centre, meanColumn, eps, geluK1, geluK2, blocks, headWeight, headBias };
  });
  return {
    ...made,
    dispose() {
      tf.dispose([made.embedding, made.centre, made.meanColumn, made.eps, made.geluK1, made.geluK2, made.headWeight, made.headBias]);
      for (const b of made.blocks) tf.dispose(Object.values(b));
    },
  };
}
