import { describe, expect, it } from 'vitest';
import { decodeLogits, decodeProbabilities } from '../../src/engine/decoding';

const logitsOf = (p: number[]) => p.map(Math.log);

describe('decodeLogits', () => {
  it('temperature 1 with no limits returns the softmax', () => {
    const p = decodeLogits(logitsOf([0.5, 0.3, 0.2]), { temperature: 1, topK: 0, topP: 1 });
    expect([...p].map((x) => +x.toFixed(6))).toEqual([0.5, 0.3, 0.2]);
  });

  it('temperature 0.5 squares then renormalises the probabilities', () => {
    const p = decodeLogits(logitsOf([0.5, 0.3, 0.2]), { temperature: 0.5, topK: 0, topP: 1 });
    const z = 0.25 + 0.09 + 0.04;
    expect(p[0]).toBeCloseTo(0.25 / z, 9);
    expect(p[2]).toBeCloseTo(0.04 / z, 9);
  });

  it('top-k keeps exactly the k most likely symbols', () => {
    const p = decodeLogits(logitsOf([0.1, 0.4, 0.2, 0.3]), { temperature: 1, topK: 2, topP: 1 });
    expect([...p].map((x) => +x.toFixed(6))).toEqual([0, 0.571429, 0, 0.428571]);
  });

  it('top-p keeps the smallest prefix whose mass reaches p', () => {
    const p = decodeLogits(logitsOf([0.1, 0.4, 0.2, 0.3]), { temperature: 1, topK: 0, topP: 0.65 });
    expect(p[0]).toBe(0);
    expect(p[2]).toBe(0);
    expect(p[1]).toBeCloseTo(0.4 / 0.7, 9);
  });

  it('top-p applies to the top-k renormalised law', () => {
    // top-3 renormalised: .4/.9, .3/.9, .2/.9 -> .444, .333, .222; p = 0.7 needs two symbols.
    const p = decodeLogits(logitsOf([0.1, 0.4, 0.2, 0.3]), { temperature: 1, topK: 3, topP: 0.7 });
    expect(p.filter((x) => x > 0).length).toBe(2);
  });

  it('decodeProbabilities keeps impossible symbols impossible', () => {
    const p = decodeProbabilities([0, 0.5, 0.5], { temperature: 2, topK: 0, topP: 1 });
    expect(p[0]).toBe(0);
    expect(p[1]).toBeCloseTo(0.5, 12);
  });
});
