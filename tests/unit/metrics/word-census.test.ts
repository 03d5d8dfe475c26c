import { describe, expect, it } from 'vitest';
import { ExtinctionTracker } from '../../../src/engine/metrics/extinction';
import { countWordNgrams } from '../../../src/engine/metrics/ngrams';
import {
  lastWritten,
  takeWordCensus,
  wordFates,
  type CensusReport,
} from '../../../src/engine/metrics/word-census';
import { wordCensusColumns } from '../../../src/engine/record/word-census-columns';

/*
 * Real text: "the" x3, "cat" x2, "sat" x1, "mat" x1, "ran" x1 (first seen in that order).
 * Generations, starting at 0:
 *   0: the cat sat      -> mat, ran never written: died [mat, ran]
 *   1: the cat          -> sat dies:                died [sat]
 *   2: the sat          -> sat comes back, cat dies: died [cat], revived [sat]
 *   3: the the zog      -> sat dies again:          died [sat]
 * As of 3: the still written; cat last written at 1; sat at 2 (its later death counts);
 * mat and ran never written.
 */
const REAL = ['the cat sat', 'the cat', 'mat the ran'];
const GENERATED = [['the cat sat'], ['the cat'], ['the sat'], ['the the zog']];

function census(): { reports: CensusReport[]; tracker: ExtinctionTracker } {
  const realWords = countWordNgrams(REAL, 1);
  const tracker = new ExtinctionTracker(REAL);
  const reports = GENERATED.map((samples, generation) => {
    const first = tracker.lastGeneration === null;
    tracker.observe(generation, samples);
    return { generation, wordCensus: takeWordCensus(tracker, countWordNgrams(samples, 1), realWords, first) };
  });
  return { reports, tracker };
}

describe('the word census', () => {
  it("records each generation's deaths and revivals as the extinction tracker saw them", () => {
    const { reports } = census();
    expect(reports.map((r) => [r.wordCensus?.died, r.wordCensus?.revived])).toEqual([
      [['mat', 'ran'], []],
      [['sat'], []],
      [['cat'], ['sat']],
      [['sat'], []],
    ]);
  });

  it('carries the real words, most frequent first, on the first generation only', () => {
    const { reports } = census();
    expect(reports[0].wordCensus?.real).toEqual({
      words: ['the', 'cat', 'mat', 'ran', 'sat'],
      counts: [3, 2, 1, 1, 1],
    });
    expect(reports.slice(1).every((r) => r.wordCensus?.real === undefined)).toBe(true);
  });

  it('counts every word written, and the real ones alone', () => {
    const last = census().reports[3].wordCensus;
    // "the the zog": the x2, zog x1 (made up); real words: the x2.
    expect(last?.spectrum).toEqual({ counts: [2, 1], types: [1, 1] });
    expect(last?.realSpectrum).toEqual({ counts: [2], types: [1] });
  });

  it('folds back into the generation each word was last written, a revived word included', () => {
    const { reports } = census();
    const fates = wordFates(reports, 3);
    expect(fates?.firstGeneration).toBe(0);
    const last = Object.fromEntries(
      (fates?.words ?? []).map((f) => [f.word, lastWritten(f, fates?.firstGeneration ?? 0)]),
    );
    expect(last).toEqual({ the: 'still', cat: 1, sat: 2, mat: 'never', ran: 'never' });
    // As of generation 2, sat had come back.
    const earlier = wordFates(reports, 2);
    expect(earlier?.words.find((f) => f.word === 'sat')?.extinctSince).toBeNull();
    expect(earlier?.words.find((f) => f.word === 'cat')?.extinctSince).toBe(2);
  });

  it("matches the tracker's extinction record exactly", () => {
    const { reports, tracker } = census();
    const folded = (wordFates(reports, 3)?.words ?? [])
      .filter((f) => f.extinctSince !== null)
      .map((f) => [f.word, f.extinctSince] as const);
    const tracked = tracker.extinct('words').map((s) => [s.symbol, s.since] as const);
    expect(new Map(folded)).toEqual(new Map(tracked));
    expect(folded).toHaveLength(tracker.extinctCount('words').extinct);
  });

  it('has no fates for a run recorded before the census, or before its first generation', () => {
    const { reports } = census();
    expect(wordFates([{ generation: 0 }], 0)).toBeNull();
    expect(wordFates([], 0)).toBeNull();
    expect(wordFates(reports.slice(1), 3)).toBeNull();
  });

  it('writes its metrics.csv columns', () => {
    const { reports } = census();
    expect(wordCensusColumns(reports[2].wordCensus)).toEqual({
      words_died: 1,
      words_revived: 1,
      word_tokens: 2,
      word_types: 2,
      words_died_list: 'cat',
      words_revived_list: 'sat',
      rank_frequency: '1:1 2:1',
      real_word_types: 2,
      real_rank_frequency: '1:1 2:1',
    });
    expect(wordCensusColumns(undefined).words_died).toBeNull();
  });
});
