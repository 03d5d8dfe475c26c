/**
 * Summaries over seeds of "generations until the threshold", where a run that never got there
 * is right-censored: it would have crossed later than its last generation, not never. Censored
 * runs count as +infinity in the order statistics, so a median is known as soon as more than half
 * the seeds crossed, and a quantile that falls among censored runs is null ("later than the
 * run lasted"), never a number made up from the runs that happened to be fast. Pure.
 */

/**
 * Quantile q of ascending values, linear between order statistics (numpy's default, and
 * theory mode's quantileOfSorted), with +infinity allowed: any weight on an infinite neighbour
 * makes the result infinite. NaN for no values.
 */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const w = h - lo;
  if (w === 0 || lo === hi) return sorted[lo];
  if (!Number.isFinite(sorted[lo]) || !Number.isFinite(sorted[hi])) return Infinity;
  return sorted[lo] + w * (sorted[hi] - sorted[lo]);
}

export interface OutcomeSummary {
  /** Seeds that finished their generations (or crossed before failing): the ones counted. */
  runs: number;
  /** Of those, how many crossed the threshold. */
  reached: number;
  /** Generations until the threshold over seeds: null where the quantile falls among censored runs. */
  median: number | null;
  p10: number | null;
  p90: number | null;
}

/** One run's outcome: the generation it crossed at, or `null` with whether it ran to the end. */
export interface RunOutcome {
  generation: number | null;
  /** The run finished all its generations (a null is then censored, not missing). */
  complete: boolean;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Median and 10th-90th percentile over seeds. A run that crossed counts whether or not it
 * finished; one that neither crossed nor finished (it failed) says nothing and is left out.
 */
export function summarizeOutcomes(outcomes: readonly RunOutcome[]): OutcomeSummary {
  const values = outcomes
    .filter((o) => o.generation !== null || o.complete)
    .map((o) => o.generation ?? Infinity)
    .sort((a, b) => a - b);
  const reached = values.filter(Number.isFinite).length;
  const at = (q: number) => (values.length === 0 ? null : finiteOrNull(quantileOfSorted(values, q)));
  return { runs: values.length, reached, median: at(0.5), p10: at(0.1), p90: at(0.9) };
}
