import { describe, expect, it } from 'vitest';
import {
  charLength,
  distinctN,
  isLoop,
  longestPeriodicRun,
  loopShare,
  sampleLengthStats,
} from '../../../src/engine/metrics';

describe('distinct-n', () => {
  it('matches a hand-counted string', () => {
    // "abababab": 7 bigrams {ab, ba}, 6 trigrams {aba, bab}, 5 four-grams {abab, baba}
    expect(distinctN(['abababab'], 2)).toBeCloseTo(2 / 7, 12);
    expect(distinctN(['abababab'], 3)).toBeCloseTo(2 / 6, 12);
    expect(distinctN(['abababab'], 4)).toBeCloseTo(2 / 5, 12);
  });

  it('pools documents and never counts across them', () => {
    // ab bc cd | ab bc ce: 6 bigrams, 4 distinct
    expect(distinctN(['abcd', 'abce'], 2)).toBeCloseTo(4 / 6, 12);
    expect(distinctN(['a', ''], 2)).toBe(0);
  });
});

describe('loops', () => {
  it('flags a repeated short unit and not normal text', () => {
    expect(isLoop('abcabcabcabc')).toBe(true);
    expect(isLoop('  the the the the \n')).toBe(true);
    expect(isLoop('aaaaaaa')).toBe(true);
    expect(isLoop('abcabcabcab')).toBe(true); // cut mid-unit by a length cap
    expect(isLoop('The quick brown fox jumps over the lazy dog.')).toBe(false);
    expect(isLoop('')).toBe(false);
  });

  it('needs 3 repeats and 90% coverage', () => {
    expect(isLoop('abcabcab')).toBe(false); // 2.67 repeats
    expect(isLoop('xy' + 'ab'.repeat(20))).toBe(true); // 40 of 42 characters
    expect(isLoop('hello world ' + 'ab'.repeat(5))).toBe(false);
    expect(isLoop('abcdefghijklmnopq'.repeat(4))).toBe(false); // unit of 17 > 16
    expect(isLoop('abcdefghijklmnop'.repeat(4))).toBe(true);
  });

  it('finds the longest periodic stretch', () => {
    expect(longestPeriodicRun(Array.from('aaaa'))).toEqual({ length: 4, period: 1 });
    expect(longestPeriodicRun(Array.from('zzabcabcabcq'))).toEqual({ length: 9, period: 3 });
  });

  it('gives the share of loop samples', () => {
    expect(loopShare(['abcabcabcabc', 'a normal sentence here', 'xyxyxyxy', 'ok'])).toBe(0.5);
    expect(loopShare([])).toBe(0);
  });
});

describe('sample lengths', () => {
  it('gives the mean length, the cap-hit share and the share the model ended itself', () => {
    expect(sampleLengthStats([10, 20, 30], 30)).toEqual({
      meanSampleLength: 20,
      capHitShare: 1 / 3,
      endedShare: 2 / 3,
    });
    expect(sampleLengthStats([10, 20, 30], 30, [true, true, false])).toEqual({
      meanSampleLength: 20,
      capHitShare: 2 / 3,
      endedShare: 1 / 3,
    });
    expect(sampleLengthStats([], 30)).toEqual({ meanSampleLength: 0, capHitShare: 0, endedShare: 0 });
    expect(() => sampleLengthStats([1, 2], 3, [true])).toThrow(RangeError);
  });

  it('measures length in code points', () => {
    expect(charLength('a🙂b')).toBe(3);
    expect(charLength('')).toBe(0);
  });
});
