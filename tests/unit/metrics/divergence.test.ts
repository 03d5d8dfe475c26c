import { describe, expect, it } from 'vitest';
import {
  charNgramDivergences,
  exactKlPerToken,
  jensenShannonBits,
  klDivergenceNats,
  ngramCountsFrom,
  totalVariation,
} from '../../../src/engine/metrics';

const half = ngramCountsFrom({ a: 1, b: 1 }); // (0.5, 0.5)
const skew = ngramCountsFrom({ a: 9, b: 1 }); // (0.9, 0.1)
const onlyA = ngramCountsFrom({ a: 1 });
const onlyB = ngramCountsFrom({ b: 1 });
const empty = ngramCountsFrom({});

describe('two-symbol laws', () => {
  it('gives 1 bit of JS and TV 1 between (1,0) and (0,1)', () => {
    expect(jensenShannonBits(onlyA, onlyB)).toBe(1);
    expect(totalVariation(onlyA, onlyB)).toBe(1);
  });

  it('matches hand-computed JS, KL and TV between (0.5,0.5) and (0.9,0.1)', () => {
    // m = (0.7, 0.3); JS = [0.5 ln(5/7) + 0.5 ln(5/3) + 0.9 ln(9/7) + 0.1 ln(1/3)] / (2 ln 2)
    expect(jensenShannonBits(half, skew)).toBeCloseTo(0.14679310243605212, 9);
    expect(jensenShannonBits(skew, half)).toBeCloseTo(0.14679310243605212, 9);
    // KL = 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) = ln(5/3)
    expect(klDivergenceNats(half, skew, 0)).toBeCloseTo(0.5108256237659907, 9);
    expect(totalVariation(half, skew)).toBeCloseTo(0.4, 12);
  });

  it('is 0 between equal laws', () => {
    expect(jensenShannonBits(half, ngramCountsFrom({ a: 7, b: 7 }))).toBe(0);
    expect(klDivergenceNats(half, half, 0)).toBe(0);
    expect(totalVariation(skew, skew)).toBe(0);
  });
});

describe('KL smoothing', () => {
  it('is infinite without smoothing when generated text lost a real symbol', () => {
    expect(klDivergenceNats(half, onlyA, 0)).toBe(Infinity);
  });

  it('smooths the generated law over the union support', () => {
    // q' = ((1, 0) + 0.01) / 1.02; KL = 0.5 ln(0.5 / (1.01/1.02)) + 0.5 ln(0.5 / (0.01/1.02))
    expect(klDivergenceNats(half, onlyA, 0.01)).toBeCloseTo(1.624265374303696, 9);
    // default epsilon 1e-6 barely moves a finite KL
    expect(klDivergenceNats(half, skew)).toBeCloseTo(Math.log(5 / 3), 5);
  });
});

describe('degenerate laws', () => {
  it('treats an empty generated law as maximally far, two empty laws as equal', () => {
    expect(jensenShannonBits(half, empty)).toBe(1);
    expect(totalVariation(half, empty)).toBe(1);
    expect(jensenShannonBits(empty, empty)).toBe(0);
    // smoothed empty Q is uniform over P's support: KL = ln 2 - H(0.75, 0.25)
    const p = ngramCountsFrom({ a: 3, b: 1 });
    expect(klDivergenceNats(p, empty)).toBeCloseTo(
      Math.log(2) + 0.75 * Math.log(0.75) + 0.25 * Math.log(0.25),
      12,
    );
  });
});

describe('character n-gram divergences', () => {
  it('computes all three for n = 1, 2, 3', () => {
    const d = charNgramDivergences(['ab'], ['ba'], 0);
    expect(d.js).toEqual({ 1: 0, 2: 1, 3: 0 }); // same letters, disjoint bigrams, no trigrams
    expect(d.tv).toEqual({ 1: 0, 2: 1, 3: 0 });
    expect(d.kl[1]).toBe(0);
    expect(d.kl[2]).toBe(Infinity);
  });

  it('is zero for identical text', () => {
    const text = ['the cat sat on the mat', 'a dog'];
    const d = charNgramDivergences(text, text);
    expect(d.js).toEqual({ 1: 0, 2: 0, 3: 0 });
    expect(d.tv).toEqual({ 1: 0, 2: 0, 3: 0 });
    expect(d.kl['3']).toBeCloseTo(0, 5);
  });
});

describe('exact KL of a known source', () => {
  it('is cross-entropy minus entropy rate', () => {
    expect(exactKlPerToken(1.5, 1.2)).toBeCloseTo(0.3, 12);
    expect(exactKlPerToken(Math.log(4), Math.log(4))).toBe(0);
  });
});
