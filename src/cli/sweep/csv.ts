/**
 * The sweep as CSV rows (papaparse writes them): one row per run (grid point x seed) for --csv,
 * one per grid point for --summary-csv. Empty cells mean "not reached within the run". Pure.
 */
import type { SweepResult } from './result';
import { THRESHOLD_NAMES } from './thresholds';

type Cell = string | number | boolean | null;

const last = <T>(xs: readonly T[]): T | null => (xs.length > 0 ? xs[xs.length - 1] : null);

export function runRows(result: SweepResult): Record<string, Cell>[] {
  const { points } = result.definition;
  return result.runs.map((run) => ({
    run: run.index,
    point: run.point,
    ...points[run.point].values,
    seed: run.seed,
    status: run.status,
    generations: run.perplexity.length,
    baseline_perplexity: run.baseline,
    gen0_perplexity: run.perplexity[0] ?? null,
    last_perplexity: last(run.perplexity),
    ratio_generation: run.thresholds.ratio,
    nstar_generation: run.thresholds.nstar,
    seconds: run.seconds,
  }));
}

export function summaryRows(result: SweepResult): Record<string, Cell>[] {
  return (result.summaries ?? []).map((s) => {
    const row: Record<string, Cell> = {
      point: s.point,
      ...s.values,
      paradigm: s.paradigm,
      contamination: s.contamination,
      failed: s.failed,
    };
    for (const t of THRESHOLD_NAMES) {
      const o = s.outcomes[t];
      Object.assign(row, {
        [`${t}_runs`]: o.runs,
        [`${t}_reached`]: o.reached,
        [`${t}_median`]: o.median,
        [`${t}_p10`]: o.p10,
        [`${t}_p90`]: o.p90,
        [`${t}_law`]: o.law === null ? null : Math.round(o.law * 100) / 100,
      });
    }
    return row;
  });
}
