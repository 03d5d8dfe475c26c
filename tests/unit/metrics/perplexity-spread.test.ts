import { describe, expect, it } from 'vitest';
import {
  binEdge,
  documentPerplexity,
  ERROR_PERPLEXITY,
  perplexitySpread,
  spreadBin,
  SPREAD_BINS_PER_DECADE,
} from '../../../src/engine/metrics/perplexity-spread';

describe('per-document perplexity and its spread', () => {
  it('a document of 3 tokens with NLL ln 36 has perplexity 36^(1/3)', () => {
    expect(documentPerplexity({ nll: Math.log(36), tokens: 3 })).toBeCloseTo(36 ** (1 / 3), 12);
    expect(documentPerplexity({ nll: 0, tokens: 5 })).toBe(1);
    expect(() => documentPerplexity({ nll: -1, tokens: 2 })).toThrow(RangeError);
  });

  it('bins are log-spaced, shared by everyone, and an exact edge opens its bin', () => {
    expect(SPREAD_BINS_PER_DECADE).toBe(40);
    expect(spreadBin(1)).toBe(0);
    expect(spreadBin(10)).toBe(40);
    expect(spreadBin(100)).toBe(80);
    expect(spreadBin(9.99)).toBe(39);
    // 10^(6/40) = 1.4125...: 1.41 is in bin 5, 1.42 in bin 6.
    expect(spreadBin(1.41)).toBe(5);
    expect(spreadBin(1.42)).toBe(6);
    expect(binEdge(6)).toBeCloseTo(1.41254, 5);
  });

  it('summarises five documents: median, 90th percentile, share above 10, counts per bin', () => {
    // Perplexities e^(nll/tokens): 1, 2, 3, 4 and 20 (given by NLL = tokens x ln p).
    const docs = [1, 2, 3, 4, 20].map((p) => ({ nll: 10 * Math.log(p), tokens: 10 }));
    const spread = perplexitySpread(docs);
    expect(spread).not.toBeNull();
    if (!spread) return;
    expect(spread.documents).toBe(5);
    expect(spread.median).toBeCloseTo(3, 12);
    // Order statistics 1, 2, 3, 4, 20: the 0.9 quantile lies 0.6 of the way from 4 to 20.
    expect(spread.p90).toBeCloseTo(4 + 0.6 * 16, 10);
    expect(spread.shareAboveError).toBeCloseTo(1 / 5, 12);
    expect(ERROR_PERPLEXITY).toBe(10);
    // log10 x 40: 1 -> 0, 2 -> 12.04, 3 -> 19.08, 4 -> 24.08, 20 -> 52.04.
    const expected = new Array(53).fill(0);
    for (const bin of [0, 12, 19, 24, 52]) expected[bin] = 1;
    expect(spread.counts).toEqual(expected);
    expect(spread.binsPerDecade).toBe(40);
  });

  it('an even count takes the mean of the two middle ones; no documents is no spread', () => {
    const docs = [1, 2, 3, 5].map((p) => ({ nll: Math.log(p), tokens: 1 }));
    expect(perplexitySpread(docs)?.median).toBeCloseTo(2.5, 12);
    expect(perplexitySpread([])).toBeNull();
  });
});
