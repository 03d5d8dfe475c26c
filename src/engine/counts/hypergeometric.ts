/**
 * Exact hypergeometric draws: how many tokens of each kind leave a corpus when n of its tokens
 * are removed uniformly at random without replacement (the replace paradigm's write-back).
 *
 * One draw costs O(1) expected time, as the binomial's (binomial.ts):
 * - mean < 10 (after the symmetries below): inversion of the pmf from 0 with its ratio
 *   recursion, starting from P(0) computed with log-factorials;
 * - otherwise Stadlober's ratio-of-uniforms with the "table mountain" hat (HRUA: E. Stadlober,
 *   "The ratio of uniforms approach for generating discrete random variates", J. Comput. Appl.
 *   Math. 31, 1990), as numpy draws it. The acceptance test compares exact log-pmf ratios, so
 *   the draw is exact up to the log-factorials' rounding: no normal approximation anywhere.
 * A multivariate draw is one conditional univariate draw per category.
 */
import type { Rng } from '../rng';
import { logFactorial } from './log-gamma';

/** Below this mean the inversion walks a few steps; above it HRUA accepts in ~1.3 tries. */
const INVERSION_MEAN = 10;
/** Stadlober's constants: 2 sqrt(2/e) and 3 - 2 sqrt(3/e). */
const D1 = 1.7155277699214135;
const D2 = 0.8989161620588988;

/** log of the unnormalised pmf: the terms of P(k) that depend on k. */
function logWeight(k: number, good: number, bad: number, draws: number): number {
  return logFactorial(k) + logFactorial(good - k) + logFactorial(draws - k) + logFactorial(bad - draws + k);
}

/** good <= bad and draws <= total / 2, mean draws * good / total < INVERSION_MEAN. */
function inversion(total: number, good: number, draws: number, rng: Rng): number {
  const bad = total - good;
  // P(0) = C(bad, draws) / C(total, draws); bad >= draws since both sides are at most total / 2.
  let f = Math.exp(
    logFactorial(bad) + logFactorial(total - draws) - logFactorial(bad - draws) - logFactorial(total),
  );
  let u = rng.next();
  let k = 0;
  const top = Math.min(good, draws);
  while (u >= f && k < top) {
    u -= f;
    f *= ((good - k) * (draws - k)) / ((k + 1) * (bad - draws + k + 1));
    k++;
  }
  return k;
}

/** good <= bad and draws <= total / 2 (numpy's random_hypergeometric_hrua). */
function hrua(total: number, good: number, draws: number, rng: Rng): number {
  const bad = total - good;
  const p = good / total;
  const q = bad / total;
  const mu = draws * p;
  const a = mu + 0.5;
  const variance = ((total - draws) * draws * p * q) / (total - 1);
  const c = Math.sqrt(variance + 0.5);
  const h = D1 * c + D2;
  const mode = Math.floor(((draws + 1) * (good + 1)) / (total + 2));
  const g = logWeight(mode, good, bad, draws);
  // Past 16 standard deviations the pmf is far below double precision: the hat stops there.
  const b = Math.min(Math.min(draws, good) + 1, Math.floor(a + 16 * c));
  for (;;) {
    const u = rng.next();
    const v = rng.next();
    const x = a + (h * (v - 0.5)) / u;
    if (x < 0 || x >= b) continue;
    const k = Math.floor(x);
    const t = g - logWeight(k, good, bad, draws);
    if (u * (4 - u) - 3 <= t) return k; // squeeze: accept at once
    if (u * (u - t) >= 1) continue; // squeeze: reject at once
    if (2 * Math.log(u) <= t) return k;
  }
}

/**
 * Tokens of one kind among `draws` taken without replacement from `total` tokens, `good` of
 * which are of that kind. All three are non-negative integers with good, draws <= total.
 */
export function sampleHypergeometric(total: number, good: number, draws: number, rng: Rng): number {
  if (draws <= 0 || good <= 0) return 0;
  if (good >= total) return draws;
  if (draws >= total) return good;
  // Reduce to the rarer kind and the smaller side of the split, then map back.
  const flipKind = good > total - good;
  const flipSide = draws > total - draws;
  const g = flipKind ? total - good : good;
  const n = flipSide ? total - draws : draws;
  let k = (n * g) / total < INVERSION_MEAN ? inversion(total, g, n, rng) : hrua(total, g, n, rng);
  if (flipKind) k = n - k;
  if (flipSide) k = good - k;
  return k;
}

/**
 * How many of `draws` tokens, taken without replacement from an urn with counts[i] tokens of
 * each kind i (non-negative integers), are of each kind: count_i ~ Hypergeometric(tokens left,
 * counts[i], draws left), one kind after the other. The counts sum to `draws` exactly.
 */
export function sampleMultivariateHypergeometric(
  draws: number,
  counts: ArrayLike<number>,
  rng: Rng,
  out: Float64Array = new Float64Array(counts.length),
): Float64Array {
  let left = 0;
  for (let i = 0; i < counts.length; i++) left += counts[i];
  if (!(draws >= 0 && draws <= left))
    throw new RangeError(`cannot draw ${draws} tokens from an urn of ${left}`);
  let toDraw = draws;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (toDraw === 0 || c <= 0) {
      out[i] = 0;
      continue;
    }
    const x = c >= left ? toDraw : sampleHypergeometric(left, c, toDraw, rng);
    out[i] = x;
    toDraw -= x;
    left -= c;
  }
  return out;
}
