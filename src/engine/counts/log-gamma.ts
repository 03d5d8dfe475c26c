/**
 * log Gamma(x) and log k!, for the exact hypergeometric draw (hypergeometric.ts) and the
 * mean-field drift products (closed-forms.ts). Stirling's series with five correction terms,
 * after the recurrence Gamma(x + 1) = x Gamma(x) has moved the argument to x >= 10: the first
 * term left out is below 1e-13 there, so differences of these logs keep ~12 digits.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log Gamma(x) for x > 0. */
export function lnGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`lnGamma needs a finite x > 0, got ${x}`);
  let product = 1;
  while (x < 10) {
    product *= x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - Math.log(product);
}

/** log k! by summation up to here: the hypergeometric draw looks small ones up many times. */
const TABLE_SIZE = 256;
const LOG_FACTORIAL = new Float64Array(TABLE_SIZE);
for (let k = 2; k < TABLE_SIZE; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);

/** log k! for an integer k >= 0. */
export function logFactorial(k: number): number {
  return k < TABLE_SIZE ? LOG_FACTORIAL[k] : lnGamma(k + 1);
}
