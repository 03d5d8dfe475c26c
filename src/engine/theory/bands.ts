/** Median / 10th / 90th percentile bands over runs, the shape every theory chart reads. */
import { quantileOfSorted } from '../counts/many-runs';
import type { Band } from '../record';

/** JSON has no NaN or Infinity: such a value becomes null. */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Band of values laid out [point * runs + run]: per point, quantiles of its finite values
 * (a point where no run has a finite value gets null). Sorts the slices in place.
 */
export function bandOf(values: Float64Array, points: number, runs: number): Band {
  const band: Band = { mean: [], median: [], p10: [], p90: [] };
  for (let i = 0; i < points; i++) {
    const slice = values.subarray(i * runs, (i + 1) * runs).sort(); // typed sort: numeric, NaN last
    let finite = slice.length;
    while (finite > 0 && !Number.isFinite(slice[finite - 1])) finite--;
    let start = 0;
    while (start < finite && !Number.isFinite(slice[start])) start++; // -Infinity first
    const kept = slice.subarray(start, finite);
    band.mean.push(kept.length ? kept.reduce((s, x) => s + x, 0) / kept.length : null);
    band.median.push(kept.length ? quantileOfSorted(kept, 0.5) : null);
    band.p10.push(kept.length ? quantileOfSorted(kept, 0.1) : null);
    band.p90.push(kept.length ? quantileOfSorted(kept, 0.9) : null);
  }
  return band;
}
