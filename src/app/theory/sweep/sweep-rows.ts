/**
 * ContaminationSweep -> what the chart, its table and its summary show. Pure functions, tested
 * in Node. Times are generations (>= 1), drawn on a log axis; a quantile beyond the horizon is
 * null and leaves a gap.
 */
import type {
  ContaminationSweep,
  SweepPoint,
  ThresholdTimes,
} from '../../../engine/theory/contamination-sweep';
import type { SweepThreshold } from './sweep-store';

export interface SweepRow {
  /** The share asked for (the one simulated, m / N0, differs by the rounding of m to whole tokens). */
  lambda: number;
  replaceMedian: number | null;
  /** [p10, p90] over runs: recharts draws a two-valued dataKey as a range Area. */
  replaceBand: [number, number] | null;
  replaceLaw: number | null;
  accumulateMedian: number | null;
  accumulateBand: [number, number] | null;
  accumulateLaw: number | null;
}

const timesOf = (p: SweepPoint, threshold: SweepThreshold): ThresholdTimes =>
  threshold === 'tv' ? p.tv : p.realShare;
const band = (t: ThresholdTimes): [number, number] | null =>
  t.p10 === null || t.p90 === null ? null : [t.p10, t.p90];

/** One row per share lambda, smallest first (the x axis). */
export function sweepRows(sweep: ContaminationSweep, threshold: SweepThreshold): SweepRow[] {
  return sweep.replace
    .map((r, i) => {
      const a = sweep.accumulateSubsample[i];
      const rt = timesOf(r, threshold);
      const at = a ? timesOf(a, threshold) : null;
      return {
        lambda: r.requested,
        replaceMedian: rt.median,
        replaceBand: band(rt),
        replaceLaw: rt.predicted,
        accumulateMedian: at?.median ?? null,
        accumulateBand: at ? band(at) : null,
        accumulateLaw: at?.predicted ?? null,
      };
    })
    .sort((x, y) => x.lambda - y.lambda);
}

/** A log axis of generations covering every value shown, in whole powers of ten. */
export function timeDomain(rows: readonly SweepRow[]): [number, number] {
  const values = rows.flatMap((r) => [
    r.replaceMedian,
    r.replaceLaw,
    r.accumulateMedian,
    r.accumulateLaw,
    ...(r.replaceBand ?? []),
    ...(r.accumulateBand ?? []),
  ]);
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  if (finite.length === 0) return [1, 10];
  return [
    10 ** Math.floor(Math.log10(Math.min(...finite))),
    10 ** Math.ceil(Math.log10(Math.max(...finite))),
  ];
}

/** Powers of ten inside a domain. */
export function powerTicks([lo, hi]: [number, number]): number[] {
  const ticks: number[] = [];
  for (let t = lo; t <= hi * 1.0001; t *= 10) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}

export const formatShare = (lambda: number) =>
  `${Number((lambda * 100).toPrecision(3)).toLocaleString('en')}%`;
const gens = (n: number) => Math.round(n).toLocaleString('en');

/** Plain-words readouts of the sweep for the threshold shown. */
export function sweepSummary(sweep: ContaminationSweep, threshold: SweepThreshold): string[] {
  const rows = sweepRows(sweep, threshold);
  const lines: string[] = [];
  const what =
    threshold === 'tv'
      ? `the corpus had drifted ${sweep.settings.tvLevel} (total variation) from real text`
      : `real text was under ${formatShare(sweep.settings.realShareLevel)} of the corpus`;
  const pair = (pick: (r: SweepRow) => number | null) => {
    const known = rows.filter((r) => pick(r) !== null);
    return known.length >= 2 ? { small: known[0], large: known[known.length - 1] } : null;
  };
  const replace = pair((r) => r.replaceMedian);
  if (replace) {
    const factor = (replace.small.replaceMedian ?? 0) / (replace.large.replaceMedian ?? 1);
    lines.push(
      `Replace: ${what} after a median of ${gens(replace.large.replaceMedian ?? 0)} generations at ${formatShare(replace.large.lambda)} written back per generation, and ${gens(replace.small.replaceMedian ?? 0)} at ${formatShare(replace.small.lambda)}: ${factor.toFixed(1)} times as long for ${(replace.large.lambda / replace.small.lambda).toFixed(0)} times less contamination. Less generated text delays collapse; it does not prevent it.`,
    );
  }
  const accumulate = pair((r) => r.accumulateMedian);
  if (accumulate) {
    lines.push(
      `Accumulate and train on a sample, with a systematic error b = ${sweep.biased.bias}: ${what} after a median of ${gens(accumulate.large.accumulateMedian ?? 0)} generations at ${formatShare(accumulate.large.lambda)} and ${gens(accumulate.small.accumulateMedian ?? 0)} at ${formatShare(accumulate.small.lambda)}.`,
    );
  }
  const censored = [...sweep.replace, ...sweep.accumulateSubsample].reduce(
    (n, p) => n + (threshold === 'tv' ? p.tv.censored : p.realShare.censored),
    0,
  );
  if (censored > 0)
    lines.push(
      `${censored} runs had not got there within ${gens(sweep.settings.maxGenerations)} generations: where more than one in ten had not, the band stops.`,
    );
  if (threshold === 'tv' && sweep.settings.tvLevel >= sweep.biased.limit)
    lines.push(
      `With a systematic error toward the uniform law, accumulate can drift at most ${sweep.biased.limit.toFixed(2)} from real text: pick a lower level to see when it gets there.`,
    );
  return lines;
}
