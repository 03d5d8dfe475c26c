/**
 * Precision / recall proxies for generative models (after Alemohammad et al. 2023), on word
 * n-grams (tokenizeWords, inside documents only):
 * - precision: share of the generated word n-gram occurrences whose n-gram occurs in the real
 *   text (quality: does the model say real things?);
 * - recall: share of the real n-gram mass, by count, carried by n-grams the generated text
 *   produces at least once (coverage: does the model still say all the real things?).
 * A side with no n-grams gives 0 (nothing precise, nothing recalled).
 */
import { countWordNgrams, type NgramCounts } from './ngrams';

export const DEFAULT_PR_WORD_ORDER = 2;

export interface PrecisionRecall {
  precision: number;
  recall: number;
}

/** Precision and recall from counted word n-gram tables (real, generated). */
export function precisionRecallFromCounts(real: NgramCounts, generated: NgramCounts): PrecisionRecall {
  let precise = 0;
  for (const [key, c] of generated.counts) if (real.counts.has(key)) precise += c;
  let recalled = 0;
  for (const [key, c] of real.counts) if (generated.counts.has(key)) recalled += c;
  return {
    precision: generated.total > 0 ? precise / generated.total : 0,
    recall: real.total > 0 ? recalled / real.total : 0,
  };
}

/** Precision and recall of generated documents against real documents, word n-grams of order n. */
export function precisionRecall(
  real: readonly string[],
  generated: readonly string[],
  n = DEFAULT_PR_WORD_ORDER,
): PrecisionRecall {
  return precisionRecallFromCounts(countWordNgrams(real, n), countWordNgrams(generated, n));
}
