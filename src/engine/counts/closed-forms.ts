/**
 * Closed forms drawn beside the count model's curves (SCIENCE.md), each a plain function of
 * the setting. n counts generations; M training tokens, m generated tokens, N0 real tokens.
 */

/** Real share after n generations of replace: gamma + (1 - gamma)(1 - lambda)^n (gamma = 0: (1 - lambda)^n). */
export function realWeightReplace(n: number, lambda: number, realShareKept = 0): number {
  return realShareKept + (1 - realShareKept) * (1 - lambda) ** n;
}

/** Real share after n generations of accumulate(-subsample): N0 / (N0 + n m); -> 0 for any m >= 1. */
export function realWeightAccumulate(n: number, realTokens: number, generatedTokens: number): number {
  return realTokens / (realTokens + n * generatedTokens);
}

/** Real share of the fresh-data corpus from generation 1 on: k / (k + m); it never decays. */
export function realWeightFreshData(freshRealTokens: number, generatedTokens: number): number {
  return freshRealTokens / (freshRealTokens + generatedTokens);
}

/**
 * Expected collision probability of a fully synthetic unigram chain (no smoothing, plain
 * decoding). One multinomial of size M keeps E[1 - S] times (1 - 1/M), exactly, so
 * 1 - S_n = (1 - 1/M)^n (1 - S_0) when each model is the MLE of M tokens of the previous one.
 * stageSizes lists the sample sizes drawn per generation: [M] for that chain; [M, m] for the
 * recursion that samples M training tokens from a corpus of m generated tokens.
 */
export function expectedCollision(n: number, initialCollision: number, stageSizes: readonly number[]): number {
  let keep = 1;
  for (const size of stageSizes) keep *= 1 - 1 / size;
  return 1 - keep ** n * (1 - initialCollision);
}

/** Collision probability sum p^2 of a law. */
export function collisionOf(law: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < law.length; i++) s += law[i] * law[i];
  return s;
}

/**
 * Fixation probabilities of the neutral (martingale) chain: symbol i fixes with probability
 * equal to its initial frequency (neutral Wright-Fisher; Shumailov et al.'s discrete theorem).
 * Exact for any sample sizes, as long as every step is unbiased (no smoothing, temperature 1,
 * no top-k / top-p) and no real data re-enters.
 */
export function fixationProbabilities(initialLaw: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < initialLaw.length; i++) total += initialLaw[i];
  return Float64Array.from(initialLaw, (p) => p / total);
}

/**
 * Effective sample size of a generation made of several unbiased multinomial stages: the N
 * whose single stage loses the same expected diversity, 1 / (1 - prod (1 - 1/size)).
 * For [M, m] it is close to 1 / (1/M + 1/m).
 */
export function effectiveSampleSize(stageSizes: readonly number[]): number {
  let keep = 1;
  for (const size of stageSizes) keep *= 1 - 1 / size;
  return 1 / (1 - keep);
}

function xLogX(x: number): number {
  return x > 0 ? x * Math.log(x) : 0;
}

/**
 * Mean generations until one symbol is fixed, from initial law p with effective sample size N:
 * -2N sum_i (1 - p_i) ln(1 - p_i) (Littler 1975; Ewens, Mathematical Population Genetics,
 * with the haploid scaling 2N -> N). For two symbols it is the classic
 * -2N [p ln p + (1 - p) ln(1 - p)]. A diffusion approximation: good for N >~ 20 and initial
 * frequencies not of order 1/N; it is not exact for the discrete chain.
 */
export function meanFixationTime(initialLaw: ArrayLike<number>, effectiveSize: number): number {
  const p = fixationProbabilities(initialLaw);
  let sum = 0;
  for (const pi of p) sum += xLogX(1 - pi);
  return -2 * effectiveSize * sum;
}

/** Two symbols: mean absorption time -2N [p ln p + (1 - p) ln(1 - p)] (diffusion approximation). */
export function meanAbsorptionTimeTwoSymbols(p: number, effectiveSize: number): number {
  return -2 * effectiveSize * (xLogX(p) + xLogX(1 - p));
}

/**
 * Mean generations until a symbol of initial frequency p goes extinct, given that it does:
 * -2N p ln p / (1 - p) (Kimura & Ohta 1969, haploid scaling; diffusion approximation).
 */
export function meanConditionalExtinctionTime(p: number, effectiveSize: number): number {
  return p >= 1 ? Infinity : (-2 * effectiveSize * xLogX(p)) / (1 - p);
}

/** Biased error b per generation under replace: drift ~ lambda n b (linear, unbounded). */
export function biasedDriftReplace(n: number, lambda: number, bias: number): number {
  return lambda * n * bias;
}

/** Biased error b under accumulate-subsample: drift ~ b ln(1 + n m / N0) (slow, unbounded). */
export function biasedDriftAccumulateSubsample(
  n: number,
  realTokens: number,
  generatedTokens: number,
  bias: number,
): number {
  return bias * Math.log(1 + (n * generatedTokens) / realTokens);
}

/** A closed form as a curve over generations 0..G, for charts. */
export function curve(generations: number, f: (n: number) => number): Float64Array {
  return Float64Array.from({ length: generations + 1 }, (_, n) => f(n));
}
