import { describe, expect, it } from 'vitest';
import {
  countWordNgrams,
  nonWordsOf,
  realVocabulary,
  realWordShare,
  realWordShareOf,
  wordSpans,
} from '../../../src/engine/metrics';
import { createRng } from '../../../src/engine/rng';

describe('real-word share', () => {
  it('counts word tokens, not distinct words: "the cat sat on the mat" without "mat" is 5/6', () => {
    const vocabulary = new Set(['the', 'cat', 'sat', 'on']);
    expect(realWordShareOf(['the cat sat on the mat'], vocabulary)).toBe(5 / 6);
    // Case is folded and punctuation separates words, as tokenizeWords does.
    expect(realWordShareOf(['The CAT, sat. On... the mat!'], vocabulary)).toBe(5 / 6);
    expect(realWordShareOf(['mat mat mat the'], vocabulary)).toBe(1 / 4);
  });

  it('is 1 for real text against its own vocabulary and 0 for text without any real word or without words', () => {
    const real = ["Don't stop, Tom said.", 'The dog ran home.'];
    expect(realWordShareOf(real, realVocabulary(real))).toBe(1);
    expect(realWordShareOf(['zzq qqz'], realVocabulary(real))).toBe(0);
    expect(realWordShareOf(['... 42 !!'], realVocabulary(real))).toBe(0);
    expect(realWordShare(countWordNgrams([], 1), new Set(['a']))).toBe(0);
  });

  it('builds the vocabulary from every list given (D0 and held-out)', () => {
    const vocabulary = realVocabulary(['The cat'], ['a Dog’s bone']);
    expect([...vocabulary].sort()).toEqual(['a', 'bone', 'cat', "dog's", 'the']);
  });

  it('lists the distinct non-words of texts, sorted', () => {
    expect(nonWordsOf(['the blorp sat', 'Blorp and zing'], new Set(['the', 'sat', 'and']))).toEqual([
      'blorp',
      'zing',
    ]);
    expect(nonWordsOf([], new Set())).toEqual([]);
  });

  it('averages to the real share of a word law over seeds, within Monte-Carlo error', () => {
    // Words drawn uniformly from 10, 7 of them real: each token is real with probability 0.7.
    const words = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'xq', 'yq', 'zq'];
    const vocabulary = new Set(words.slice(0, 7));
    const seeds = 200;
    const tokens = 50;
    let sum = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const rng = createRng(seed);
      const doc = Array.from({ length: tokens }, () => words[Math.floor(rng.next() * words.length)]).join(
        ' ',
      );
      sum += realWordShareOf([doc], vocabulary);
    }
    const standardError = Math.sqrt((0.7 * 0.3) / tokens / seeds);
    expect(Math.abs(sum / seeds - 0.7)).toBeLessThan(4 * standardError);
  });
});

describe('word spans', () => {
  it('places each word in the text as written, folded as tokenizeWords folds it', () => {
    const text = "'Hi,' said ANN’s dog";
    expect(wordSpans(text)).toEqual([
      { start: 1, end: 3, word: 'hi' },
      { start: 6, end: 10, word: 'said' },
      { start: 11, end: 16, word: "ann's" },
      { start: 17, end: 20, word: 'dog' },
    ]);
    for (const s of wordSpans(text))
      expect(text.slice(s.start, s.end).toLowerCase().replace('’', "'")).toBe(s.word);
    expect(wordSpans("'' -- 12")).toEqual([]);
  });
});
