/**
 * Which generations a long run records. Every generation of a 10,000 x 50 run would make
 * run.json hundreds of megabytes; the curves change fast early and slowly late, so the
 * first ones are kept one by one and the rest on a log scale (what a log-x chart needs).
 */

/** Generations recorded one by one. */
export const DENSE_GENERATIONS = 100;
/** Log-spaced points after the dense part. */
export const LOG_SPACED_POINTS = 200;

/** Sorted, distinct generations in [0, last]: all of 0..100, then ~200 log-spaced up to last (included). */
export function recordedGenerations(
  last: number,
  dense = DENSE_GENERATIONS,
  logPoints = LOG_SPACED_POINTS,
): number[] {
  if (!Number.isInteger(last) || last < 0)
    throw new RangeError(`last generation must be an integer >= 0, got ${last}`);
  const out: number[] = [];
  for (let g = 0; g <= Math.min(last, dense); g++) out.push(g);
  if (last <= dense) return out;
  const from = Math.log(dense);
  const to = Math.log(last);
  for (let i = 1; i <= logPoints; i++) {
    const g = Math.round(Math.exp(from + ((to - from) * i) / logPoints));
    if (g > out[out.length - 1]) out.push(g);
  }
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

export function describeRecording(recorded: readonly number[], last: number): string {
  if (recorded.length === last + 1) return `every generation 0..${last}`;
  return `generations 0..${DENSE_GENERATIONS} one by one, then ${recorded.length - DENSE_GENERATIONS - 1} log-spaced up to ${last} (recordedGenerations lists them)`;
}
