import { beforeAll, describe, expect, it } from 'vitest';
import { biasShare } from '../../../src/engine/counts/drift-forms';
import {
  alphaForBias,
  firstOrderAccumulateTv,
  predictAccumulateRealShare,
  predictAccumulateTv,
  predictReplaceRealShare,
  predictReplaceTv,
  runContaminationSweep,
  type ContaminationSweep,
  type ContaminationSweepSettings,
} from '../../../src/engine/theory/contamination-sweep';

// A Zipf-like law over 30 symbols and N0 = 2,000 real tokens: collapse within thousands of generations.
const law = Array.from({ length: 30 }, (_, i) => 1 / (i + 1));
const base: ContaminationSweepSettings = {
  initialLaw: law,
  realTokens: 2000,
  lambdas: [0.1, 0.05, 0.02, 0.01],
  runs: 30,
  seed: 5,
  tvLevel: 0.25,
  realShareLevel: 0.5,
  bias: 0.1,
  trainingTokens: 2000,
  maxGenerations: 20_000,
};
const num = (x: number | null): number => {
  if (x === null) throw new Error('expected a number');
  return x;
};

describe('the laws beside the sweep, by hand', () => {
  it('replace: the real share is under s after ceil(ln s / ln(1 - lambda)) generations ((ln 2)/lambda-ish for s = 1/2)', () => {
    expect(predictReplaceRealShare(0.1, 0.5)).toBe(7); // ln 0.5 / ln 0.9 = 6.58
    expect(predictReplaceRealShare(0.01, 0.5)).toBe(69); // 68.97
    expect(predictReplaceRealShare(1, 0.5)).toBe(1);
  });

  it('replace: the neutral TV time is ~ 1 / lambda, exactly 1 / (lambda (2 - lambda)) in its leading term', () => {
    const t = (lambda: number) => num(predictReplaceTv(law, 2000, Math.round(lambda * 2000), 0.25));
    for (const lambda of [0.05, 0.02, 0.01]) {
      const ratio = (t(lambda) * lambda * (2 - lambda)) / (t(0.1) * 0.1 * 1.9);
      expect(Math.abs(ratio - 1)).toBeLessThan(0.01);
    }
  });

  it('accumulate: the real share N0 / (N0 + n m) is under s after (1/s - 1) N0 / m generations', () => {
    expect(predictAccumulateRealShare(1000, 100, 0.5)).toBe(10);
    expect(predictAccumulateRealShare(1000, 30, 0.25)).toBe(100);
  });

  it("biased accumulate-subsample: the mean-field time approaches the paper's (N0 / m)(e^(D/b) - 1) when D is small against D_max", () => {
    expect(firstOrderAccumulateTv(1000, 10, 0.1, 0.2)).toBeCloseTo(100 * (Math.exp(2) - 1), 10);
    // D_max = 1, b = 0.005, D = 0.02: D/b = 4.
    const meanField = num(predictAccumulateTv(100_000, 100, 0.005, 1, 0.02));
    const paper = firstOrderAccumulateTv(100_000, 100, 0.005, 0.02);
    expect(Math.abs(meanField / paper - 1)).toBeLessThan(0.05);
    // And it never gets past the level it saturates at.
    expect(predictAccumulateTv(1000, 10, 0.1, 0.5, 0.5)).toBeNull();
  });

  it('picks the smoothing alpha whose first refit moves p0 by b: beta = alpha V / (M + alpha V) = b / D_max', () => {
    const alpha = alphaForBias(0.1, 0.5, 2000, 30);
    expect((alpha * 30) / (2000 + alpha * 30)).toBeCloseTo(biasShare(0.1, 0.5), 14);
    expect(() => alphaForBias(0.6, 0.5, 2000, 30)).toThrow(/strictly between/);
  });
});

