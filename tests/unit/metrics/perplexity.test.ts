import { describe, expect, it } from 'vitest';
import { findNStar, perplexityFromNll } from '../../../src/engine/metrics';

describe('perplexity', () => {
  it('is exp of the mean NLL, with nats and bits per char', () => {
    const r = perplexityFromNll(10 * Math.log(4), 10);
    expect(r.nllPerChar).toBeCloseTo(Math.log(4), 12);
    expect(r.perplexity).toBeCloseTo(4, 12);
    expect(r.bitsPerChar).toBeCloseTo(2, 12);
    expect(perplexityFromNll(0, 3).perplexity).toBe(1);
  });

  it('rejects no tokens and negative NLL', () => {
    expect(() => perplexityFromNll(1, 0)).toThrow(RangeError);
    expect(() => perplexityFromNll(-1, 5)).toThrow(RangeError);
  });
});

describe('n*', () => {
  it('is the first generation within 5% of the baseline', () => {
    // threshold 95: generation 5 (96) is the first at or above it
    expect(findNStar([10, 20, 40, 80, 96, 120], 100)).toBe(5);
  });

  it('counts worse than the baseline', () => {
    expect(findNStar([10, 150, 20], 100)).toBe(2);
    expect(findNStar([10, Infinity], 100)).toBe(2);
  });

  it('is null when no generation comes close', () => {
    expect(findNStar([10, 20, 94.9], 100)).toBeNull();
    expect(findNStar([NaN, 50], 100)).toBeNull();
    expect(findNStar([], 100)).toBeNull();
  });

  it('honours the tolerance and the first generation number', () => {
    expect(findNStar([80, 91], 100, 0.1)).toBe(2);
    expect(findNStar([80, 91], 100, 0.05)).toBeNull();
    expect(findNStar([96], 100, 0.05, 0)).toBe(0);
  });
});
