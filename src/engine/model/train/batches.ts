import type { Rng } from '../../rng';
import { EOD } from '../../text/vocabulary';

/**
 * Documents as one token stream: EOD before the first document and after each one.
 * A window that starts on an EOD therefore reads "start of a document", and every document's
 * end is a trained target, so models learn to stop.
 */
export function documentsToStream(documents: readonly Int32Array[]): Int32Array {
  let total = 1;
  for (const d of documents) total += d.length + 1;
  const stream = new Int32Array(total);
  stream[0] = EOD;
  let at = 1;
  for (const d of documents) {
    stream.set(d, at);
    at += d.length;
    stream[at++] = EOD;
  }
  return stream;
}

/** Training windows as the JS side draws them: rows of t tokens and, for each, the next tokens. */
export interface Windows {
  batch: number;
  /** [batch * t] token ids, row-major. */
  inputs: Int32Array;
  /** [batch * t] the token after each input position. */
  targets: Int32Array;
}

/** Random windows of t+1 tokens from the stream (offsets drawn from rng): inputs and next tokens. */
export function sampleWindows(stream: Int32Array, batch: number, t: number, rng: Rng): Windows {
  if (stream.length < t + 1) {
    throw new RangeError(`training text has ${stream.length} tokens, fewer than one window of ${t + 1}`);
  }
  const inputs = new Int32Array(batch * t);
  const targets = new Int32Array(batch * t);
  const span = stream.length - t;
  for (let b = 0; b < batch; b++) {
    const o = rng.int(span);
    inputs.set(stream.subarray(o, o + t), b * t);
    targets.set(stream.subarray(o + 1, o + t + 1), b * t);
  }
  return { batch, inputs, targets };
}
