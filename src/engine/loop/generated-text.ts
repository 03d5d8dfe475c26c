/**
 * A generation's text: one stream of documents sampled from its model, from which the loop takes
 * two prefixes by character budget: the first m characters are written back into the corpus, the
 * first `evaluation.sampleChars` are measured. Documents are independent draws, so each prefix
 * is an unbiased sample of the model, and the measured one does not depend on m: the same model
 * gets the same metrics whatever share of text it writes back. Drawing one stream costs
 * max(m, sampleChars) characters of sampling; two separate draws would cost their sum.
 */
import { charCount } from '../corpus/corpus';
import { firstChars } from '../metrics/evaluation-sample';
import type { Rng } from '../rng';
import type { Vocabulary } from '../text/vocabulary';
import type { DecodingSettings } from '../decoding';
import type { LanguageModel, SampledText } from './families/types';

/** Documents sampled per call while the generation's text is written. */
const SAMPLE_CALL = 64;
/**
 * Calls in a row that may bring no character at all before the stream gives up: a model that
 * only ever ends documents at once would otherwise be sampled for ever. A model that writes one
 * non-empty document in ten passes 1,024 empty ones in a row with probability 0.9^1024 ~ 1e-47.
 */
const MAX_EMPTY_CALLS = 16;

export interface GeneratedDocument {
  text: string;
  /** Length in characters (code points). */
  chars: number;
  /** Stopped by the length cap rather than ended by the model. */
  hitCap: boolean;
}

export interface GeneratedStream {
  documents: GeneratedDocument[];
  chars: number;
  /** The stream stopped short of its goal: the model wrote only empty documents. */
  exhausted: boolean;
}

export interface StreamOptions {
  /** Characters to reach (the stream may go past it by the last call's documents). */
  chars: number;
  maxLength: number;
  decoding: DecodingSettings;
  vocabulary: Vocabulary;
  /** Awaited before every call: pausing and cancelling happen here. */
  pausePoint(): Promise<void>;
  onProgress(done: number, total: number): void;
  /** Called after every call with the documents so far (the page previews the first ones). */
  onDocuments?(documents: readonly GeneratedDocument[]): void;
  /**
   * Documents an earlier stream of the same random stream already drew: this one goes on after
   * them, with the documents a longer stream would have had there.
   */
  firstDocument?: number;
}

/**
 * Samples documents, SAMPLE_CALL at a time, until at least `chars` characters exist. A model
 * that can take several calls at once (`parallelCalls`, one per training worker) gets that many
 * in flight; their results are taken in call order and each call's random stream is named by its
 * place in the stream, so the text is the same whatever the number of workers (a call that
 * turns out to lie past the goal is dropped).
 */
export async function sampleStream(
  model: LanguageModel,
  options: StreamOptions,
  rng: Rng,
): Promise<GeneratedStream> {
  const documents: GeneratedDocument[] = [];
  const inFlight: Promise<SampledText>[] = [];
  const width = Math.max(1, model.parallelCalls ?? 1);
  let issued = 0;
  let chars = 0;
  let emptyCalls = 0;
  while (chars < options.chars) {
    if (emptyCalls >= MAX_EMPTY_CALLS) return { documents, chars, exhausted: true };
    // A call is issued while the calls in flight are not expected to reach the goal by
    // themselves (at the mean length of the calls so far), so few calls are drawn for nothing.
    const perCall = issued > inFlight.length ? chars / (issued - inFlight.length) : 0;
    while (
      inFlight.length < width &&
      (inFlight.length === 0 || perCall === 0 || chars + inFlight.length * perCall < options.chars)
    ) {
      await options.pausePoint();
      // Named by the documents drawn before it, so the stream is the same whatever its goal.
      const call = model.sample(
        { count: SAMPLE_CALL, maxLength: options.maxLength, decoding: options.decoding },
        rng.split(`call-${(options.firstDocument ?? 0) + issued * SAMPLE_CALL}`),
      );
      call.catch(() => {}); // awaited below in order; a later call's failure must not go unhandled meanwhile
      inFlight.push(call);
      issued++;
    }
    const sampled = await (inFlight.shift() as Promise<SampledText>);
    const before = chars;
    sampled.documents.forEach((ids, i) => {
      const text = options.vocabulary.decode(ids);
      const length = charCount(text);
      documents.push({ text, chars: length, hitCap: sampled.hitCap[i] });
      chars += length;
    });
    emptyCalls = chars > before ? 0 : emptyCalls + 1;
    options.onProgress(Math.min(chars, options.chars), options.chars);
    options.onDocuments?.(documents);
  }
  return { documents, chars, exhausted: false };
}

export interface TextBudget {
  /** The texts, the last one cut at the budget when it went past it. */
  texts: string[];
  /** The same documents whole, with their own stops (a budget cut is the loop's, not the model's). */
  whole: GeneratedDocument[];
  /** Characters in `texts`: the budget, unless the stream ran short. */
  chars: number;
  /** Whether the last document was cut. */
  cut: boolean;
}

/** The first `chars` characters of the stream, the last document cut at the budget. */
export function takeBudget(stream: readonly GeneratedDocument[], chars: number): TextBudget {
  const prefix = firstChars(
    stream.map((d) => d.text),
    chars,
  );
  return {
    texts: prefix.documents,
    whole: stream.slice(0, prefix.documents.length),
    chars: prefix.chars,
    cut: prefix.cut,
  };
}
