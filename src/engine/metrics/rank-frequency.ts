/**
 * Zipf's rank-frequency curve of a text's words, kept as its frequency spectrum: each count a
 * word has in the text, and how many distinct words have it. Sorting the words by count, the
 * words of count c take consecutive ranks, so the spectrum is the whole curve, exactly, in a few
 * dozen numbers (a text of N words has fewer than sqrt(2N) distinct counts): a run can keep one
 * per generation without cutting the curve's tail, the part model collapse shortens.
 */

export interface FrequencySpectrum {
  /** The distinct counts words have, largest first. */
  counts: number[];
  /** How many distinct words have each count (same order). */
  types: number[];
}

/** The spectrum of word counts (one count per distinct word; zeros are not words of the text). */
export function frequencySpectrum(wordCounts: Iterable<number>): FrequencySpectrum {
  const typesByCount = new Map<number, number>();
  for (const c of wordCounts) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`a word count must be an integer >= 0, got ${c}`);
    if (c > 0) typesByCount.set(c, (typesByCount.get(c) ?? 0) + 1);
  }
  const counts = [...typesByCount.keys()].sort((a, b) => b - a);
  return { counts, types: counts.map((c) => typesByCount.get(c) as number) };
}

/** Word tokens of the text: the sum of count x words with that count. */
export const spectrumTokens = (s: FrequencySpectrum): number =>
  s.counts.reduce((sum, c, i) => sum + c * s.types[i], 0);

/** Distinct words of the text: the length of its rank-frequency curve. */
export const spectrumTypes = (s: FrequencySpectrum): number => s.types.reduce((sum, t) => sum + t, 0);

export interface RankFrequencyPoint {
  /** 1 for the most frequent word. */
  rank: number;
  /** Times the word of this rank occurs. */
  count: number;
  /** count / all word tokens of the text, in (0, 1]. */
  share: number;
}

/**
 * The corners of the rank-frequency curve: for each count, the first and the last rank of the
 * words that have it (one point when a single word does). Joined by straight lines on log-log
 * axes they draw the curve's steps; the last point's rank is the number of distinct words.
 */
export function rankFrequency(s: FrequencySpectrum): RankFrequencyPoint[] {
  if (s.counts.length !== s.types.length)
    throw new RangeError(`a spectrum has ${s.counts.length} counts but ${s.types.length} type numbers`);
  const tokens = spectrumTokens(s);
  const points: RankFrequencyPoint[] = [];
  let rank = 0;
  s.counts.forEach((count, i) => {
    const first = rank + 1;
    rank += s.types[i];
    points.push({ rank: first, count, share: count / tokens });
    if (rank > first) points.push({ rank, count, share: count / tokens });
  });
  return points;
}
