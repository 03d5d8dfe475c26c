import * as tf from '@tensorflow/tfjs';
import type { Gpt } from '../gpt';
import { GELU_K1 as K1, GELU_K2 as K2 } from '../kernels';

/**
 * A model's weights rearranged for incremental decoding (kv-cache.ts), made once per cache so
 * that each token costs fewer kernels; every product is the same function as the model's:
 * - the residual stream is kept centred (each row minus its mean) and then offset by
 *   a = sqrt(eps) in every column: LayerNorm's first step is a product with I - J/c, which is
 *   linear and idempotent, so it is folded into whatever writes to the stream (the embeddings
 *   and both residual projections, weights and biases); the mean square of a row x + a is then
 *   var(x) + eps (x has mean 0), so each LayerNorm is left with three kernels and a scaling
 *   (kv-cache.ts's normalise), and the offset vanishes in every product that reads the stream,
 *   whose weight columns are centred too (1 (I - J/c) W = 0);
 * - token and position embeddings stacked into one table [1, vocab + context, width]: a row's
 *   embedding is one product with a one-hot over (token, position) (a gather is 3x slower on
 *   wasm, and 30x for a prefill);
 * - each LayerNorm's gain and bias folded into the product after it: (xhat * g + b) W + c =
 *   xhat (diag(g) W) + (b W + c);
 * - the query columns pre-scaled by 1/sqrt(d);
 * - GELU's input pre-scaled by a = K1^(1/3), so that its inner polynomial K1 x^3 + K2 x is
 *   u (u^2 + K2/a) of u = a x (one kernel fewer), and 1/a folded into the product after it.
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
  /** Token rows then position rows, centred, token rows offset by sqrt(eps): [1, vocab + context, width]. */
  embedding: tf.Tensor3D;
  /** K2/a of the rescaled GELU. */
  geluShift: tf.Scalar;
  blocks: DecodeBlockWeights[];
  headWeight: tf.Tensor3D;
  headBias: tf.Tensor1D;
  dispose(): void;
}

const LN_EPS = 1e-5;
const GELU_SCALE = Math.cbrt(K1);

/** LayerNorm (gain g, bias b) followed by x W + c, as one product: [diag(g) W, b W + c]. */
function foldNorm(
  gain: tf.Tensor,
  bias: tf.Tensor,
  weight: tf.Tensor,
  weightBias: tf.Tensor,
): [tf.Tensor2D, tf.Tensor1D] {
  const w = tf.mul(tf.reshape(gain, [-1, 1]), weight) as tf.Tensor2D;
  const b = tf.add(tf.reshape(tf.matMul(tf.reshape(bias, [1, -1]), weight), [-1]), weightBias) as tf.Tensor1D;
  return [w, b];
}

/** M (I - J/c): each row minus its mean, for a weight [in, c] or a bias [c] that writes to the stream. */
function centred<T extends tf.Tensor>(m: T): T {
  return tf.sub(m, tf.mean(m, -1, true));
}

/** (I - J/c) W: each column minus its mean, for a weight [c, out] that reads the stream. */
function reading(w: tf.Tensor): tf.Tensor2D {
  return tf.sub(w, tf.mean(w, 0, true));
}

const operand = (w: tf.Tensor) => tf.expandDims(w, 0) as tf.Tensor3D;

export function decodeWeights(model: Gpt): DecodeWeights {
  const { heads, width: c, vocabSize: v, contextLength: t } = model.shape;
  const qScale = 1 / Math.sqrt(c / heads);
  const p = model.params;
  const made = tf.tidy(() => {
    const offset = tf.concat([tf.fill([v, 1], Math.sqrt(LN_EPS)), tf.zeros([t, 1])], 0);
    const embedding = operand(tf.add(centred(tf.concat([p.tokenEmbedding, p.positionEmbedding], 0)), offset));
    const geluShift = tf.scalar(K2 / GELU_SCALE);
    const blocks = p.blocks.map((blk) => {
      const [qkvNormW, qkvB] = foldNorm(blk.ln1Gain, blk.ln1Bias, blk.qkvWeight, blk.qkvBias);
      const [fcNormW, fcB] = foldNorm(blk.ln2Gain, blk.ln2Bias, blk.fcWeight, blk.fcBias);
      const [qkvW, fcW] = [reading(qkvNormW), reading(fcNormW)];
      // (the wasm kernel reads a bias's shape from its buffer, which a reshape does not
      // change: a bias must come out of an op as rank 1, as these do)
      return {
        qWeight: operand(tf.mul(tf.slice(qkvW, [0, 0], [c, c]), qScale)),
        qBias: tf.mul(tf.slice(qkvB, [0], [c]), qScale) as tf.Tensor1D,
        kWeight: operand(tf.slice(qkvW, [0, c], [c, c])),
        kBias: tf.slice(qkvB, [c], [c]),
        vWeight: operand(tf.slice(qkvW, [0, 2 * c], [c, c])),
        vBias: tf.slice(qkvB, [2 * c], [c]),
        projWeight: operand(centred(blk.projWeight)),
        projBias: centred(blk.projBias) as tf.Tensor1D,
        fcWeight: operand(tf.mul(fcW, GELU_SCALE)),
        fcBias: tf.mul(fcB, GELU_SCALE) as tf.Tensor1D,
        fcProjWeight: operand(centred(tf.div(blk.fcProjWeight, GELU_SCALE))),
        fcProjBias: centred(blk.fcProjBias) as tf.Tensor1D,
      };
    });
    const [headW, headBias] = foldNorm(p.lnfGain, p.lnfBias, p.headWeight, p.headBias);
    return { embedding, geluShift, blocks, headWeight: operand(reading(headW)), headBias };
  });
  return {
    ...made,
    dispose() {
      tf.dispose([made.embedding, made.geluShift, made.headWeight, made.headBias]);
      for (const b of made.blocks) tf.dispose(Object.values(b));
    },
  };
}
