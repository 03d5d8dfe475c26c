import { describe, expect, it } from 'vitest';
import { computeGenerationMetrics, ExtinctionTracker, prepareReference } from '../../../src/engine/metrics';

describe('computeGenerationMetrics', () => {
  it('reports no divergence and no loss for samples equal to the held-out text', () => {
    const text = ['the cat sat on the mat', 'a dog ran'];
    const m = computeGenerationMetrics({ samples: text, heldOut: text, lengthCap: 100 });
    expect(m.js).toEqual({ 1: 0, 2: 0, 3: 0 });
    expect(m.tv).toEqual({ 1: 0, 2: 0, 3: 0 });
    expect(m.lostSupport).toEqual({ chars: 0, bigrams: 0, words: 0 });
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(1);
    expect(m.loopShare).toBe(0);
    expect(m.capHitShare).toBe(0);
    expect(m.meanSampleLength).toBe((22 + 9) / 2);
  });

  it('assembles hand-computed values for a collapsed sample', () => {
    const ref = prepareReference(['abab']); // chars a 2, b 2; bigrams ab 2, ba 1
    const tracker = new ExtinctionTracker(['abab']);
    const m = computeGenerationMetrics({
      samples: ['aaaa'],
      heldOut: ref,
      lengthCap: 4,
      extinction: { tracker, generation: 1 },
    });
    expect(m.entropy).toBe(0);
    expect(m.entropyBigram).toBe(0);
    expect(m.collision).toBe(1);
    // P = (0.5, 0.5), Q = (1, 0): JS = 1.5 - 0.75 log2 3 bits, TV = 0.5
    expect(m.js[1]).toBeCloseTo(1.5 - 0.75 * Math.log2(3), 12);
    expect(m.tv[1]).toBeCloseTo(0.5, 12);
    expect(m.js[2]).toBe(1);
    expect(m.distinct).toEqual({ 2: 1 / 3, 3: 1 / 2, 4: 1 });
    expect(m.lostSupport).toEqual({ chars: 0.5, bigrams: 1, words: 1 });
    expect(m.lostMass).toEqual({ chars: 0.5, bigrams: 1, words: 1 });
    expect(m.loopShare).toBe(1);
    expect(m.capHitShare).toBe(1);
    expect(m.generatedChars).toBe(4);
    expect(tracker.extinctSince('chars', 'b')).toBe(1);
    expect(tracker.extinctSince('chars', 'a')).toBeNull();
  });

  it('uses cap flags and given lengths when passed, and rejects empty held-out text', () => {
    const m = computeGenerationMetrics({
      samples: ['ab', 'cd'],
      heldOut: ['abcd'],
      lengthCap: 2,
      hitCap: [false, true],
      sampleLengths: [3, 5],
    });
    expect(m.capHitShare).toBe(0.5);
    expect(m.meanSampleLength).toBe(4);
    expect(() => prepareReference(['', ''])).toThrow(/held-out text is empty/);
  });
});

describe('computeGenerationMetrics: real words and stories', () => {
  it('reports the real-word share against the reference vocabulary, and the stories the model ended', () => {
    const ref = prepareReference(['the cat sat on the rug'], {
      realWords: new Set(['the', 'cat', 'sat', 'on']),
    });
    const m = computeGenerationMetrics({
      samples: ['the cat sat on the mat', 'zz'],
      heldOut: ref,
      lengthCap: 30,
      hitCap: [false, true],
      sampleLengths: [22, 30],
    });
    expect(m.realWordShare).toBe(5 / 7);
    expect(m.endedShare).toBe(0.5);
    expect(m.capHitShare).toBe(0.5);
    expect(m.meanSampleLength).toBe(26);
  });

  it('takes the held-out words as the vocabulary when none is given', () => {
    const m = computeGenerationMetrics({ samples: ['the dog'], heldOut: ['The cat.'], lengthCap: 30 });
    expect(m.realWordShare).toBe(0.5);
  });
});
