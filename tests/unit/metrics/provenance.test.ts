import { describe, expect, it } from 'vitest';
import { provenanceShares } from '../../../src/engine/metrics';

describe('corpus provenance', () => {
  it('gives shares by origin, human first, then generations in order', () => {
    const r = provenanceShares([
      [2, 50],
      ['human', 600],
      [1, 300],
      [2, 50],
    ]);
    expect(r.totalTokens).toBe(1000);
    expect(r.humanShare).toBe(0.6);
    expect(r.shares).toEqual([
      { origin: 'human', tokens: 600, share: 0.6 },
      { origin: 1, tokens: 300, share: 0.3 },
      { origin: 2, tokens: 100, share: 0.1 },
    ]);
  });

  it('accepts a Map and handles a corpus with no human text or none at all', () => {
    expect(provenanceShares(new Map([[3, 10]])).humanShare).toBe(0);
    expect(provenanceShares([])).toEqual({ totalTokens: 0, humanShare: 0, shares: [] });
    expect(() => provenanceShares([['human', -1]])).toThrow(RangeError);
  });
});
