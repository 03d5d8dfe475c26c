import { describe, expect, it } from 'vitest';
import {
  expandGrid,
  parseAxes,
  parseSeeds,
  parseShard,
  runList,
  shardRuns,
  SweepInputError,
} from '../../../src/cli/sweep/grid';
import { nStarGeneration, parseThresholds, ratioGeneration } from '../../../src/cli/sweep/thresholds';
import { findNStar } from '../../../src/engine/metrics/perplexity';

describe('sweep grid', () => {
  it('partitions 10 runs into 3 shards that cover each run exactly once', () => {
    const runs = Array.from({ length: 10 }, (_, i) => i);
    const parts = [1, 2, 3].map((index) => shardRuns(runs, { index, count: 3 }));
    expect(parts).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7],
      [2, 5, 8],
    ]);
    expect(parts.flat().sort((a, b) => a - b)).toEqual(runs);
  });

  it('covers any list exactly once for any number of shards', () => {
    for (let total = 0; total <= 12; total++) {
      for (let count = 1; count <= 5; count++) {
        const runs = Array.from({ length: total }, (_, i) => i);
        const seen = Array.from({ length: count }, (_, k) => shardRuns(runs, { index: k + 1, count })).flat();
        expect(seen.sort((a, b) => a - b)).toEqual(runs);
      }
    }
  });

  it('expands axes into their product, first axis outermost, values read as --set reads them', () => {
    const axes = parseAxes(['contamination=1,0.1', 'paradigm=replace,accumulate-subsample,accumulate']);
    const points = expandGrid(axes);
    expect(points).toHaveLength(6);
    expect(points[0].values).toEqual({ contamination: 1, paradigm: 'replace' });
    expect(points[1].values).toEqual({ contamination: 1, paradigm: 'accumulate-subsample' });
    expect(points[3].assignments).toEqual(['contamination=0.1', 'paradigm=replace']);
    expect(expandGrid([])).toEqual([{ index: 0, values: {}, assignments: [] }]);
  });

  it('lists runs point-major with every seed', () => {
    expect(runList(2, [7, 9])).toEqual([
      { index: 0, point: 0, seed: 7 },
      { index: 1, point: 0, seed: 9 },
      { index: 2, point: 1, seed: 7 },
      { index: 3, point: 1, seed: 9 },
    ]);
  });

  it('reads --seeds as a list or a count from the base seed', () => {
    expect(parseSeeds('1,2,3')).toEqual([1, 2, 3]);
    expect(parseSeeds('5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeeds('3', 10)).toEqual([10, 11, 12]);
    expect(parseSeeds(undefined, 4)).toEqual([4]);
  });

  it.each([
    [() => parseSeeds('1,1'), /1 given twice/],
    [() => parseSeeds('1,x'), /--seeds takes whole numbers/],
    [() => parseSeeds('0'), /1 to 1000/],
    [() => parseShard('0/4'), /between 1 and n/],
    [() => parseShard('5/4'), /between 1 and n/],
    [() => parseShard('two'), /expects k\/n/],
    [() => parseAxes(['contamination']), /expects key=value/],
    [() => parseAxes(['contamination=1,,0.5']), /empty value/],
    [() => parseAxes(['contamination=0.5,0.50']), /0.50 given twice/],
    [() => parseAxes(['seed=1,2']), /--seeds/],
    [
      () => parseAxes(['order=1,2', 'model.ngramOrder=3'], (k) => (k === 'order' ? 'model.ngramOrder' : k)),
      /same setting as --sweep order/,
    ],
    [() => parseThresholds(['ratio=1']), /above 1/],
    [() => parseThresholds(['nstar=1.5']), /in \[0, 1\)/],
    [() => parseThresholds(['speed=2']), /unknown threshold "speed"/],
  ])('refuses bad input with a clear message (%#)', (call, message) => {
    expect(call).toThrow(SweepInputError);
    expect(call).toThrow(message);
  });

  it('reads --shard and --threshold', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseThresholds(undefined)).toEqual({ ratio: 1.5, nstarTolerance: 0.05 });
    expect(parseThresholds(['ratio=2,nstar=0.1'])).toEqual({ ratio: 2, nstarTolerance: 0.1 });
  });
});

describe('sweep thresholds', () => {
  const gens = (ppl: number[]) => ppl.map((perplexity, generation) => ({ generation, perplexity }));

  it('finds the first generation at 1.5x generation 0 and the first within 5% of the baseline', () => {
    const g = gens([10, 11, 14, 15, 16, 30, 12]);
    expect(ratioGeneration(g, 1.5)).toBe(3); // 15 >= 1.5 x 10
    expect(ratioGeneration(g, 2)).toBe(5); // 30 >= 20
    expect(ratioGeneration(g, 4)).toBeNull();
    expect(nStarGeneration(g, 31, 0.05)).toBe(5); // 30 >= 31 x 0.95 = 29.45
    expect(nStarGeneration(g, 40, 0.05)).toBeNull();
  });

  it('never counts a diverged (NaN) generation, always an infinite one', () => {
    expect(ratioGeneration(gens([10, NaN, 12, Infinity]), 1.5)).toBe(3);
    expect(ratioGeneration(gens([NaN, 20]), 1.5)).toBeNull(); // no generation 0 to compare with
    expect(nStarGeneration(gens([10, NaN, 50]), 40, 0.05)).toBe(2);
  });

  it('reads n* exactly as the loop does for RunRecord.nStar', () => {
    const ppl = [9.9, 10.4, 12, 30, 57, 58, 70];
    expect(nStarGeneration(gens(ppl), 59, 0.05)).toBe(findNStar(ppl, 59, 0.05, 0));
    expect(nStarGeneration(gens(ppl), 59, 0.05)).toBe(4);
    expect(nStarGeneration(gens(ppl), NaN, 0.05)).toBeNull(); // a run that failed before its baseline
  });
});
