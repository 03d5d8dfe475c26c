/**
 * Closed forms drawn beside the count model's curves (docs/SCIENCE.md), each a plain function
 * of the setting. n counts generations; M training tokens, m generated tokens, N0 real tokens.
 * The biased-drift forms are in drift-forms.ts.
 */

/**
 * Mean real share after n generations of replace: gamma + (1 - gamma)(1 - lambda)^n (gamma = 0:
 * (1 - lambda)^n). Each removal takes a random share lambda of the corpus, so a run's share is
 * random around it.
 */
export function realWeightReplace(n: number, lambda: number, realShareKept = 0): number {
  return realShareKept + (1 - realShareKept) * (1 - lambda) ** n;
}

/** Real share after n generations of accumulate(-subsample): N0 / (N0 + n m); -> 0 for any m >= 1. */
export function realWeightAccumulate(n: number, realTokens: number, generatedTokens: number): number {
  return realTokens / (realTokens + n * generatedTokens);
}

/**
 * Real share of the fresh-data corpus after n generations: (N0 + n k) / (N0 + n (k + m)). It
 * falls from 1 toward k / (k + m), and stays above it.
 */
export function realWeightFreshData(
  n: number,
  realTokens: number,
  freshRealTokens: number,
  generatedTokens: number,
): number {
  return (realTokens + n * freshRealTokens) / (realTokens + n * (freshRealTokens + generatedTokens));
}

/**
 * Expected collision probability of a fully synthetic unigram chain (no smoothing, plain
 * decoding). One multinomial of size M keeps E[1 - S] times (1 - 1/M), exactly, so
 * 1 - S_n = (1 - 1/M)^n (1 - S_0) when each model is the MLE of M tokens of the previous one.
 * stageSizes lists the sample sizes drawn per generation: [M] for that chain; [M, m] for the
 * recursion that samples M training tokens from a corpus of m generated tokens.
 */
export function expectedCollision(
  n: number,
  initialCollision: number,
  stageSizes: readonly number[],
): number {
  let keep = 1;
  for (const size of stageSizes) keep *= 1 - 1 / size;
  return 1 - keep ** n * (1 - initialCollision);
}

/**
 * Per-generation factor of E[1 - S] of the replace corpus (N tokens, m of them swapped each
 * generation) when the removed tokens are drawn at random without replacement. Token counts x
 * of one symbol move by -h + g, with h ~ Hypergeometric(N, x, m) removed and g ~ Bin(m, p)
 * written by the model: their variances add, m q(1 - q)(N - m)/(N - 1) and m q(1 - q) when the
 * model is the corpus law q (m q(1 - q)[(1 - 1/M) + m/M] when it fits M tokens drawn from it),
 * so 1 - S shrinks by 1 - [m (N - m)/(N - 1) + m] / N^2 per generation. Removing the expected
 * share instead would keep only the second term: about half the drift. lambda = 1 gives 1 - 1/N
 * (with a sample: (1 - 1/M)(1 - 1/N)), the fully synthetic chain.
 */
export function replaceCollisionKeep(
  corpusTokens: number,
  generatedTokens: number,
  trainingTokens = Infinity,
): number {
  const n = corpusTokens;
  const m = generatedTokens;
  const removal = n > 1 ? (m * (n - m)) / (n - 1) : 0;
  const writing = Number.isFinite(trainingTokens)
    ? m * (1 - 1 / trainingTokens) + (m * m) / trainingTokens
    : m;
  return 1 - (removal + writing) / (n * n);
}

/**
 * E[S] of the n-th replace model (n >= 1), fitted on the corpus after n - 1 write-backs:
 * 1 - S_n = f keep^(n - 1) (1 - S_c), with S_c the collision of the starting corpus, keep from
 * replaceCollisionKeep, f = 1 when the model is the corpus law and 1 - 1/M when it fits M tokens.
 */
export function expectedCollisionReplace(
  n: number,
  corpusCollision: number,
  corpusTokens: number,
  generatedTokens: number,
  trainingTokens = Infinity,
): number {
  const keep = replaceCollisionKeep(corpusTokens, generatedTokens, trainingTokens);
  const first = Number.isFinite(trainingTokens) ? 1 - 1 / trainingTokens : 1;
  return 1 - first * keep ** (n - 1) * (1 - corpusCollision);
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

/**
 * Generations n at which the mean total variation between p0 and a neutral corpus law reaches
 * `level`, in the small-drift (Gaussian) approximation. Each frequency of such a martingale has
 * variance p(1 - p)(1 - keep^n) after n generations, exactly (keep: the factor of E[1 - S] per
 * generation), and a normal deviation of standard deviation sd has E|x| = sqrt(2/pi) sd, so
 * E TV ~ sqrt((1 - keep^n) / (2 pi)) sum_i sqrt(p_i (1 - p_i)). Solved for n (not rounded):
 * ln(1 - 2 pi level^2 / (sum_i sqrt(p_i (1 - p_i)))^2) / ln(keep), about 1 / (1 - keep) times a
 * constant of the law, so ~ 1 / lambda under replace. Infinity where the approximation cannot
 * reach the level. It ignores symbols that die out, so it runs a little late for large levels.
 */
export function neutralDriftTime(law: ArrayLike<number>, keep: number, level: number): number {
  let spread = 0;
  for (let i = 0; i < law.length; i++) spread += Math.sqrt(law[i] * (1 - law[i]));
  const need = (2 * Math.PI * level * level) / (spread * spread);
  if (!(need < 1) || !(keep < 1)) return Infinity;
  return Math.log1p(-need) / Math.log(keep);
}

/** A closed form as a curve over generations 0..G, for charts. */
export function curve(generations: number, f: (n: number) => number): Float64Array {
  return Float64Array.from({ length: generations + 1 }, (_, n) => f(n));
}
