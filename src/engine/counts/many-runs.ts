/**
 * R independent runs of one unigram setting, summarised per generation as the median and the
 * 10th and 90th percentiles of every metric (the bands the theory page draws), plus the
 * fixation summary: how many runs were absorbed into one symbol by each generation.
 */
import { createRng } from '../rng';
import type { UnigramChainConfig } from './unigram-chain';
import { UNIGRAM_METRICS, type UnigramMetric } from './unigram-metrics';
import { runUnigramChain, type UnigramRun } from './unigram-run';

export interface MetricBand {
  median: Float64Array;
  p10: Float64Array;
  p90: Float64Array;
}

export interface FixationSummary {
  /** absorbedShare[n]: share of runs absorbed into one symbol by generation n. */
  absorbedShare: Float64Array;
  /** First generation by which at least half the runs were absorbed, or null. */
  halfAbsorbedGeneration: number | null;
  /** Per symbol: share of runs absorbed into it (theory: its initial frequency). */
  fixedShareBySymbol: Float64Array;
}

export interface ManyRunsOptions {
  runs: number;
  generations: number;
  seed: number | string;
}

export interface ManyRunsResult {
  runs: number;
  generations: number;
  bands: Record<UnigramMetric, MetricBand>;
  fixation: FixationSummary;
  /** Per run, as recorded (absorption, extinction generations, final law). */
  perRun: Omit<UnigramRun, 'series'>[];
}

/** Linear-interpolation quantile (type 7, as numpy's default) of sorted values. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function fixationSummary(
  absorbedAt: ArrayLike<number>,
  absorbedSymbol: ArrayLike<number>,
  generations: number,
  symbols: number,
): FixationSummary {
  const runs = absorbedAt.length;
  // Integer counts first, one division last: shares are exact fractions, not summed 1/R's.
  const absorbedBy = new Float64Array(generations + 1);
  const fixedBySymbol = new Float64Array(symbols);
  for (let r = 0; r < runs; r++) {
    if (absorbedAt[r] < 0) continue;
    absorbedBy[absorbedAt[r]]++;
    fixedBySymbol[absorbedSymbol[r]]++;
  }
  for (let g = 1; g <= generations; g++) absorbedBy[g] += absorbedBy[g - 1];
  const absorbedShare = absorbedBy.map((n) => n / runs);
  const fixedShareBySymbol = fixedBySymbol.map((n) => n / runs);
  let halfAbsorbedGeneration: number | null = null;
  for (let g = 0; g <= generations && halfAbsorbedGeneration === null; g++) {
    if (2 * absorbedBy[g] >= runs) halfAbsorbedGeneration = g;
  }
  return { absorbedShare, halfAbsorbedGeneration, fixedShareBySymbol };
}

export function runManyUnigramChains(config: UnigramChainConfig, options: ManyRunsOptions): ManyRunsResult {
  const { runs, generations } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be an integer >= 1, got ${runs}`);
  const root = createRng(options.seed);
  const metricCount = UNIGRAM_METRICS.length;
  // values[metric][generation * runs + run], so each generation's runs are contiguous to sort.
  const values = Array.from({ length: metricCount }, () => new Float64Array((generations + 1) * runs));
  const perRun: Omit<UnigramRun, 'series'>[] = [];
  for (let r = 0; r < runs; r++) {
    const { series, ...rest } = runUnigramChain(config, generations, root.split(`run-${r}`));
    for (let j = 0; j < metricCount; j++) {
      for (let g = 0; g <= generations; g++) values[j][g * runs + r] = series[j][g];
    }
    perRun.push(rest);
  }
  const bands = {} as Record<UnigramMetric, MetricBand>;
  UNIGRAM_METRICS.forEach((name, j) => {
    const band: MetricBand = {
      median: new Float64Array(generations + 1),
      p10: new Float64Array(generations + 1),
      p90: new Float64Array(generations + 1),
    };
    for (let g = 0; g <= generations; g++) {
      const sorted = values[j].subarray(g * runs, (g + 1) * runs).sort();
      band.median[g] = quantileOfSorted(sorted, 0.5);
      band.p10[g] = quantileOfSorted(sorted, 0.1);
      band.p90[g] = quantileOfSorted(sorted, 0.9);
    }
    bands[name] = band;
  });
  const symbols = perRun[0].finalLaw.length;
  const fixation = fixationSummary(
    perRun.map((r) => r.absorbedAt),
    perRun.map((r) => r.absorbedSymbol),
    generations,
    symbols,
  );
  return { runs, generations, bands, fixation, perRun };
}
