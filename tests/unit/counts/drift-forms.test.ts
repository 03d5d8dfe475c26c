import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { UnigramChain, type UnigramChainConfig } from '../../../src/engine/counts/unigram-chain';
import {
  biasedDriftAccumulateSubsample,
  biasedDriftGrowing,
  biasedDriftReplace,
  biasShare,
  growthShrink,
  modelDrift,
} from '../../../src/engine/counts/drift-forms';

const tv = (p: ArrayLike<number>, q: ArrayLike<number>) =>
  0.5 * Array.from(p).reduce((s, x, i) => s + Math.abs(x - q[i]), 0);

describe('mean-field drift forms, by hand', () => {
  it('replace: lambda b after one write-back, D (1 - (1 - lambda b / D)^n) after n, D in the limit', () => {
    expect(biasedDriftReplace(0, 0.1, 0.02, 0.5)).toBe(0);
    expect(biasedDriftReplace(1, 0.1, 0.02, 0.5)).toBeCloseTo(0.1 * 0.02, 15);
    expect(biasedDriftReplace(10, 0.1, 0.02, 0.5)).toBeCloseTo(0.5 * (1 - 0.996 ** 10), 15);
    expect(biasedDriftReplace(1e6, 0.1, 0.02, 0.5)).toBeCloseTo(0.5, 12);
    // Real data kept (gamma = 0.5): the fixed point is D beta / (beta + gamma - beta gamma) = 0.5 (0.04 / 0.52).
    expect(biasedDriftReplace(1e6, 0.1, 0.02, 0.5, 0.5)).toBeCloseTo((0.5 * 0.04) / 0.52, 12);
    // The old first-order form, lambda n b = 2.03 at n = 302 for lambda = 0.1, b = 0.0672, leaves [0, 1]; this one cannot.
    expect(biasedDriftReplace(302, 0.1, 0.0672, 0.7)).toBeLessThan(0.7);
  });

  it('growthShrink is the product prod_{j=1}^{n} (1 - c / (a + j)) it stands for', () => {
    for (const [a, c] of [
      [2.5, 0.3],
      [100, 1],
      [0.01, 0.9],
      [1e4, 0.05],
    ]) {
      let product = 1;
      for (let n = 1; n <= 200; n++) {
        product *= 1 - c / (a + n);
        expect(growthShrink(a, c, n)).toBeCloseTo(product, 10);
      }
    }
    expect(growthShrink(3, 0.5, 0)).toBe(1);
  });

  it('accumulate-subsample: b m / (N0 + m) after one write-back, about b ln(1 + n m / N0) while small, D in the limit', () => {
    const b = 0.02;
    const d = 0.5;
    expect(biasedDriftAccumulateSubsample(1, 1000, 10, b, d)).toBeCloseTo((b * 10) / 1010, 13);
    // beta = b / D small: the first-order form within 2%.
    const small = biasedDriftAccumulateSubsample(100, 1000, 10, 0.002, 0.5);
    expect(Math.abs(small / (0.002 * Math.log(2)) - 1)).toBeLessThan(0.02);
    expect(biasedDriftAccumulateSubsample(1e9, 1000, 10, 0.25, d)).toBeGreaterThan(0.49);
  });

  it('fresh-data: the fresh real text holds the corpus at D m beta / (k + m beta)', () => {
    const b = 0.05;
    const d = 0.5; // beta = 0.1
    expect(biasedDriftGrowing(1e9, 1000, 100, 100, b, d)).toBeCloseTo(0.5 * (10 / 110), 4);
    // Without fresh data it creeps on toward D, like D (1 - (N0 / (N0 + n m))^beta): 1 - 0.1^0.1 of the way at n m = 9 N0.
    expect(biasedDriftGrowing(90, 1000, 100, 0, b, d)).toBeCloseTo(0.5 * (1 - 0.1 ** 0.1), 2);
    expect(biasedDriftGrowing(1e9, 1000, 100, 0, b, d)).toBeGreaterThan(
      biasedDriftGrowing(1e6, 1000, 100, 0, b, d),
    );
    expect(biasedDriftGrowing(1e15, 1000, 100, 0, b, d)).toBeLessThan(d);
    // No bias: no drift, fresh data or not.
    expect(biasedDriftGrowing(50, 1000, 100, 100, 0, d)).toBe(0);
  });

  it('a model moves its training law a share beta further: b from p0, nothing past the target', () => {
    expect(modelDrift(0, 0.05, 0.5)).toBeCloseTo(0.05, 15);
    expect(modelDrift(0.5, 0.05, 0.5)).toBeCloseTo(0.5, 15);
    expect(biasShare(2, 0.5)).toBe(1);
    expect(biasShare(0.1, 0)).toBe(0);
  });
});

