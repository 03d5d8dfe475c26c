import * as tf from '@tensorflow/tfjs';
import type { DocumentNll } from '../../metrics/perplexity-spread';
import { EOD } from '../../text/vocabulary';
import type { Gpt } from '../gpt';
import { windowLogits } from './logits';

/** Windows scored per call: a fixed shape, so a GPU backend compiles its programs once. */
const BATCH_WINDOWS = 16;

/** One window of a document: its tokens, padded to the context length, and how many it predicts. */
interface DocumentWindow {
  document: number;
  inputs: Int32Array;
  targets: Int32Array;
  predicted: number;
}

/**
 * The windows of one document read on its own: the stream EOD, its characters, EOD, cut into
 * consecutive windows of the context length t, as held-out evaluation cuts its stream
 * (evaluate.ts): every token after the first EOD is predicted exactly once, and a document longer
 * than t is read window by window, each starting without the one before it. The last window is
 * padded with EOD, whose predictions are not counted (attention is causal: padding after a
 * position changes nothing before it).
 */
function documentWindows(document: number, ids: Int32Array, t: number): DocumentWindow[] {
  const stream = new Int32Array(ids.length + 2);
  stream[0] = EOD;
  stream.set(ids, 1);
  stream[ids.length + 1] = EOD;
  const windows: DocumentWindow[] = [];
  for (let start = 0; start < stream.length - 1; start += t) {
    const predicted = Math.min(t, stream.length - 1 - start);
    const inputs = new Int32Array(t).fill(EOD);
    const targets = new Int32Array(t).fill(EOD);
    inputs.set(stream.subarray(start, start + predicted));
    targets.set(stream.subarray(start + 1, start + 1 + predicted));
    windows.push({ document, inputs, targets, predicted });
  }
  return windows;
}

/**
 * Each document's negative log-likelihood under the model (nats, summed over its characters and
 * its closing EOD; tokens = characters + 1), each read from the start-of-document state alone:
 * what a document's perplexity (metrics/perplexity-spread.ts) is computed from.
 */
export async function documentNlls(model: Gpt, documents: readonly Int32Array[]): Promise<DocumentNll[]> {
  const t = model.shape.contextLength;
  const out: DocumentNll[] = documents.map((d) => ({ nll: 0, tokens: d.length + 1 }));
  const windows = documents.flatMap((ids, i) => documentWindows(i, ids, t));
  for (let first = 0; first < windows.length; first += BATCH_WINDOWS) {
    const batch = windows.slice(first, first + BATCH_WINDOWS);
    const inputs = new Int32Array(BATCH_WINDOWS * t).fill(EOD);
    const targets = new Int32Array(BATCH_WINDOWS * t).fill(EOD);
    batch.forEach((w, row) => {
      inputs.set(w.inputs, row * t);
      targets.set(w.targets, row * t);
    });
    const perToken = tf.tidy(() => {
      const logits = windowLogits(model, tf.tensor2d(inputs, [BATCH_WINDOWS, t], 'int32'));
      const logProbs = tf.logSoftmax(logits);
      const picked = tf.mul(logProbs, tf.oneHot(tf.tensor1d(targets, 'int32'), logits.shape[1]));
      return tf.neg(tf.sum(picked, 1));
    });
    // Read outside tidy with data(), not dataSync(): dataSync blocks (or breaks) on WebGPU.
    const values = await perToken.data();
    perToken.dispose();
    batch.forEach((w, row) => {
      let sum = 0;
      for (let j = 0; j < w.predicted; j++) sum += values[row * t + j];
      out[w.document].nll += sum;
    });
  }
  // Float32 round-off may leave a near-certain document a hair below zero.
  for (const d of out) d.nll = Math.max(0, d.nll);
  return out;
}
