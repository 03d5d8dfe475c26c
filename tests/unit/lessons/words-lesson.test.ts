import { describe, expect, it } from 'vitest';
import type { CensusReport, WordFates } from '../../../src/engine/metrics/word-census';
import { evenSample, wordListView } from '../../../src/app/lessons/words/word-list';
import { decadeTicks, zipfLines } from '../../../src/app/lessons/words/zipf-lines';

const spectrum = { counts: [], types: [] };

/*
 * As of generation 3 of a run that began at 0: "the" (x3) still written, "cat" (x2) extinct since
 * 2 (last written 1), "sat" (x1) since 3 (last written 2), "mat" and "ran" (x1) since 0 (never).
 */
const FATES: WordFates = {
  firstGeneration: 0,
  asOf: 3,
  words: [
    { word: 'the', realCount: 3, extinctSince: null },
    { word: 'cat', realCount: 2, extinctSince: 2 },
    { word: 'mat', realCount: 1, extinctSince: 0 },
    { word: 'ran', realCount: 1, extinctSince: 0 },
    { word: 'sat', realCount: 1, extinctSince: 3 },
  ],
};

describe('the list of words that died', () => {
  it('lists every word, rarest first, with the last generation that wrote it', () => {
    const view = wordListView(FATES);
    expect(view.rows.map((r) => [r.word, r.realCount, r.lastWritten])).toEqual([
      ['sat', 1, 2],
      ['mat', 1, 'never'],
      ['ran', 1, 'never'],
      ['cat', 2, 1],
      ['the', 3, 'still'],
    ]);
    expect(view.gone).toBe(4);
    expect(view.realWords).toBe(5);
    expect(view.sampled).toBeNull();
  });

  it('counts the missing words of each frequency band, the never written apart', () => {
    expect(wordListView(FATES).bands.map((b) => [b.label, b.words, b.gone, b.never])).toEqual([
      ['once', 3, 3, 2],
      ['twice', 1, 1, 0],
      ['3 or 4 times', 1, 0, 0],
    ]);
  });

  it('shows a large vocabulary as its 20 most frequent words and an even sample of 60 others', () => {
    // 200 words: w000 occurs 200 times, ..., w199 once; the odd-numbered ones are gone.
    const words = Array.from({ length: 200 }, (_, i) => ({
      word: `w${String(i).padStart(3, '0')}`,
      realCount: 200 - i,
      extinctSince: i % 2 === 1 ? 1 : null,
    }));
    const view = wordListView({ firstGeneration: 0, asOf: 4, words });
    expect(view.rows).toHaveLength(80);
    expect(view.sampled).toEqual({ frequent: 20, others: 180, othersShown: 60 });
    // Rarest first: the rarest word of all leads, the most frequent closes the list.
    expect(view.rows[0].word).toBe('w199');
    expect(view.rows.at(-1)?.word).toBe('w000');
    expect(view.rows.slice(-20).map((r) => r.word)).toEqual(
      words
        .slice(0, 20)
        .map((w) => w.word)
        .reverse(),
    );
    // The counts still cover every word, not only those listed.
    expect(view.gone).toBe(100);
    expect(view.realWords).toBe(200);
  });

  it('samples evenly, both ends included', () => {
    expect(evenSample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(evenSample([1, 2], 5)).toEqual([1, 2]);
    expect(evenSample([1, 2, 3], 0)).toEqual([]);
  });
});

describe('the Zipf plot', () => {
  const reports: CensusReport[] = [
    {
      generation: 0,
      wordCensus: {
        died: [],
        revived: [],
        spectrum: { counts: [4, 1], types: [1, 3] },
        realSpectrum: { counts: [4, 1], types: [1, 2] },
        real: { words: ['the', 'cat', 'sat', 'mat'], counts: [3, 2, 1, 1] },
      },
    },
    {
      generation: 1,
      wordCensus: { died: ['mat'], revived: [], spectrum, realSpectrum: { counts: [5], types: [1] } },
    },
  ];

  it("draws the real text's curve beside generation 0's and the chosen generation's", () => {
    const lines = zipfLines(reports, 1, 'real');
    expect(lines?.map((l) => [l.key, l.name, l.types])).toEqual([
      ['real', 'real text', 4],
      ['first', 'generation 0', 3],
      ['shown', 'generation 1', 1],
    ]);
    // Real: the 3, cat 2, sat and mat 1 each: corners (1,3), (2,2), (3,1), (4,1).
    expect(lines?.[0].points).toEqual([
      { rank: 1, count: 3 },
      { rank: 2, count: 2 },
      { rank: 3, count: 1 },
      { rank: 4, count: 1 },
    ]);
    expect(lines?.[2].points).toEqual([{ rank: 1, count: 5 }]);
  });

  it('counts every word written when asked, and shows generation 0 once when it is the one chosen', () => {
    const lines = zipfLines(reports, 0, 'all');
    expect(lines?.map((l) => [l.key, l.types])).toEqual([
      ['real', 4],
      ['shown', 4],
    ]);
    expect(zipfLines([{ generation: 0 }], 0, 'real')).toBeNull();
  });

  it('puts log axes on whole powers of ten', () => {
    expect(decadeTicks(1, 298)).toEqual({ domain: [1, 1000], ticks: [1, 10, 100, 1000] });
    expect(decadeTicks(1, 10)).toEqual({ domain: [1, 10], ticks: [1, 10] });
    expect(decadeTicks(1, 1)).toEqual({ domain: [1, 10], ticks: [1, 10] });
  });
});
