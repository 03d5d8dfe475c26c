/**
 * The naive sampler the fixed-shape one is measured against: every token runs a full forward
 * pass over the prefix so far, so the input shape grows by one each token, and on WebGL and
 * WebGPU every new shape compiles new shaders. Benchmark-only; the engine never samples this way.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeLogits, PLAIN_DECODING } from '../engine/decoding';
import type { Gpt } from '../engine/model/gpt';
import { windowLogits } from '../engine/model/infer/logits';
import type { Rng } from '../engine/rng';
import { EOD } from '../engine/text/vocabulary';

/** Characters per second of count sequences of length symbols (length < the model's context). */
export async function timeNaiveSampling(
  model: Gpt,
  count: number,
  length: number,
  rng: Rng,
): Promise<number> {
  const { contextLength: t, vocabSize: v } = model.shape;
  if (length >= t)
    throw new RangeError(`the naive sampler is timed within one window (length ${length} < context ${t})`);
  const histories = Array.from({ length: count }, () => [EOD]);
  const law = new Float64Array(v);
  const t0 = performance.now();
  for (let step = 0; step < length; step++) {
    const prefix = histories[0].length;
    const ids = new Int32Array(count * prefix);
    histories.forEach((h, b) => ids.set(h, b * prefix));
    const last = tf.tidy(() => {
      const logits = windowLogits(model, tf.tensor2d(ids, [count, prefix], 'int32'));
      return tf.reshape(tf.slice(tf.reshape(logits, [count, prefix, v]), [0, prefix - 1, 0], [count, 1, v]), [
        count,
        v,
      ]);
    });
    const values = (await last.data()) as Float32Array;
    last.dispose();
    histories.forEach((h, b) =>
      h.push(rng.categorical(decodeLogits(values.subarray(b * v, (b + 1) * v), PLAIN_DECODING, law))),
    );
  }
  return (count * length) / Math.max((performance.now() - t0) / 1000, 1e-6);
}
