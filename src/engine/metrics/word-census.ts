/**
 * The word census of a generation, as run.json keeps it (GenerationReport.wordCensus): which real
 * words went extinct at this generation and which came back (ExtinctionTracker's changes, so the
 * record is the tracker's, not a second count), and the frequency spectrum of the words the
 * generation wrote. The real words themselves, with their counts, ride once, on the run's first
 * generation: the held-out sample is the same for every generation. Keeping changes rather than
 * every generation's list of extinct words keeps a long run's file small.
 *
 * wordFates folds the census of generations back into each real word's fate, exactly as the
 * tracker had it: the page's list of words that died reads it.
 */
import type { ExtinctionTracker } from './extinction';
import type { NgramCounts } from './ngrams';
import { frequencySpectrum, type FrequencySpectrum } from './rank-frequency';

/** Real words of the held-out evaluation sample, most frequent first (ties in code point order). */
export interface RealWords {
  words: string[];
  /** Times each occurs in the held-out evaluation sample (same order). */
  counts: number[];
}

export interface WordCensus {
  /** Real words this generation did not write that the one before it did (or, first, never written). */
  died: string[];
  /** Real words this generation wrote again after they had gone extinct. */
  revived: string[];
  /** The frequency spectrum of every word of this generation's evaluation sample, made-up ones too. */
  spectrum: FrequencySpectrum;
  /** The frequency spectrum of its real words alone (those of the held-out sample, `real`). */
  realSpectrum: FrequencySpectrum;
  /** Only on the run's first generation: the real words the others are measured against. */
  real?: RealWords;
}

const byCountThenWord = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The real words of a count table, most frequent first. */
export function realWordsOf(counts: ReadonlyMap<string, number>): RealWords {
  const sorted = [...counts].sort(byCountThenWord);
  return { words: sorted.map(([w]) => w), counts: sorted.map(([, c]) => c) };
}

/**
 * The census of the generation the tracker has just observed. `generatedWords`: the word counts
 * of its evaluation sample; `realWords`: those of the held-out sample (the tracker's words);
 * `first`: whether this is the run's first generation, whose census carries the real words.
 */
export function takeWordCensus(
  tracker: ExtinctionTracker,
  generatedWords: NgramCounts,
  realWords: NgramCounts,
  first: boolean,
): WordCensus {
  const { died, revived } = tracker.lastChanges('words');
  const generated = [...generatedWords.counts];
  const census: WordCensus = {
    died,
    revived,
    spectrum: frequencySpectrum(generated.map(([, c]) => c)),
    realSpectrum: frequencySpectrum(generated.filter(([w]) => realWords.counts.has(w)).map(([, c]) => c)),
  };
  if (first) census.real = realWordsOf(realWords.counts);
  return census;
}

/** One real word as of some generation. */
export interface WordFate {
  word: string;
  /** Times it occurs in the held-out evaluation sample. */
  realCount: number;
  /** The generation since which no model has written it (the tracker's record), or null if written at `asOf`. */
  extinctSince: number | null;
}

export interface WordFates {
  /** The run's first generation, the one whose census holds the real words. */
  firstGeneration: number;
  /** The generation the fates are as of. */
  asOf: number;
  /** Every real word, most frequent first. */
  words: WordFate[];
}

/** The census fields of a generation report that the fold reads. */
export interface CensusReport {
  generation: number;
  wordCensus?: WordCensus;
}

/**
 * Each real word's fate as of generation `asOf`, folded from the census of every generation up to
 * it. null when the run did not record a census (run.json written before it existed), or has no
 * generation up to `asOf`.
 */
export function wordFates(reports: readonly CensusReport[], asOf: number): WordFates | null {
  const first = reports[0];
  const real = first?.wordCensus?.real;
  if (!first || !real || first.generation > asOf) return null;
  const since = new Map<string, number | null>(real.words.map((w) => [w, null]));
  for (const report of reports) {
    if (report.generation > asOf) break;
    const census = report.wordCensus;
    if (!census) return null;
    for (const word of census.revived) since.set(word, null);
    for (const word of census.died) since.set(word, report.generation);
  }
  return {
    firstGeneration: first.generation,
    asOf,
    words: real.words.map((word, i) => ({
      word,
      realCount: real.counts[i],
      extinctSince: since.get(word) ?? null,
    })),
  };
}

/**
 * The last generation that wrote the word: the one before its extinction, 'still' if the latest
 * generation wrote it, 'never' if it has been extinct since the run's first generation.
 */
export function lastWritten(fate: WordFate, firstGeneration: number): number | 'still' | 'never' {
  if (fate.extinctSince === null) return 'still';
  return fate.extinctSince <= firstGeneration ? 'never' : fate.extinctSince - 1;
}
