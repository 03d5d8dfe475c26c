/**
 * Real words: whether the words a model writes exist in the real text at all. A character
 * model that drifts spells words nobody wrote ("thre", "sated"), long before the text stops
 * looking like text; the share of real words follows that, generation by generation.
 *
 * Definitions (words as tokenizeWords gives them: letter runs, apostrophes kept, case folded):
 * - the real vocabulary: every word of the run's real text, D0 and held-out;
 * - real-word share: of the word tokens (occurrences) of the generated text, the share whose
 *   word is in the real vocabulary. Held-out text against it is 1 by construction. Generated
 *   text with no words at all gives 0 (nothing real), as precision does.
 */
import { countWordNgrams, tokenizeWords, type NgramCounts } from './ngrams';
import type { SupportLookup } from './tails';

/** The distinct words of the documents (one or more lists, e.g. D0 and held-out). */
export function realVocabulary(...documentLists: readonly (readonly string[])[]): Set<string> {
  const words = new Set<string>();
  for (const documents of documentLists)
    for (const doc of documents) for (const word of tokenizeWords(doc)) words.add(word);
  return words;
}

/** Share of the word tokens counted in `generated` whose word is in `real`; 0 without words. */
export function realWordShare(generated: NgramCounts, real: SupportLookup): number {
  if (generated.total === 0) return 0;
  let found = 0;
  for (const [word, count] of generated.counts) if (real.has(word)) found += count;
  return found / generated.total;
}

/** Real-word share of documents (counts their words, then realWordShare). */
export function realWordShareOf(documents: readonly string[], real: SupportLookup): number {
  return realWordShare(countWordNgrams(documents, 1), real);
}

/** The distinct words of the texts that are not in the real vocabulary, sorted. */
export function nonWordsOf(texts: readonly string[], real: SupportLookup): string[] {
  const out = new Set<string>();
  for (const text of texts) for (const word of tokenizeWords(text)) if (!real.has(word)) out.add(word);
  return [...out].sort();
}
