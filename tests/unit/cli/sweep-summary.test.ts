import { describe, expect, it } from 'vitest';
import { fitGroup, fitInverse, fitPower } from '../../../src/cli/sweep/law';
import type { SweepDefinition, SweepRun } from '../../../src/cli/sweep/result';
import { quantileOfSorted, summarizeOutcomes } from '../../../src/cli/sweep/stats';
import { summarizeSweep } from '../../../src/cli/sweep/summary';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';

const reached = (generation: number) => ({ generation, complete: true });
const notReached = { generation: null, complete: true };
const failed = { generation: null, complete: false };

describe('sweep percentiles', () => {
  it('gives the median and 10th-90th percentile of a hand table', () => {
    const s = summarizeOutcomes([7, 3, 10, 1, 5, 2, 9, 4, 8, 6].map(reached));
    // Linear between order statistics of 1..10: h = 9q.
    expect(s).toEqual({ runs: 10, reached: 10, median: 5.5, p10: 1.9, p90: 9.1 });
    expect(summarizeOutcomes([reached(4)])).toEqual({ runs: 1, reached: 1, median: 4, p10: 4, p90: 4 });
  });

  it('counts a run that never crossed as later than its last generation, not as missing', () => {
    // 2, 4, later, later: the median lies among the censored runs, so it is unknown (null).
    expect(summarizeOutcomes([reached(2), notReached, reached(4), notReached])).toEqual({
      runs: 4,
      reached: 2,
      median: null,
      p10: 2.6,
      p90: null,
    });
    // 3 of 5 crossed (2, 5, 8): the median is the 3rd fastest, 8, whatever the other two would have been.
    expect(summarizeOutcomes([reached(8), notReached, reached(2), notReached, reached(5)]).median).toBe(8);
  });

  it('leaves out a failed run that never crossed, keeps one that crossed before failing', () => {
    expect(summarizeOutcomes([reached(2), failed, reached(6)])).toEqual({
      runs: 2,
      reached: 2,
      median: 4,
      p10: 2.4,
      p90: 5.6,
    });
    expect(summarizeOutcomes([failed]).median).toBeNull();
    expect(summarizeOutcomes([{ generation: 3, complete: false }]).median).toBe(3);
  });

  it('treats infinity as infinite in the quantile, even with zero weight beside it', () => {
    expect(quantileOfSorted([1, Infinity], 0)).toBe(1);
    expect(quantileOfSorted([1, Infinity], 0.5)).toBe(Infinity);
    expect(quantileOfSorted([Infinity, Infinity], 0.5)).toBe(Infinity);
  });
});

describe('sweep law fit', () => {
  const lambdas = [1, 0.5, 0.2, 0.1, 0.05, 0.01];

  it('recovers c of T = c / lambda from exact data', () => {
    const points = lambdas.map((lambda, point) => ({ point, lambda, median: 3.7 / lambda }));
    const fit = fitInverse(points);
    expect(fit?.c).toBeCloseTo(3.7, 10);
    expect(fit?.logRms).toBeCloseTo(0, 10);
    const power = fitPower(points);
    expect(power?.exponent).toBeCloseTo(1, 10);
    expect(power?.prefactor).toBeCloseTo(3.7, 10);
  });

  it('recovers the observed growth exponent of T = a lambda^-b, and fits c on log scale', () => {
    const points = lambdas.map((lambda, point) => ({ point, lambda, median: 2 * lambda ** -1.5 }));
    expect(fitPower(points)?.exponent).toBeCloseTo(1.5, 10);
    expect(fitPower(points)?.prefactor).toBeCloseTo(2, 10);
    // With the slope fixed at -1, log c is the mean of log(T lambda) = log 2 - 0.5 log lambda: not log 2.
    const expected = Math.exp(lambdas.reduce((s, l) => s + Math.log(2 * l ** -0.5), 0) / lambdas.length);
    expect(fitInverse(points)?.c).toBeCloseTo(expected, 10);
  });

  it('fits only the grid points whose median crossed, and predicts every point', () => {
    const fit = fitGroup({}, 'replace', 'ratio', [
      { point: 0, lambda: 1, median: 2 },
      { point: 1, lambda: 0.1, median: 20 },
      { point: 2, lambda: 0.01, median: null },
    ]);
    expect(fit.form).toBe('c/lambda');
    expect(fit.inverse?.c).toBeCloseTo(2, 10);
    expect(fit.fitted).toEqual([0, 1]);
    expect(fit.leftOut).toEqual([2]);
    expect(fit.predicted[2]).toBeCloseTo(200, 8);
    expect(fitGroup({}, 'accumulate-subsample', 'ratio', [{ point: 0, lambda: 1, median: 2 }]).form).toBe(
      'a*lambda^-b',
    );
    expect(fitPower([{ point: 0, lambda: 1, median: 2 }])).toBeNull();
  });
});

