import { describe, expect, it } from 'vitest';
import { charNgramDivergences, firstChars, prepareEvaluationReference } from '../../../src/engine/metrics';
import { getCorpus } from '../../../src/engine/text/corpora';

describe('firstChars: the first n characters of a document stream', () => {
  it('keeps whole documents while they fit and cuts the one that crosses the budget', () => {
    expect(firstChars(['abc', 'defg', 'hi'], 5)).toEqual({ documents: ['abc', 'de'], chars: 5, cut: true });
    expect(firstChars(['abc', 'defg', 'hi'], 7)).toEqual({
      documents: ['abc', 'defg'],
      chars: 7,
      cut: false,
    });
    expect(firstChars(['abc', 'defg', 'hi'], 100)).toEqual({
      documents: ['abc', 'defg', 'hi'],
      chars: 9,
      cut: false,
    });
    expect(firstChars(['abc'], 0)).toEqual({ documents: [], chars: 0, cut: false });
  });

  it('keeps empty documents before the budget is reached and none after it', () => {
    expect(firstChars(['', 'ab', '', 'cd'], 2)).toEqual({ documents: ['', 'ab'], chars: 2, cut: false });
    expect(firstChars(['', 'ab', '', 'cd'], 3)).toEqual({
      documents: ['', 'ab', '', 'c'],
      chars: 3,
      cut: true,
    });
  });

  it('counts an emoji as one character and never splits it', () => {
    expect(firstChars(['a🙂b', 'c'], 2)).toEqual({ documents: ['a🙂'], chars: 2, cut: true });
    expect(firstChars(['🙂🙂'], 1)).toEqual({ documents: ['🙂'], chars: 1, cut: true });
  });

  it('rejects a budget that is not a finite number >= 0', () => {
    expect(() => firstChars(['a'], -1)).toThrow(RangeError);
    expect(() => firstChars(['a'], Infinity)).toThrow(RangeError);
  });
});

describe('the evaluation reference', () => {
  it('holds the first sampleChars held-out characters and the words of D0 and all the held-out text', () => {
    const ref = prepareEvaluationReference(['the cat sat', 'a dog ran'], ['big red bus'], 9);
    expect(ref.charCount).toBe(9); // "the cat s"
    expect(ref.documentCount).toBe(1);
    for (const word of ['the', 'cat', 'sat', 'dog', 'ran', 'big', 'bus'])
      expect(ref.realWords.has(word)).toBe(true);
    expect(ref.realWords.has('s')).toBe(false);
    // Never more than the held-out text holds.
    expect(prepareEvaluationReference(['ab'], ['cd'], 500).charCount).toBe(2);
  });
});

describe('divergence of real text from real text depends on the sample size', () => {
  // Two halves of one tiny-tales corpus: the same law, so every divergence between them is the
  // noise of finite samples. It shrinks as the samples grow: estimates compare only at one size.
  const js3 = (seed: number, chars: number) => {
    const docs = getCorpus('tiny-tales').build(seed, { minChars: 120_000 }).documents;
    const half = Math.floor(docs.length / 2);
    return charNgramDivergences(
      firstChars(docs.slice(0, half), chars).documents,
      firstChars(docs.slice(half), chars).documents,
    ).js;
  };

  it('is small at the default 5,000 characters and falls with size, for every seed', () => {
    for (const seed of [1, 2, 3]) {
      const [small, standard, large] = [1_000, 5_000, 50_000].map((n) => js3(seed, n));
      expect(standard[1]).toBeLessThan(0.02);
      expect(standard[3]).toBeLessThan(0.25);
      expect(large[3]).toBeLessThan(0.05);
      expect(small[3]).toBeGreaterThan(1.5 * standard[3]);
      expect(standard[3]).toBeGreaterThan(2 * large[3]);
    }
  });
});
