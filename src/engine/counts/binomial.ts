/**
 * Exact binomial and multinomial draws for the count model.
 *
 * The unigram recursion draws two multinomials per generation (training sample, generated
 * text); drawing them token by token would cost M categorical draws. Instead a multinomial is
 * K conditional binomials, and each binomial costs O(1) expected time:
 * - n*min(p, 1-p) < 10: sequential inversion of the pmf (one uniform, at most ~30 steps);
 * - otherwise: Hormann's BTRS transformed rejection with squeeze (W. Hormann, "The generation
 *   of binomial random variates", J. Stat. Comput. Simul. 46, 1993), the variant TensorFlow
 *   uses. The acceptance test compares against the exact log-pmf ratio written with Stirling
 *   series tails, so the draw is exact up to that series' truncation (relative error of the
 *   acceptance ratio below 1e-10): no normal or Poisson approximation anywhere. Exactness
 *   matters: fixation probabilities and the collision recursion are tested against theory.
 */
import type { Rng } from '../rng';

/** log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(sqrt(2 pi))]: the Stirling series tail. */
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/** Inversion for small n*p (p <= 0.5): walk the pmf from 0 with its ratio recursion. */
function binomialInversion(n: number, p: number, rng: Rng): number {
  const q = 1 - p;
  const ratio = p / q;
  let f = Math.exp(n * Math.log1p(-p)); // P(X = 0) = q^n, >= e^-20 here, no underflow
  let u = rng.next();
  let k = 0;
  while (u >= f && k < n) {
    u -= f;
    k++;
    f *= (ratio * (n - k + 1)) / k;
  }
  return k;
}

/** BTRS for n*p >= 10 (p <= 0.5). */
function binomialBtrs(n: number, p: number, rng: Rng): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const mode = Math.floor((n + 1) * p);
  const logH =
    (mode + 0.5) * Math.log((mode + 1) / (r * (n - mode + 1))) + stirlingTail(mode) + stirlingTail(n - mode);
  for (;;) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    // Squeeze: inside this box the hat and the pmf agree closely enough to accept at once.
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || k > n) continue;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      logH +
      (n + 1) * Math.log((n - mode + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/** One Binomial(n, p) draw; n a non-negative integer, p in [0, 1]. */
export function sampleBinomial(n: number, p: number, rng: Rng): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(n, 1 - p, rng);
  return n * p < 10 ? binomialInversion(n, p, rng) : binomialBtrs(n, p, rng);
}

/**
 * Multinomial(n, law) as counts, by conditional binomials: count_i ~ Bin(n_left, p_i / mass_left).
 * law need not be normalised. Symbols with weight 0 always get 0 (absorbing states stay
 * absorbing, top-k exclusions stay excluded). The remaining mass is a suffix sum computed up
 * front rather than by subtraction, so the last positive symbol gets exactly the rest.
 */
export function sampleMultinomial(
  n: number,
  law: ArrayLike<number>,
  rng: Rng,
  out: Float64Array = new Float64Array(law.length),
  suffixScratch: Float64Array = new Float64Array(law.length + 1),
): Float64Array {
  const k = law.length;
  suffixScratch[k] = 0;
  for (let i = k - 1; i >= 0; i--) suffixScratch[i] = suffixScratch[i + 1] + (law[i] > 0 ? law[i] : 0);
  if (!(suffixScratch[0] > 0)) throw new RangeError('sampleMultinomial needs a law with positive mass');
  let left = n;
  for (let i = 0; i < k; i++) {
    const p = law[i];
    if (left === 0 || !(p > 0)) {
      out[i] = 0;
      continue;
    }
    const ratio = p / suffixScratch[i];
    const x = ratio >= 1 ? left : sampleBinomial(left, ratio, rng);
    out[i] = x;
    left -= x;
  }
  return out;
}