describe('runContaminationSweep', () => {
  let sweep: ContaminationSweep;
  beforeAll(async () => {
    sweep = await runContaminationSweep(base);
  });

  it('replace: the median time to TV 0.25 scales like 1 / lambda and sits on the diffusion law', () => {
    // The first-passage time of one run varies by ~30%: a median of 30 runs by ~7%. Tolerance 25%,
    // about 3.5 standard errors, for each point against the law and for the scaling itself.
    for (const p of sweep.replace) {
      expect(p.tv.censored).toBe(0);
      expect(Math.abs(num(p.tv.median) / num(p.tv.predicted) - 1)).toBeLessThan(0.25);
      const scaled =
        (num(p.tv.median) * p.lambda) / (num(sweep.replace[0].tv.median) * sweep.replace[0].lambda);
      expect(Math.abs(scaled - 1)).toBeLessThan(0.25);
      expect(num(p.tv.p10)).toBeLessThanOrEqual(num(p.tv.median));
      expect(num(p.tv.median)).toBeLessThanOrEqual(num(p.tv.p90));
      // The real share: random around (1 - lambda)^n, under 1/2 within a generation of the law.
      expect(Math.abs(num(p.realShare.median) - num(p.realShare.predicted))).toBeLessThanOrEqual(
        Math.max(1, 0.05 * num(p.realShare.predicted)),
      );
    }
    // Ten times less contamination, about ten times longer.
    expect(num(sweep.replace[3].tv.median) / num(sweep.replace[0].tv.median)).toBeGreaterThan(7);
  });

  it('biased accumulate-subsample: the median time grows like 1 / lambda, on the mean-field law within 20%', () => {
    for (const p of sweep.accumulateSubsample) {
      expect(p.tv.censored).toBe(0);
      expect(Math.abs(num(p.tv.median) / num(p.tv.predicted) - 1)).toBeLessThan(0.2);
      expect(p.realShare.median).toBe(p.realShare.predicted); // deterministic: nothing leaves the corpus
    }
    const [first, , , last] = sweep.accumulateSubsample;
    const ratio = num(last.tv.median) / num(first.tv.median);
    expect(ratio).toBeGreaterThan(7);
    expect(ratio).toBeLessThan(13);
    // The real share is used up long before the drift gets there.
    expect(num(last.tv.median)).toBeGreaterThan(10 * num(last.realShare.median));
    expect(sweep.biased.alpha).toBeCloseTo(alphaForBias(0.1, sweep.biased.limit, 2000, 30), 12);
  });

  it('biased accumulate-subsample: the time grows exponentially in D / b', async () => {
    const levels = [0.1, 0.15, 0.2, 0.25]; // D_max = TV(p0, uniform) = 0.416 here
    const medians: number[] = [];
    const predicted: number[] = [];
    for (const tvLevel of levels) {
      const s = await runContaminationSweep({ ...base, lambdas: [0.1], runs: 20, tvLevel });
      medians.push(num(s.accumulateSubsample[0].tv.median));
      predicted.push(num(s.accumulateSubsample[0].tv.predicted));
    }
    for (let i = 1; i < levels.length; i++) {
      const growth = medians[i] / medians[i - 1];
      // At least the first-order exponential e^((D_i - D_{i-1}) / b) (the saturation only adds),
      // within 20% of the median's sampling error, and on the mean-field law's growth within 25%.
      expect(growth).toBeGreaterThan(0.8 * Math.exp((levels[i] - levels[i - 1]) / base.bias));
      expect(Math.abs(growth / (predicted[i] / predicted[i - 1]) - 1)).toBeLessThan(0.25);
    }
  });

  it('stops when asked, keeping the points finished, and refuses impossible settings', async () => {
    const controller = new AbortController();
    const partial = await runContaminationSweep(
      { ...base, lambdas: [1, 0.5, 0.01], runs: 5 },
      { signal: controller.signal, onProgress: (done) => done >= 10 && controller.abort() },
    );
    expect(partial.cancelled).toBe(true);
    expect(partial.replace.length).toBeGreaterThanOrEqual(1);
    expect(partial.replace.length).toBeLessThan(3);
    await expect(runContaminationSweep({ ...base, lambdas: [0] })).rejects.toThrow(/\(0, 1\]/);
    await expect(runContaminationSweep({ ...base, bias: 0.9 })).rejects.toThrow(/strictly between/);
  });
});
