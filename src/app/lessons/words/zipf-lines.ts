/**
 * The lines of the Zipf plot: the rank-frequency curve of the real text, of generation 0 and of
 * the generation shown, each from the spectra the word census keeps (metrics/rank-frequency.ts),
 * with log-scale ticks for both axes. Pure.
 */
import {
  frequencySpectrum,
  rankFrequency,
  spectrumTypes,
  type FrequencySpectrum,
} from '../../../engine/metrics/rank-frequency';
import type { CensusReport } from '../../../engine/metrics/word-census';

/** Which words of a generation's text the curve counts. */
export type ZipfWords = 'real' | 'all';

export interface ZipfPoint {
  rank: number;
  /**
   * Times the word of this rank occurs in its text's sample. Every sample holds the same number of
   * characters (the evaluation sample), so counts compare across texts as they are; shares would
   * not when only real words are counted (a text of fewer real words inflates their shares).
   */
  count: number;
}

export interface ZipfLine {
  key: 'real' | 'first' | 'shown';
  name: string;
  points: ZipfPoint[];
  /** Distinct words: where the line ends. */
  types: number;
}

const linePoints = (s: FrequencySpectrum): ZipfPoint[] =>
  rankFrequency(s).map((p) => ({ rank: p.rank, count: p.count }));

const line = (key: ZipfLine['key'], name: string, s: FrequencySpectrum): ZipfLine => ({
  key,
  name,
  points: linePoints(s),
  types: spectrumTypes(s),
});

/**
 * The real text's line, generation 0's (when another generation is shown) and the shown
 * generation's; null when the run has no census.
 */
export function zipfLines(
  reports: readonly CensusReport[],
  shown: number,
  words: ZipfWords,
): ZipfLine[] | null {
  const first = reports[0];
  const real = first?.wordCensus?.real;
  const chosen = reports.find((r) => r.generation === shown)?.wordCensus;
  if (!first?.wordCensus || !real || !chosen) return null;
  const spectrumOf = (c: NonNullable<CensusReport['wordCensus']>) =>
    words === 'real' ? c.realSpectrum : c.spectrum;
  const lines = [line('real', 'real text', frequencySpectrum(real.counts))];
  if (shown !== first.generation)
    lines.push(line('first', `generation ${first.generation}`, spectrumOf(first.wordCensus)));
  lines.push(line('shown', `generation ${shown}`, spectrumOf(chosen)));
  return lines;
}

/** Powers of ten covering [lo, hi] (lo > 0), and the domain they span. */
export function decadeTicks(lo: number, hi: number): { domain: [number, number]; ticks: number[] } {
  const from = Math.floor(Math.log10(lo) + 1e-9);
  const to = Math.ceil(Math.log10(hi) - 1e-9);
  const ticks: number[] = [];
  for (let e = from; e <= Math.max(to, from + 1); e++) ticks.push(10 ** e);
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** The plot in words, for screen readers: how many different words each line holds, and its top count. */
export function zipfSummary(lines: readonly ZipfLine[], words: ZipfWords): string {
  const counted = words === 'real' ? 'real words' : 'words, made-up ones included';
  return lines
    .map((l) => {
      const top = l.points[0];
      return top
        ? `${l.name}: ${l.types} different ${l.key === 'real' ? 'words' : counted}, the most frequent written ${top.count} times`
        : `${l.name}: no words`;
    })
    .join('. ')
    .concat('.');
}
