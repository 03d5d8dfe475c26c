/**
 * Tails (Dohmatob et al., "A Tale of Tails"): which part of the real support the generated text
 * no longer produces. Support kinds: characters, character bigrams (inside documents, see
 * ngrams.ts) and words (tokenizeWords).
 */
import { countCharNgramsByOrder, countWordNgrams, type NgramCounts } from './ngrams';

export interface LostSupport {
  /** Share of the distinct real symbols that never appear in the generated text, in [0, 1]. */
  share: number;
  /** Real probability mass carried by those symbols: sum of p_real over them, in [0, 1]. */
  mass: number;
  /** How many distinct real symbols were lost. */
  lost: number;
  /** How many distinct real symbols there are. */
  realSupport: number;
}

/** Anything that can say whether a symbol appears: counts, a Map or a Set. */
export interface SupportLookup {
  has(symbol: string): boolean;
}

/** Lost support and lost real mass of `real` (counts) in `generated`. Empty real support: 0, 0. */
export function lostSupport(real: NgramCounts, generated: SupportLookup | NgramCounts): LostSupport {
  const present: SupportLookup = 'counts' in generated ? generated.counts : generated;
  let lost = 0;
  let lostCount = 0;
  for (const [symbol, c] of real.counts) {
    if (!present.has(symbol)) {
      lost++;
      lostCount += c;
    }
  }
  const realSupport = real.counts.size;
  return {
    share: realSupport > 0 ? lost / realSupport : 0,
    mass: real.total > 0 ? lostCount / real.total : 0,
    lost,
    realSupport,
  };
}

/** The three support kinds tracked for tails and extinction. */
export const SUPPORT_KINDS = ['chars', 'bigrams', 'words'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type BySupportKind<T> = Record<SupportKind, T>;

/** Counts of characters, character bigrams and words of a set of documents. */
export function countSupportTables(documents: readonly string[]): BySupportKind<NgramCounts> {
  const chars = countCharNgramsByOrder(documents, [1, 2]);
  return {
    chars: chars.get(1) as NgramCounts,
    bigrams: chars.get(2) as NgramCounts,
    words: countWordNgrams(documents, 1),
  };
}

/** Lost support share and lost real mass for characters, bigrams and words at once. */
export function lostSupportByKind(
  real: BySupportKind<NgramCounts>,
  generated: BySupportKind<NgramCounts | SupportLookup>,
): BySupportKind<LostSupport> {
  return {
    chars: lostSupport(real.chars, generated.chars),
    bigrams: lostSupport(real.bigrams, generated.bigrams),
    words: lostSupport(real.words, generated.words),
  };
}
