/**
 * All sample-based metrics of one generation in one object, as the loop reports them.
 * The held-out side is counted once per run (prepareReference); each generation then counts
 * only its own samples, once, and every metric reads those shared tables. The loop passes
 * samples of a fixed number of characters on both sides (evaluation-sample.ts), since these
 * estimates move with the sample's size.
 */
import {
  CHAR_ORDERS,
  charNgramDivergences,
  DEFAULT_KL_EPSILON,
  type ByCharOrder,
  type CharNgramTables,
} from './divergence';
import { collisionProbability, entropyNats } from './entropy';
import type { ExtinctionTracker } from './extinction';
import { countCharNgramsByOrder, countWordNgrams, type NgramCounts } from './ngrams';
import { DEFAULT_PR_WORD_ORDER, precisionRecallFromCounts } from './precision-recall';
import { firstChars } from './evaluation-sample';
import { realVocabulary, realWordShare } from './real-words';
import { charLength, distinctRatio, loopShare, sampleLengthStats, type LoopOptions } from './repetition';
import { lostSupportByKind, type BySupportKind, type SupportLookup } from './tails';
import { takeWordCensus, type WordCensus } from './word-census';

/** Orders of distinct-n over characters. */
export const DISTINCT_ORDERS = [2, 3, 4] as const;
export type ByDistinctOrder = Record<`${(typeof DISTINCT_ORDERS)[number]}`, number>;

/** The held-out real text, counted once. Treat as read-only. */
export interface MetricsReference {
  /** Character n-gram counts, orders 1, 2, 3. */
  readonly charTables: CharNgramTables;
  /** Real support for tails: characters, character bigrams, words. */
  readonly support: BySupportKind<NgramCounts>;
  /** Word n-gram order of the precision / recall proxies. */
  readonly prWordOrder: number;
  /** Word n-gram counts of that order. */
  readonly wordNgrams: NgramCounts;
  readonly documentCount: number;
  /** Characters (code points) in all. */
  readonly charCount: number;
  /** The real vocabulary real-word share looks words up in (real-words.ts). */
  readonly realWords: SupportLookup;
}

export interface ReferenceOptions {
  prWordOrder?: number;
  /** The real vocabulary; absent: the words of `heldOut` itself. */
  realWords?: SupportLookup;
}

export function prepareReference(
  heldOut: readonly string[],
  options: ReferenceOptions = {},
): MetricsReference {
  const prWordOrder = options.prWordOrder ?? DEFAULT_PR_WORD_ORDER;
  const charTables = countCharNgramsByOrder(heldOut, CHAR_ORDERS);
  const chars = charTables.get(1) as NgramCounts;
  if (chars.total === 0)
    throw new Error('the held-out text is empty: metrics need some real text to compare against');
  const words = countWordNgrams(heldOut, 1);
  return {
    charTables,
    support: { chars, bigrams: charTables.get(2) as NgramCounts, words },
    prWordOrder,
    wordNgrams: prWordOrder === 1 ? words : countWordNgrams(heldOut, prWordOrder),
    documentCount: heldOut.length,
    charCount: chars.total,
    realWords: options.realWords ?? words.counts,
  };
}

/**
 * The reference of a run: the first `sampleChars` characters of the held-out documents (dealt in
 * a seeded random order, so the prefix is a random sample of them), the size every generation's
 * own sample has, and the vocabulary of all the real text (D0 and the whole held-out text).
 */
export function prepareEvaluationReference(
  heldOut: readonly string[],
  real: readonly string[],
  sampleChars: number,
): MetricsReference {
  return prepareReference(firstChars(heldOut, sampleChars).documents, {
    realWords: realVocabulary(real, heldOut),
  });
}

export interface GenerationMetrics {
  /** Jensen-Shannon divergence (bits) of character n-grams, real vs generated. */
  js: ByCharOrder;
  /** KL(real || generated), nats, add-epsilon smoothed. */
  kl: ByCharOrder;
  /** Total variation. */
  tv: ByCharOrder;
  /** Entropy of the generated character unigram law, nats. */
  entropy: number;
  /** Entropy of the generated (joint) character bigram law, nats; minus `entropy` ~ conditional. */
  entropyBigram: number;
  /** Collision probability sum p^2 of the generated character unigram law. */
  collision: number;
  /** distinct-n of generated characters, n = 2, 3, 4, pooled over samples. */
  distinct: ByDistinctOrder;
  /** Share of the real support absent from the generated text. */
  lostSupport: BySupportKind<number>;
  /** Real probability mass of the lost support. */
  lostMass: BySupportKind<number>;
  /** Share of samples that are a loop of one short string (repetition.ts: isLoop). */
  loopShare: number;
  /** Mean sample length, the mean story length (characters unless sampleLengths was given). */
  meanSampleLength: number;
  /** Share of samples stopped by the length cap. */
  capHitShare: number;
  /** Share of samples the model ended itself (end-of-document), not the length cap. */
  endedShare: number;
  /** Share of generated word tokens that occur in the real text (real-words.ts). */
  realWordShare: number;
  /** Share of generated word n-grams that occur in the real text. */
  precision: number;
  /** Share of real word n-gram mass the generated text produces. */
  recall: number;
  sampleCount: number;
  /** Generated characters the metrics read (the evaluation sample's size). */
  generatedChars: number;
  /**
   * Real words that went extinct or came back at this generation, the spectrum of the words it
   * wrote, and (first generation only) the real words: word-census.ts. Taken when the input
   * carries an extinction tracker; absent in a run.json written before it was recorded.
   */
  wordCensus?: WordCensus;
}

