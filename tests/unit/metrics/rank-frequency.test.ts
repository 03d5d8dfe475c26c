import { describe, expect, it } from 'vitest';
import {
  frequencySpectrum,
  rankFrequency,
  spectrumTokens,
  spectrumTypes,
} from '../../../src/engine/metrics/rank-frequency';

/*
 * Hand-computed: "the" x5, "a" x3, "cat" x3, "dog" x1, "sat" x1, "mat" x1.
 *   counts, largest first: 5, 3, 1; words with each: 1, 2, 3.
 *   tokens 5 + 3*2 + 1*3 = 14; distinct words 6.
 *   ranks: the 1 (5), a 2 (3), cat 3 (3), dog 4 (1), sat 5 (1), mat 6 (1).
 *   corners: (1, 5); (2, 3) and (3, 3); (4, 1) and (6, 1).
 */
const COUNTS = new Map([
  ['the', 5],
  ['a', 3],
  ['cat', 3],
  ['dog', 1],
  ['sat', 1],
  ['mat', 1],
]);

describe('rank-frequency', () => {
  it('keeps a text as its frequency spectrum: each count, and how many words have it', () => {
    const s = frequencySpectrum(COUNTS.values());
    expect(s).toEqual({ counts: [5, 3, 1], types: [1, 2, 3] });
    expect(spectrumTokens(s)).toBe(14);
    expect(spectrumTypes(s)).toBe(6);
  });

  it("draws the curve's corners: first and last rank of each count, with its share of the words", () => {
    expect(rankFrequency(frequencySpectrum(COUNTS.values()))).toEqual([
      { rank: 1, count: 5, share: 5 / 14 },
      { rank: 2, count: 3, share: 3 / 14 },
      { rank: 3, count: 3, share: 3 / 14 },
      { rank: 4, count: 1, share: 1 / 14 },
      { rank: 6, count: 1, share: 1 / 14 },
    ]);
  });

  it('ends at the number of distinct words, so a shorter tail is a shorter curve', () => {
    const fewer = new Map(COUNTS);
    fewer.delete('mat');
    fewer.delete('sat');
    const points = rankFrequency(frequencySpectrum(fewer.values()));
    expect(points.at(-1)).toEqual({ rank: 4, count: 1, share: 1 / 12 });
  });

  it('is empty for a text without words, ignores zero counts and refuses impossible ones', () => {
    expect(rankFrequency(frequencySpectrum([]))).toEqual([]);
    expect(frequencySpectrum([0, 2, 0])).toEqual({ counts: [2], types: [1] });
    expect(() => frequencySpectrum([1.5])).toThrow(RangeError);
    expect(() => rankFrequency({ counts: [2, 1], types: [1] })).toThrow(RangeError);
  });
});
