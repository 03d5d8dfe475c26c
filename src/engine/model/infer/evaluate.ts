import * as tf from '@tensorflow/tfjs';
import type { Gpt } from '../gpt';
import { windowLogits } from './logits';

export interface NllResult {
  /** Sum of -ln p(token) over every predicted token, in nats. */
  totalNll: number;
  tokens: number;
}

/**
 * Negative log-likelihood of a token stream under the model: the stream is cut into
 * consecutive windows of the context length, each predicting its next tokens, evaluated
 * `batchWindows` at a time. Every token after the first is predicted exactly once.
 */
export async function streamNll(model: Gpt, stream: Int32Array, batchWindows = 16): Promise<NllResult> {
  const t = model.shape.contextLength;
  const predicted = stream.length - 1;
  if (predicted < 1) return { totalNll: 0, tokens: 0 };
  const fullWindows = Math.floor(predicted / t);
  let totalNll = 0;
  for (let w = 0; w < fullWindows; w += batchWindows) {
    const count = Math.min(batchWindows, fullWindows - w);
    totalNll += await windowsNll(model, stream, w * t, count, t);
  }
  const rest = predicted - fullWindows * t;
  if (rest > 0) totalNll += await windowsNll(model, stream, fullWindows * t, 1, rest);
  return { totalNll, tokens: predicted };
}

async function windowsNll(
  model: Gpt,
  stream: Int32Array,
  start: number,
  count: number,
  t: number,
): Promise<number> {
  const inputs = new Int32Array(count * t);
  const targets = new Int32Array(count * t);
  for (let i = 0; i < count; i++) {
    const o = start + i * t;
    inputs.set(stream.subarray(o, o + t), i * t);
    targets.set(stream.subarray(o + 1, o + t + 1), i * t);
  }
  const sum = tf.tidy(() => {
    const logits = windowLogits(model, tf.tensor2d(inputs, [count, t], 'int32'));
    const logProbs = tf.logSoftmax(logits);
    return tf.neg(tf.sum(tf.mul(logProbs, tf.oneHot(tf.tensor1d(targets, 'int32'), logits.shape[1]))));
  });
  // Read outside tidy with data(), not dataSync(): dataSync blocks (or breaks) on WebGPU.
  const value = (await sum.data())[0];
  sum.dispose();
  return value;
}

/** exp(mean NLL per token): the held-out perplexity of docs/SCIENCE.md. */
export function perplexityOf(result: NllResult): number {
  return Math.exp(result.totalNll / Math.max(result.tokens, 1));
}
