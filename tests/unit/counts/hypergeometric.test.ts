import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import {
  sampleHypergeometric,
  sampleMultivariateHypergeometric,
} from '../../../src/engine/counts/hypergeometric';
import { lnGamma, logFactorial } from '../../../src/engine/counts/log-gamma';

/**
 * Exact pmf of the hypergeometric law from its ratio P(k + 1) / P(k), walked both ways from the
 * mode and normalised: independent of the sampler's log-factorials, and safe from overflow.
 */
function exactPmf(total: number, good: number, draws: number): number[] {
  const lo = Math.max(0, draws - (total - good));
  const hi = Math.min(good, draws);
  const ratio = (k: number) => ((good - k) * (draws - k)) / ((k + 1) * (total - good - draws + k + 1));
  const mode = Math.min(hi, Math.max(lo, Math.floor(((draws + 1) * (good + 1)) / (total + 2))));
  const pmf = new Array<number>(draws + 1).fill(0);
  pmf[mode] = 1;
  for (let k = mode; k < hi; k++) pmf[k + 1] = pmf[k] * ratio(k);
  for (let k = mode - 1; k >= lo; k--) pmf[k] = pmf[k + 1] / ratio(k);
  const sum = pmf.reduce((a, b) => a + b, 0);
  return pmf.map((p) => p / sum);
}

function histogram(total: number, good: number, draws: number, samples: number, seed: string): number[] {
  const rng = createRng(seed);
  const counts = new Array<number>(draws + 1).fill(0);
  for (let i = 0; i < samples; i++) {
    const k = sampleHypergeometric(total, good, draws, rng);
    if (!(Number.isInteger(k) && k >= 0 && k <= Math.min(good, draws) && draws - k <= total - good))
      throw new Error(`impossible draw ${k}`);
    counts[k]++;
  }
  return counts;
}

describe('log-gamma', () => {
  it('gives log k! and log Gamma at hand-checked values', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 13);
    expect(logFactorial(300)).toBeCloseTo(lnGamma(301), 9);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12); // Gamma(1/2) = sqrt(pi)
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(10.5) - lnGamma(9.5)).toBeCloseTo(Math.log(9.5), 12);
    // log 1000! = 5912.128178488163 (Python's math.lgamma(1001))
    expect(logFactorial(1000)).toBeCloseTo(5912.128178488163, 9);
  });
});

describe('sampleHypergeometric', () => {
  it('two-symbol urn (20 tokens, 8 red, draw 5): mean 2 and variance 5 (8/20)(12/20)(15/19), by hand', () => {
    const pmf = exactPmf(20, 8, 5);
    const mean = pmf.reduce((s, p, k) => s + k * p, 0);
    const variance = pmf.reduce((s, p, k) => s + (k - mean) ** 2 * p, 0);
    expect(mean).toBeCloseTo(2, 12);
    expect(variance).toBeCloseTo((5 * 0.4 * 0.6 * 15) / 19, 12);
    const samples = 200_000;
    const h = histogram(20, 8, 5, samples, 'two-symbol');
    const sampleMean = h.reduce((s, c, k) => s + k * c, 0) / samples;
    const sampleVar = h.reduce((s, c, k) => s + (k - sampleMean) ** 2 * c, 0) / samples;
    // 4 standard errors of the mean; of the variance, 4 sqrt((mu4 - sigma^4) / samples).
    expect(Math.abs(sampleMean - mean)).toBeLessThan(4 * Math.sqrt(variance / samples));
    const mu4 = pmf.reduce((s, p, k) => s + (k - mean) ** 4 * p, 0);
    expect(Math.abs(sampleVar - variance)).toBeLessThan(4 * Math.sqrt((mu4 - variance ** 2) / samples));
  });

  // Inversion (small mean), HRUA (mean >= 10), and the two symmetries (more good than bad, more than half drawn).
  it.each([
    [20, 8, 5],
    [1000, 300, 200],
    [30, 25, 20],
    [5000, 4000, 4900],
    [100_000, 123, 50_000],
  ])(
    'matches the exact pmf (total %i, good %i, draws %i): chi-square within 4 sd of its degrees of freedom',
    (total, good, draws) => {
      const samples = 100_000;
      const pmf = exactPmf(total, good, draws);
      const h = histogram(total, good, draws, samples, `pmf-${total}-${good}-${draws}`);
      // Pool the tails into bins of expected count >= 5, as the chi-square test needs.
      let chi2 = 0;
      let bins = 0;
      let expected = 0;
      let observed = 0;
      for (let k = 0; k < pmf.length; k++) {
        expected += samples * pmf[k];
        observed += h[k];
        if (expected >= 5 || k === pmf.length - 1) {
          chi2 += (observed - expected) ** 2 / Math.max(expected, 1e-9);
          bins++;
          expected = 0;
          observed = 0;
        }
      }
      const df = bins - 1;
      expect(chi2).toBeLessThan(df + 4 * Math.sqrt(2 * df));
    },
  );

  it('takes the whole urn or nothing where the answer is forced', () => {
    const rng = createRng('forced');
    expect(sampleHypergeometric(10, 4, 0, rng)).toBe(0);
    expect(sampleHypergeometric(10, 0, 7, rng)).toBe(0);
    expect(sampleHypergeometric(10, 10, 7, rng)).toBe(7);
    expect(sampleHypergeometric(10, 4, 10, rng)).toBe(4);
  });
});

describe('sampleMultivariateHypergeometric', () => {
  it('removes exactly the tokens asked for, never more of a kind than the urn holds, with mean draws * count / total', () => {
    const counts = [5, 0, 3, 12, 80];
    const total = 100;
    const draws = 30;
    const rng = createRng('multi');
    const samples = 40_000;
    const sums = new Float64Array(counts.length);
    const out = new Float64Array(counts.length);
    for (let s = 0; s < samples; s++) {
      sampleMultivariateHypergeometric(draws, counts, rng, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(draws);
      out.forEach((x, i) => {
        if (x > counts[i] || x < 0) throw new Error(`drew ${x} of kind ${i} from ${counts[i]}`);
        sums[i] += x;
      });
    }
    counts.forEach((c, i) => {
      const mean = (draws * c) / total;
      const variance = (draws * (c / total) * (1 - c / total) * (total - draws)) / (total - 1);
      expect(Math.abs(sums[i] / samples - mean)).toBeLessThanOrEqual(4 * Math.sqrt(variance / samples));
    });
    expect(() => sampleMultivariateHypergeometric(101, counts, rng)).toThrow(/urn of 100/);
  });
});
