import { describe, expect, it } from 'vitest';
import { precisionRecall } from '../../../src/engine/metrics';

describe('precision / recall proxies', () => {
  it('matches hand-counted word bigrams', () => {
    // real bigrams: the cat, cat sat, sat on, on the, the mat (1 each)
    // generated: the cat x2, cat sat, the dog, dog sat, sat on, on the (7)
    const r = precisionRecall(['The cat sat on the mat.'], ['the cat sat', 'the dog sat on the cat']);
    expect(r.precision).toBeCloseTo(5 / 7, 12); // the cat x2, cat sat, sat on, on the
    expect(r.recall).toBeCloseTo(4 / 5, 12); // all but "the mat"
  });

  it('supports other orders and empty output', () => {
    const r = precisionRecall(['a b c'], ['a a d'], 1);
    expect(r.precision).toBeCloseTo(2 / 3, 12);
    expect(r.recall).toBeCloseTo(1 / 3, 12);
    expect(precisionRecall(['a b'], [''])).toEqual({ precision: 0, recall: 0 });
  });
});
