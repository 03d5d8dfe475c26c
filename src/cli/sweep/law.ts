/**
 * The law beside the measurements. Under replace, a share lambda of the corpus is swapped for
 * generated text every generation, so the human share is (1 - lambda)^n ~ exp(-lambda n): it
 * halves every ln2 / lambda generations, and the time to any fixed degradation scales as
 * c / lambda. We fit c by least squares on log scale (log T = log c - log lambda: slope fixed at
 * -1, so log c is the mean of log T + log lambda) over the grid points whose median crossed.
 * For the other paradigms there is no such one-parameter prediction to test, so we report the
 * observed growth: a free power law T = a lambda^-b (least squares of log T on log lambda). The
 * free exponent is reported under replace too, as a check of the slope the law assumes. Pure.
 */

export interface LawPoint {
  /** Grid point index. */
  point: number;
  lambda: number;
  /** Median generations until the threshold over seeds; null: not reached by half the seeds. */
  median: number | null;
}

export interface InverseFit {
  c: number;
  /** Root mean square of log(T / (c / lambda)) over the fitted points. */
  logRms: number;
}

export interface PowerFit {
  prefactor: number;
  /** b in T = a lambda^-b: 1 is the replace law's slope; larger grows faster as lambda shrinks. */
  exponent: number;
  logRms: number;
}

export interface LawFit {
  /** Values of the axes other than contamination that this fit holds fixed. */
  group: Record<string, string | number | boolean>;
  paradigm: string;
  threshold: string;
  /** 'c/lambda' (replace: the predicted law) or 'a*lambda^-b' (elsewhere: the observed growth). */
  form: 'c/lambda' | 'a*lambda^-b';
  inverse: InverseFit | null;
  power: PowerFit | null;
  /** Grid points fitted, and grid points left out (median not reached, or at generation 0). */
  fitted: number[];
  leftOut: number[];
  /** The chosen form's value at every grid point of the group, by point index. */
  predicted: Record<number, number>;
}

/** Points a log-scale fit can use: a positive contamination and a median crossing after generation 0. */
const usable = (p: LawPoint): p is LawPoint & { median: number } =>
  p.lambda > 0 && p.median !== null && p.median > 0;

const rms = (xs: readonly number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);

/** T = c / lambda by least squares on log scale; null without a usable point. */
export function fitInverse(points: readonly LawPoint[]): InverseFit | null {
  const ok = points.filter(usable);
  if (ok.length === 0) return null;
  const logs = ok.map((p) => Math.log(p.median) + Math.log(p.lambda));
  const logC = logs.reduce((s, x) => s + x, 0) / logs.length;
  return { c: Math.exp(logC), logRms: rms(logs.map((x) => x - logC)) };
}

/** T = a lambda^-b by least squares of log T on log lambda; null without two distinct lambdas. */
export function fitPower(points: readonly LawPoint[]): PowerFit | null {
  const ok = points.filter(usable);
  const x = ok.map((p) => Math.log(p.lambda));
  const y = ok.map((p) => Math.log(p.median));
  const n = ok.length;
  if (n < 2) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
  if (sxx === 0) return null;
  const slope = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) / sxx;
  const intercept = my - slope * mx;
  return {
    prefactor: Math.exp(intercept),
    exponent: -slope,
    logRms: rms(y.map((v, i) => v - (intercept + slope * x[i]))),
  };
}

/** The fit of one group of grid points (same paradigm and other settings, contamination varying). */
export function fitGroup(
  group: LawFit['group'],
  paradigm: string,
  threshold: string,
  points: readonly LawPoint[],
): LawFit {
  const inverse = fitInverse(points);
  const power = fitPower(points);
  const form = paradigm === 'replace' ? 'c/lambda' : 'a*lambda^-b';
  const predicted: Record<number, number> = {};
  for (const p of points) {
    if (!(p.lambda > 0)) continue;
    if (form === 'c/lambda' && inverse) predicted[p.point] = inverse.c / p.lambda;
    if (form === 'a*lambda^-b' && power) predicted[p.point] = power.prefactor * p.lambda ** -power.exponent;
  }
  return {
    group,
    paradigm,
    threshold,
    form,
    inverse,
    power,
    fitted: points.filter(usable).map((p) => p.point),
    leftOut: points.filter((p) => !usable(p)).map((p) => p.point),
    predicted,
  };
}
