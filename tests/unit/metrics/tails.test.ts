import { describe, expect, it } from 'vitest';
import {
  countSupportTables,
  lostSupport,
  lostSupportByKind,
  ngramCountsFrom,
} from '../../../src/engine/metrics';

describe('lost support', () => {
  it('counts lost distinct symbols and their real mass on a hand-made case', () => {
    const real = ngramCountsFrom({ a: 4, b: 1, c: 1 });
    const r = lostSupport(real, new Set(['a', 'z']));
    expect(r).toEqual({ share: 2 / 3, mass: 2 / 6, lost: 2, realSupport: 3 });
  });

  it('works for characters, bigrams and words at once', () => {
    const real = countSupportTables(['the cat sat', 'the dog']);
    const gen = countSupportTables(['the cat the cat']);
    const r = lostSupportByKind(real, gen);
    // words: real the 2, cat 1, sat 1, dog 1; generated keeps the, cat
    expect(r.words.share).toBe(0.5);
    expect(r.words.mass).toBeCloseTo(0.4, 12);
    // chars: real t h e ' ' c a s d o g; generated t h e ' ' c a -> s, d, o, g lost
    expect(r.chars.lost).toBe(4);
    expect(r.chars.realSupport).toBe(10);
    expect(r.chars.mass).toBeCloseTo(4 / 18, 12); // s 1, d 1, o 1, g 1 of 18 characters
    // bigrams: real has 12 distinct of 16 (at twice, th he "e " twice); generated keeps
    // th he "e " " c" ca at "t ", so " s" sa " d" do og (one each) are lost
    expect(r.bigrams).toMatchObject({ lost: 5, realSupport: 12, share: 5 / 12 });
    expect(r.bigrams.mass).toBeCloseTo(5 / 16, 12);
  });

  it('loses nothing when the text is the same and everything when none is generated', () => {
    const real = countSupportTables(['abc']);
    expect(lostSupportByKind(real, real).chars.share).toBe(0);
    const none = lostSupportByKind(real, countSupportTables([]));
    expect(none.chars).toMatchObject({ share: 1, mass: 1 });
    expect(none.words).toMatchObject({ share: 1, mass: 1 });
  });
});