/**
 * Smoothing is a linear map, and every sampling step of the chain is unbiased, so the mean law
 * over seeds follows the mean-field recursion exactly: its distance from p0 is the formula.
 */
describe('mean-field drift against the chain, mean law over seeds', () => {
  const p0 = [0.7, 0.2, 0.05, 0.05];
  const uniform = [0.25, 0.25, 0.25, 0.25];
  const limit = tv(p0, uniform); // 0.45

  function meanLawDistance(config: UnigramChainConfig, generation: number, runs: number) {
    const sum = new Float64Array(p0.length);
    const sumSq = new Float64Array(p0.length);
    for (let r = 0; r < runs; r++) {
      const chain = new UnigramChain(config, createRng(`mean-field-${r}`));
      for (let g = 1; g <= generation; g++) chain.step();
      chain.modelLaw.forEach((p, i) => {
        sum[i] += p;
        sumSq[i] += p * p;
      });
    }
    const mean = sum.map((s) => s / runs);
    // TV moves by at most half the sum of the coordinates' errors: 4 standard errors each.
    const tolerance =
      0.5 * mean.reduce((t, m, i) => t + 4 * Math.sqrt(Math.max(sumSq[i] / runs - m * m, 0) / (runs - 1)), 0);
    // The mean law lies on the segment from p0 to uniform: its distance is the TV.
    return { distance: tv(p0, mean), tolerance };
  }

  it('replace (lambda = 0.2, beta = 200 / 2,200): the mean law is at D (1 - (1 - beta)(1 - lambda beta)^(n - 1))', () => {
    const config: UnigramChainConfig = {
      initialLaw: p0,
      paradigm: 'replace',
      trainingTokens: 2000,
      generatedTokens: 400,
      corpusTokens: 2000,
      alpha: 50,
      trainOnWholeCorpus: true,
    };
    const beta = 200 / 2200;
    const b = beta * limit;
    for (const n of [1, 10, 40]) {
      const { distance, tolerance } = meanLawDistance(config, n, 300);
      const formula = modelDrift(biasedDriftReplace(n - 1, 0.2, b, limit), b, limit);
      expect(formula).toBeCloseTo(limit * (1 - (1 - beta) * (1 - 0.2 * beta) ** (n - 1)), 14);
      expect(Math.abs(distance - formula)).toBeLessThanOrEqual(tolerance);
    }
    // It has moved far: a first-order or a missing saturation would show.
    expect(modelDrift(biasedDriftReplace(39, 0.2, b, limit), b, limit)).toBeGreaterThan(0.5 * limit);
  });

  it('accumulate-subsample and fresh-data (M = 500, beta = 200 / 700): the mean law follows the growing-corpus forms', () => {
    const beta = 200 / 700;
    const b = beta * limit;
    const base: UnigramChainConfig = {
      initialLaw: p0,
      paradigm: 'accumulate-subsample',
      trainingTokens: 500,
      generatedTokens: 100,
      corpusTokens: 1000,
      alpha: 50,
    };
    for (const [paradigm, fresh] of [
      ['accumulate-subsample', 0],
      ['fresh-data', 300],
    ] as const) {
      for (const n of [1, 10, 60]) {
        const { distance, tolerance } = meanLawDistance(
          { ...base, paradigm, freshRealTokens: fresh },
          n,
          300,
        );
        const formula = modelDrift(biasedDriftGrowing(n - 1, 1000, 100, fresh, b, limit), b, limit);
        expect(Math.abs(distance - formula)).toBeLessThanOrEqual(tolerance);
      }
    }
  });
});
