import * as tf from '@tensorflow/tfjs';
import { decodeLogits, type DecodingSettings } from '../../decoding';
import type { Rng } from '../../rng';
import { EOD } from '../../text/vocabulary';
import type { Gpt } from '../gpt';
import { windowLogits } from './logits';
import { extendIds, KvCache } from './kv-cache';

/**
 * kv-cache: one row of work per new token, shapes grow (best on cpu and wasm).
 * fixed-shape: the whole window is recomputed at one fixed shape every token; wasteful in
 * arithmetic, but on WebGL every new shape compiles a shader, which costs far more.
 */
export type SamplerKind = 'kv-cache' | 'fixed-shape';

export interface SampleOptions {
  count: number;
  /** Generated symbols per document at most (EOD not counted); a document that reaches it is cut. */
  maxLength: number;
  decoding: DecodingSettings;
  /** Ids that every document starts with (after the start-of-document EOD); not part of the output. */
  prompt?: Int32Array;
  /** Sequences advanced together. */
  batchSize?: number;
  sampler?: SamplerKind;
  /** false: an EOD does not end a document (benchmarks that need full-length sequences). */
  stopAtEod?: boolean;
}

export interface SampledDocuments {
  /** Generated ids of each document, without the prompt and without the final EOD. */
  documents: Int32Array[];
  /** Whether each document was cut at maxLength rather than ended by the model. */
  hitCap: boolean[];
}

/** Draws one symbol per active row from logits [rows, vocab], with our seeded RNG. */
function drawSymbols(
  logits: Float32Array,
  vocab: number,
  rows: number,
  decoding: DecodingSettings,
  rng: Rng,
): number[] {
  const law = new Float64Array(vocab);
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    decodeLogits(logits.subarray(r * vocab, (r + 1) * vocab), decoding, law);
    out.push(rng.categorical(law));
  }
  return out;
}

/** Steps a batch of sequences, each starting from [EOD, ...prompt]. */
interface StepSource {
  /** Logits [batch, vocab] of the next symbol given each row's history. */
  next(histories: number[][]): Promise<Float32Array>;
  dispose(): void;
}

/**
 * Where the model's window starts once a history outgrows the context: both samplers keep the
 * most recent half and carry on from there (positions are absolute, so the kept tokens are
 * re-embedded at 0..). Sharing the rule means the choice of sampler never changes the text.
 */
function nextWindowStart(len: number, offset: number, contextLength: number): number {
  return len - offset > contextLength ? len - Math.floor(contextLength / 2) : offset;
}

function kvCacheSource(model: Gpt, batch: number): StepSource {
  const cache = new KvCache(batch);
  const t = model.shape.contextLength;
  let fed = 0; // how many history symbols the cache holds, counted from the history's start
  let offset = 0; // history index of the cache's first position
  return {
    async next(histories) {
      const len = histories[0].length;
      let feedFrom = fed;
      const start = nextWindowStart(len, offset, t);
      if (start !== offset) {
        cache.clear();
        offset = start;
        feedFrom = start;
      }
      const n = len - feedFrom;
      const ids = new Int32Array(batch * n);
      histories.forEach((h, b) => ids.set(h.slice(feedFrom, len), b * n));
      const logits = extendIds(model, cache, ids, n);
      fed = len;
      const values = (await logits.data()) as Float32Array;
      logits.dispose();
      return values;
    },
    dispose: () => cache.dispose(),
  };
}

function fixedShapeSource(model: Gpt, batch: number): StepSource {
  const t = model.shape.contextLength;
  const v = model.shape.vocabSize;
  let offset = 0;
  return {
    async next(histories) {
      const len = histories[0].length;
      offset = nextWindowStart(len, offset, t);
      const start = offset;
      const used = len - start;
      const ids = new Int32Array(batch * t); // padded with EOD past the used part; causal, so unseen
      histories.forEach((h, b) => ids.set(h.slice(start, len), b * t));
      const rows = tf.tidy(() => {
        const logits = windowLogits(model, tf.tensor2d(ids, [batch, t], 'int32'));
        return tf.reshape(tf.slice(tf.reshape(logits, [batch, t, v]), [0, used - 1, 0], [batch, 1, v]), [
          batch,
          v,
        ]);
      });
      const values = (await rows.data()) as Float32Array;
      rows.dispose();
      return values;
    },
    dispose: () => undefined,
  };
}

/** Samples documents from the model, batch by batch, with the decoding settings. */
export async function sampleDocuments(
  model: Gpt,
  options: SampleOptions,
  rng: Rng,
): Promise<SampledDocuments> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 16, options.count));
  const prompt = Array.from(options.prompt ?? []);
  const documents: Int32Array[] = [];
  const hitCap: boolean[] = [];
  for (let done = 0; done < options.count; done += batchSize) {
    const batch = Math.min(batchSize, options.count - done);
    const source =
      options.sampler === 'fixed-shape' ? fixedShapeSource(model, batch) : kvCacheSource(model, batch);
    const histories = Array.from({ length: batch }, () => [EOD, ...prompt]);
    const generated: number[][] = Array.from({ length: batch }, () => []);
    const finished = new Array<boolean>(batch).fill(false);
    try {
      for (let step = 0; step < options.maxLength + 1 && finished.includes(false); step++) {
        const logits = await source.next(histories);
        const symbols = drawSymbols(logits, model.shape.vocabSize, batch, options.decoding, rng);
        symbols.forEach((s, b) => {
          histories[b].push(s);
          if (finished[b]) return;
          if (s === EOD && options.stopAtEod !== false) finished[b] = true;
          else if (generated[b].length < options.maxLength) generated[b].push(s);
          else finished[b] = true; // cut: a maxLength-th symbol was drawn and it was not EOD
        });
      }
    } finally {
      source.dispose();
    }
    generated.forEach((g, b) => {
      documents.push(Int32Array.from(g));
      hitCap.push(g.length >= options.maxLength && histories[b][prompt.length + 1 + g.length] !== EOD);
    });
  }
  return { documents, hitCap };
}
