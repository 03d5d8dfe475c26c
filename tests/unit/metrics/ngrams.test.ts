import { describe, expect, it } from 'vitest';
import {
  countCharNgrams,
  countCharNgramsByOrder,
  countWordNgrams,
  ngramCountsFrom,
  toProbabilities,
  tokenizeWords,
} from '../../../src/engine/metrics';

const asObject = (m: ReadonlyMap<string, number>) => Object.fromEntries([...m].sort());

describe('character n-grams', () => {
  it('counts a hand-made bigram table inside documents only', () => {
    const t = countCharNgrams(['hello', 'help'], 2);
    // no "oh" (it would span the two documents)
    expect(asObject(t.counts)).toEqual({ el: 2, he: 2, ll: 1, lo: 1, lp: 1 });
    expect(t.total).toBe(7);
  });

  it('counts several orders in one pass and skips documents shorter than n', () => {
    const t = countCharNgramsByOrder(['abab', 'ba', 'c'], [1, 3]);
    expect(asObject(t.get(1)!.counts)).toEqual({ a: 3, b: 3, c: 1 });
    expect(asObject(t.get(3)!.counts)).toEqual({ aba: 1, bab: 1 });
    expect(t.get(3)!.total).toBe(2);
  });

  it('treats an emoji as one character', () => {
    const t = countCharNgrams(['a🙂b'], 2);
    expect(asObject(t.counts)).toEqual({ 'a🙂': 1, '🙂b': 1 });
    expect(countCharNgrams(['🙂🙂'], 1).counts.get('🙂')).toBe(2);
  });

  it('rejects a bad order', () => {
    expect(() => countCharNgrams(['abc'], 0)).toThrow(RangeError);
  });

  it('normalises counts to probabilities', () => {
    expect(asObject(toProbabilities(ngramCountsFrom({ a: 3, b: 1 })))).toEqual({ a: 0.75, b: 0.25 });
    expect(toProbabilities(ngramCountsFrom({})).size).toBe(0);
  });
});

describe('words', () => {
  it('lowercases runs of letters and apostrophes, stripping quote marks', () => {
    expect(tokenizeWords("Don't STOP—it's 'quoted' 42 café’s")).toEqual([
      "don't",
      'stop',
      "it's",
      'quoted',
      "café's",
    ]);
  });

  it('counts word bigrams inside documents', () => {
    const t = countWordNgrams(['The cat sat.', 'the cat'], 2);
    expect(asObject(t.counts)).toEqual({ 'cat sat': 1, 'the cat': 2 });
    expect(t.total).toBe(3);
  });
});
