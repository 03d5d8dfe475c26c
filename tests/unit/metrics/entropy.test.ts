import { describe, expect, it } from 'vitest';
import {
  collisionProbability,
  countCharNgrams,
  entropyBits,
  entropyNats,
  ngramCountsFrom,
} from '../../../src/engine/metrics';

describe('entropy and collision', () => {
  it('gives ln k and 1/k for a uniform law over k symbols', () => {
    const uniform = ngramCountsFrom({ a: 3, b: 3, c: 3, d: 3 });
    expect(entropyNats(uniform)).toBeCloseTo(Math.log(4), 12);
    expect(entropyBits(uniform)).toBeCloseTo(2, 12);
    expect(collisionProbability(uniform)).toBeCloseTo(0.25, 12);
  });

  it('gives 0 and 1 for a delta', () => {
    const delta = ngramCountsFrom({ a: 5 });
    expect(entropyNats(delta)).toBe(0);
    expect(collisionProbability(delta)).toBe(1);
  });

  it('matches a hand-computed bigram table', () => {
    // bigrams of "hello", "help": he 2, el 2, ll 1, lo 1, lp 1 (total 7)
    const t = countCharNgrams(['hello', 'help'], 2);
    expect(entropyNats(t)).toBeCloseTo(Math.log(7) - (4 * Math.log(2)) / 7, 12);
    expect(collisionProbability(t)).toBeCloseTo(11 / 49, 12); // (4 + 4 + 1 + 1 + 1) / 49
  });

  it('reads an empty law as 0 for both', () => {
    expect(entropyNats(ngramCountsFrom({}))).toBe(0);
    expect(collisionProbability(ngramCountsFrom({}))).toBe(0);
  });
});