export interface GenerationMetricsInput {
  /** This generation's generated documents. */
  samples: readonly string[];
  /** Held-out real documents, or (better, once per run) prepareReference(heldOut). */
  heldOut: readonly string[] | MetricsReference;
  /** Length cap of sampling, in the unit of the lengths. */
  lengthCap: number;
  /** Per sample: did it stop at the cap (exact); else length >= lengthCap is used. */
  hitCap?: readonly boolean[];
  /** Per sample lengths (e.g. tokens); defaults to characters (code points). */
  sampleLengths?: readonly number[];
  klEpsilon?: number;
  loop?: LoopOptions;
  /** Feeds this generation's support to an extinction tracker without a recount. */
  extinction?: { tracker: ExtinctionTracker; generation: number };
}

export function computeGenerationMetrics(input: GenerationMetricsInput): GenerationMetrics {
  const { samples, lengthCap } = input;
  if (!(lengthCap > 0)) throw new RangeError(`lengthCap must be positive, got ${lengthCap}`);
  if (input.sampleLengths && input.sampleLengths.length !== samples.length) {
    throw new RangeError(
      `sampleLengths has ${input.sampleLengths.length} entries for ${samples.length} samples`,
    );
  }
  const ref = Array.isArray(input.heldOut)
    ? prepareReference(input.heldOut)
    : (input.heldOut as MetricsReference);

  const gen = countCharNgramsByOrder(samples, [1, 2, 3, 4]);
  const genWords = countWordNgrams(samples, 1);
  const genWordNgrams = ref.prWordOrder === 1 ? genWords : countWordNgrams(samples, ref.prWordOrder);
  const unigrams = gen.get(1) as NgramCounts;
  const bigrams = gen.get(2) as NgramCounts;
  const genSupport = { chars: unigrams, bigrams, words: genWords };

  const { js, kl, tv } = charNgramDivergences(ref.charTables, gen, input.klEpsilon ?? DEFAULT_KL_EPSILON);
  const lost = lostSupportByKind(ref.support, genSupport);
  const lengths = input.sampleLengths ?? samples.map(charLength);
  const { meanSampleLength, capHitShare, endedShare } = sampleLengthStats(lengths, lengthCap, input.hitCap);
  const { precision, recall } = precisionRecallFromCounts(ref.wordNgrams, genWordNgrams);

  let wordCensus: WordCensus | undefined;
  if (input.extinction) {
    const { tracker, generation } = input.extinction;
    // The real words ride on the run's first census only.
    const first = tracker.lastGeneration === null;
    tracker.observeSupport(generation, {
      chars: unigrams.counts,
      bigrams: bigrams.counts,
      words: genWords.counts,
    });
    wordCensus = takeWordCensus(tracker, genWords, ref.support.words, first);
  }

  return {
    js,
    kl,
    tv,
    entropy: entropyNats(unigrams),
    entropyBigram: entropyNats(bigrams),
    collision: collisionProbability(unigrams),
    distinct: {
      2: distinctRatio(bigrams),
      3: distinctRatio(gen.get(3) as NgramCounts),
      4: distinctRatio(gen.get(4) as NgramCounts),
    },
    lostSupport: { chars: lost.chars.share, bigrams: lost.bigrams.share, words: lost.words.share },
    lostMass: { chars: lost.chars.mass, bigrams: lost.bigrams.mass, words: lost.words.mass },
    loopShare: loopShare(samples, input.loop),
    meanSampleLength,
    capHitShare,
    endedShare,
    realWordShare: realWordShare(genWords, ref.realWords),
    precision,
    recall,
    sampleCount: samples.length,
    generatedChars: unigrams.total,
    ...(wordCensus ? { wordCensus } : {}),
  };
}
