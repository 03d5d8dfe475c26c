import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { sampleBinomial, sampleMultinomial } from '../../../src/engine/counts/binomial';

function moments(n: number, p: number, draws: number, seed: string) {
  const rng = createRng(seed);
  let sum = 0;
  let sumSq = 0;
  let invalid = 0;
  for (let i = 0; i < draws; i++) {
    const x = sampleBinomial(n, p, rng);
    if (!(Number.isInteger(x) && x >= 0 && x <= n)) invalid++;
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / draws;
  expect(invalid).toBe(0);
  return { mean, variance: sumSq / draws - mean * mean };
}

function logPmf(n: number, p: number, k: number): number {
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log((n - k + i) / i);
  return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

describe('sampleBinomial', () => {
  // (n, p) covering inversion (n p < 10), BTRS (n p >= 10) and the p > 0.5 reflection.
  const cases: [number, number][] = [
    [20, 0.1],
    [7, 0.5],
    [10_000, 0.3],
    [10_000, 0.0015],
    [1_000_000, 0.02],
    [500, 0.93],
  ];
  for (const [n, p] of cases) {
    it(`has mean n p and variance n p (1 - p) for n = ${n}, p = ${p}`, () => {
      const draws = 40_000;
      const { mean, variance } = moments(n, p, draws, `moments-${n}-${p}`);
      const v = n * p * (1 - p);
      expect(Math.abs(mean - n * p)).toBeLessThan(4.5 * Math.sqrt(v / draws));
      // Var of the sample variance ~ 2 v^2 / draws for near-normal laws; allow 5 sd plus a margin.
      expect(Math.abs(variance - v)).toBeLessThan(5 * v * Math.sqrt(2 / draws) + 0.02 * v);
    });
  }

  // n p >= 10: BTRS, with many draws outside the squeeze box decided by the exact pmf ratio.
  it.each([
    [60, 0.35],
    [24, 0.45],
    [2000, 0.6],
  ])('matches the exact pmf in a chi-square test for n = %i, p = %f', (n, p) => {
    const draws = 200_000;
    const rng = createRng(`chi-square-${n}`);
    const observed = new Float64Array(n + 1);
    for (let i = 0; i < draws; i++) observed[sampleBinomial(n, p, rng)]++;
    let chi2 = 0;
    let cells = 0;
    for (let k = 0; k <= n; k++) {
      const expected = draws * Math.exp(logPmf(n, p, k));
      if (expected < 20) continue;
      chi2 += (observed[k] - expected) ** 2 / expected;
      cells++;
    }
    // 99.99% point of chi-square with c - 1 degrees of freedom, by Wilson-Hilferty.
    const df = cells - 1;
    const limit = df * (1 - 2 / (9 * df) + 3.72 * Math.sqrt(2 / (9 * df))) ** 3;
    expect(cells).toBeGreaterThan(10);
    expect(chi2).toBeLessThan(limit);
  });

  it('handles the edges exactly', () => {
    const rng = createRng(1);
    expect(sampleBinomial(0, 0.5, rng)).toBe(0);
    expect(sampleBinomial(100, 0, rng)).toBe(0);
    expect(sampleBinomial(100, 1, rng)).toBe(100);
  });
});

describe('sampleMultinomial', () => {
  it('sums to n, never draws a zero-weight symbol and has mean n p', () => {
    const law = [0.5, 0, 0.2, 0.3, 0];
    const rng = createRng('multinomial');
    const mean = new Float64Array(law.length);
    const runs = 4000;
    for (let r = 0; r < runs; r++) {
      const x = sampleMultinomial(1000, law, rng);
      expect(x.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(x[1]).toBe(0);
      expect(x[4]).toBe(0);
      for (let i = 0; i < law.length; i++) mean[i] += x[i] / runs;
    }
    for (let i = 0; i < law.length; i++) {
      const sd = Math.sqrt((1000 * law[i] * (1 - law[i])) / runs);
      expect(Math.abs(mean[i] - 1000 * law[i])).toBeLessThanOrEqual(4.5 * sd + 1e-9);
    }
  });
});