describe('sweep summaries', () => {
  const { seed: _seed, ...config } = DEFAULT_CONFIG;
  const point = (index: number, contamination: number, paradigm: 'replace' | 'accumulate-subsample') => ({
    index,
    values: { contamination, paradigm },
    config: { ...config, contamination, paradigm },
  });
  const definition: SweepDefinition = {
    axes: [
      { key: 'contamination', path: 'contamination', values: ['1', '0.1'] },
      { key: 'paradigm', path: 'paradigm', values: ['replace', 'accumulate-subsample'] },
    ],
    seeds: [1, 2],
    thresholds: { ratio: 1.5, nstarTolerance: 0.05 },
    points: [
      point(0, 1, 'replace'),
      point(1, 1, 'accumulate-subsample'),
      point(2, 0.1, 'replace'),
      point(3, 0.1, 'accumulate-subsample'),
    ],
    corpus: null,
  };
  const run = (index: number, ratio: number | null): SweepRun => ({
    index,
    point: Math.floor(index / 2),
    seed: (index % 2) + 1,
    status: 'complete',
    baseline: 60,
    perplexity: [10],
    realShare: [1],
    nStar: null,
    thresholds: { ratio, nstar: null },
    seconds: 0,
  });

  it('fits each paradigm across contamination and puts the law beside each grid point', () => {
    const T = [2, 2, 3, 5, 20, 20, 30, 50]; // replace: 2 then 20 (c = 2); accumulate-subsample: 4 then 40
    const { summaries, law } = summarizeSweep(
      definition,
      T.map((t, i) => run(i, t)),
    );
    expect(summaries.map((s) => s.outcomes.ratio.median)).toEqual([2, 4, 20, 40]);
    const replace = law.find((f) => f.paradigm === 'replace' && f.threshold === 'ratio');
    expect(replace?.group).toEqual({ paradigm: 'replace' });
    expect(replace?.inverse?.c).toBeCloseTo(2, 10);
    expect(summaries[2].outcomes.ratio.law).toBeCloseTo(20, 8);
    const accumulate = law.find((f) => f.paradigm === 'accumulate-subsample' && f.threshold === 'ratio');
    expect(accumulate?.form).toBe('a*lambda^-b');
    expect(accumulate?.power?.exponent).toBeCloseTo(1, 10);
    // n* was reached nowhere: no fit, no law value.
    expect(law.find((f) => f.paradigm === 'replace' && f.threshold === 'nstar')?.inverse).toBeNull();
    expect(summaries[0].outcomes.nstar).toMatchObject({ reached: 0, median: null, law: null });
  });

  it('says why there is no law without a contamination axis', () => {
    const noAxis = { ...definition, axes: definition.axes.slice(1) };
    const { law, notes } = summarizeSweep(noAxis, [run(0, 2)]);
    expect(law).toEqual([]);
    expect(notes.join()).toMatch(/sweep it \(--sweep contamination/);
  });
});
