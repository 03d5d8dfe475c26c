/**
 * Time to collapse against contamination (the paper's central result): for each share lambda of
 * the corpus that generated text takes per generation, how many generations until the corpus
 * the models learn from has drifted a total variation D from the real law, and until real text
 * is under a share s of it, over R seeds (median and 10-90% band), with the law each time is
 * predicted by:
 * - replace, unbiased (the neutral chain): the real share falls like (1 - lambda)^n, so it is
 *   under s after ln s / ln(1 - lambda) ~ ln(1/s) / lambda generations ((ln 2)/lambda for s = 1/2);
 *   the drift is diffusion with E[1 - S] shrinking by keep = 1 - [m (N - m)/(N - 1) + m]/N^2 a
 *   generation, so TV reaches D after a number of generations ~ 1 / (1 - keep) ~ N / (lambda (2 - lambda))
 *   (closed-forms.ts, neutralDriftTime): ~ 1 / lambda.
 * - accumulate-subsample with a biased refit (smoothing toward uniform, first-step drift b): the
 *   real share N0 / (N0 + n m) is under s after (1/s - 1) N0 / m generations, but the drift grows
 *   like b ln(1 + n m / N0) and reaches D only after ~ (N0 / m)(e^(D/b) - 1) generations:
 *   ~ 1 / lambda too, times a factor exponential in D / b. The mean-field form
 *   (drift-forms.ts), which saturates at TV(p0, uniform), gives the prediction drawn.
 * lambda = m / N0 in both: the generated tokens per generation as a share of the real corpus.
 */
import { neutralDriftTime, replaceCollisionKeep } from '../counts/closed-forms';
import { biasedDriftAccumulateSubsample } from '../counts/drift-forms';
import { quantileOfSorted } from '../counts/many-runs';
import { initialCorpusCounts, UnigramChain, type UnigramChainConfig } from '../counts/unigram-chain';
import { createRng } from '../rng';

/** The paper's contamination levels. */
export const DEFAULT_SWEEP_LAMBDAS: readonly number[] = [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01];

export interface ContaminationSweepSettings {
  /** p0 (any non-negative weights; normalised). */
  initialLaw: ArrayLike<number>;
  /** N0: real tokens, the corpus size under replace. */
  realTokens: number;
  /** Shares lambda in (0, 1]; m = max(1, round(lambda N0)) tokens per generation. */
  lambdas: readonly number[];
  runs: number;
  seed: number | string;
  /** D: the total variation from p0 that counts as collapsed. */
  tvLevel: number;
  /** s: the real share that counts as used up. */
  realShareLevel: number;
  /** b: the first refit's drift of the biased accumulate-subsample scenario, in TV units. */
  bias: number;
  /** M: tokens each accumulate-subsample model fits. */
  trainingTokens: number;
  /** A run not past both thresholds by then is cut (its time counts as beyond the horizon). */
  maxGenerations: number;
}

export interface SweepOptions {
  signal?: AbortSignal;
  /** Runs finished over runs to do, all lambdas and both scenarios together. */
  onProgress?(done: number, total: number): void;
}

/** Generations until one threshold, over the runs of one lambda. */
export interface ThresholdTimes {
  /** Per run; null when the run did not get there within maxGenerations. */
  perRun: (number | null)[];
  /** Quantiles over runs; null when they lie beyond the horizon. */
  median: number | null;
  p10: number | null;
  p90: number | null;
  /** Runs that did not get there within maxGenerations. */
  censored: number;
  /** The law's prediction; null where it never gets there. */
  predicted: number | null;
}

export interface SweepPoint {
  /** The share asked for. */
  requested: number;
  /** lambda = m / N0, the share simulated (m is a whole number of tokens). */
  lambda: number;
  /** m: tokens written per generation (lambda = m / N0). */
  generatedTokens: number;
  tv: ThresholdTimes;
  realShare: ThresholdTimes;
}

export interface ContaminationSweep {
  settings: Omit<ContaminationSweepSettings, 'initialLaw'>;
  replace: SweepPoint[];
  accumulateSubsample: SweepPoint[];
  /** The biased scenario's smoothing, its bias b and where the drift saturates (D_max = TV(p0, uniform)). */
  biased: { alpha: number; bias: number; limit: number };
  laws: { replaceTv: string; replaceRealShare: string; accumulateTv: string; accumulateRealShare: string };
  runs: number;
  cancelled: boolean;
}

const YIELD_EVERY_MS = 30;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const totalVariation = (p: ArrayLike<number>, q: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
  return 0.5 * sum;
};

/** m for a share lambda of N0 real tokens. */
export const generatedTokensFor = (lambda: number, realTokens: number) =>
  Math.max(1, Math.min(realTokens, Math.round(lambda * realTokens)));

/** Replace: the mean real share (1 - lambda)^n is under s from n = ln s / ln(1 - lambda) on. */
export function predictReplaceRealShare(lambda: number, level: number): number {
  if (lambda >= 1) return 1;
  return Math.max(1, Math.ceil(Math.log(level) / Math.log1p(-lambda)));
}

/** Replace, neutral: the corpus' mean TV from p0 reaches D after neutralDriftTime generations. */
export function predictReplaceTv(
  law: ArrayLike<number>,
  realTokens: number,
  generatedTokens: number,
  level: number,
): number | null {
  const n = neutralDriftTime(law, replaceCollisionKeep(realTokens, generatedTokens), level);
  return Number.isFinite(n) ? n : null;
}

/** Accumulate: N0 / (N0 + n m) <= s from n = (1/s - 1) N0 / m on. */
export function predictAccumulateRealShare(
  realTokens: number,
  generatedTokens: number,
  level: number,
): number {
  return Math.max(1, Math.ceil(((1 / level - 1) * realTokens) / generatedTokens - 1e-9));
}

/** The paper's law for biased accumulate-subsample: b ln(1 + n m / N0) = D at n = (N0 / m)(e^(D/b) - 1). */
export function firstOrderAccumulateTv(
  realTokens: number,
  generatedTokens: number,
  bias: number,
  level: number,
): number {
  return (realTokens / generatedTokens) * Math.expm1(level / bias);
}

/**
 * Biased accumulate-subsample, mean field: the first generation n after which the corpus is a
 * distance D from p0 (biasedDriftAccumulateSubsample); null when D is at or past the saturation
 * level. The drift only grows with n: doubling, then bisection.
 */
export function predictAccumulateTv(
  realTokens: number,
  generatedTokens: number,
  bias: number,
  limit: number,
  level: number,
): number | null {
  const at = (n: number) => biasedDriftAccumulateSubsample(n, realTokens, generatedTokens, bias, limit);
  if (at(1) >= level) return 1;
  let hi = 2;
  while (at(hi) < level) {
    hi *= 2;
    if (hi > 1e15) return null;
  }
  let lo = hi / 2; // at(lo) < level <= at(hi)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid) >= level) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** alpha whose smoothing on M tokens over V symbols moves p0 by b: beta = b / D = alpha V / (M + alpha V). */
export function alphaForBias(bias: number, limit: number, trainingTokens: number, symbols: number): number {
  const beta = bias / limit;
  if (!(beta > 0 && beta < 1))
    throw new RangeError(
      `the bias b = ${bias} must lie strictly between 0 and TV(p0, uniform) = ${limit.toFixed(3)}`,
    );
  return (beta * trainingTokens) / (symbols * (1 - beta));
}

function thresholdTimes(perRun: (number | null)[], predicted: number | null): ThresholdTimes {
  const sorted = Float64Array.from(perRun, (t) => (t === null ? Infinity : t)).sort();
  const q = (p: number) => {
    const v = quantileOfSorted(sorted, p);
    return Number.isFinite(v) ? v : null;
  };
  return {
    perRun,
    median: q(0.5),
    p10: q(0.1),
    p90: q(0.9),
    censored: perRun.filter((t) => t === null).length,
    predicted,
  };
}

/**
 * One run: generations n until the corpus after n write-backs is a TV of D from p0, and until
 * its real share is under s. The corpus, not the latest model: a model fitted on M sampled
 * tokens adds fresh sampling noise every generation, and the first of thousands of noisy draws
 * to pass D would come long before the drift itself gets there.
 */
function timesOfRun(
  config: UnigramChainConfig,
  p0: Float64Array,
  s: ContaminationSweepSettings,
  seed: string,
): [number | null, number | null] {
  const chain = new UnigramChain(config, createRng(s.seed).split(seed));
  const law = new Float64Array(p0.length);
  let tv: number | null = null;
  let share: number | null = null;
  for (let n = 1; n <= s.maxGenerations && (tv === null || share === null); n++) {
    chain.step();
    if (tv === null && totalVariation(p0, chain.corpusLaw(law)) >= s.tvLevel) tv = n;
    if (share === null && chain.realWeight <= s.realShareLevel) share = n;
  }
  return [tv, share];
}

export function validateSweep(s: ContaminationSweepSettings): void {
  if (s.lambdas.length === 0) throw new RangeError('give at least one share lambda');
  for (const l of s.lambdas)
    if (!(l > 0 && l <= 1)) throw new RangeError(`every lambda must lie in (0, 1], got ${l}`);
  if (!Number.isInteger(s.runs) || s.runs < 1)
    throw new RangeError(`runs must be an integer >= 1, got ${s.runs}`);
  if (!(s.tvLevel > 0 && s.tvLevel < 1))
    throw new RangeError(`the total-variation level must lie in (0, 1), got ${s.tvLevel}`);
  if (!(s.realShareLevel > 0 && s.realShareLevel < 1))
    throw new RangeError(`the real-share level must lie in (0, 1), got ${s.realShareLevel}`);
  if (!Number.isInteger(s.maxGenerations) || s.maxGenerations < 1)
    throw new RangeError('maxGenerations must be an integer >= 1');
}

export async function runContaminationSweep(
  settings: ContaminationSweepSettings,
  options: SweepOptions = {},
): Promise<ContaminationSweep> {
  validateSweep(settings);
  const n0 = settings.realTokens;
  const symbols = settings.initialLaw.length;
  // The replace corpus is whole tokens; its law is p0 when N0 is D0's size.
  const p0 = initialCorpusCounts(settings.initialLaw, n0).map((c) => c / n0);
  const uniform = new Float64Array(symbols).fill(1 / symbols);
  const limit = totalVariation(p0, uniform);
  const alpha = alphaForBias(settings.bias, limit, settings.trainingTokens, symbols);
  const total = 2 * settings.lambdas.length * settings.runs;
  let done = 0;
  let lastYield = performance.now();
  let cancelled = false;

  async function sweep(
    scenario: 'replace' | 'accumulate-subsample',
    lambda: number,
  ): Promise<SweepPoint | null> {
    const m = generatedTokensFor(lambda, n0);
    const config: UnigramChainConfig =
      scenario === 'replace'
        ? {
            initialLaw: p0,
            paradigm: 'replace',
            corpusTokens: n0,
            generatedTokens: m,
            trainingTokens: n0,
            trainOnWholeCorpus: true,
          }
        : {
            initialLaw: p0,
            paradigm: 'accumulate-subsample',
            corpusTokens: n0,
            generatedTokens: m,
            trainingTokens: settings.trainingTokens,
            alpha,
          };
    const tv: (number | null)[] = [];
    const share: (number | null)[] = [];
    for (let r = 0; r < settings.runs; r++) {
      const [t, s] = timesOfRun(config, p0, settings, `${scenario}-${lambda}-run-${r}`);
      tv.push(t);
      share.push(s);
      options.onProgress?.(++done, total);
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
        if (options.signal?.aborted) return null;
      }
    }
    const exact = m / n0;
    return scenario === 'replace'
      ? {
          requested: lambda,
          lambda: exact,
          generatedTokens: m,
          tv: thresholdTimes(tv, predictReplaceTv(p0, n0, m, settings.tvLevel)),
          realShare: thresholdTimes(share, predictReplaceRealShare(exact, settings.realShareLevel)),
        }
      : {
          requested: lambda,
          lambda: exact,
          generatedTokens: m,
          tv: thresholdTimes(tv, predictAccumulateTv(n0, m, settings.bias, limit, settings.tvLevel)),
          realShare: thresholdTimes(share, predictAccumulateRealShare(n0, m, settings.realShareLevel)),
        };
  }

  const replace: SweepPoint[] = [];
  const accumulateSubsample: SweepPoint[] = [];
  for (const lambda of settings.lambdas) {
    for (const [scenario, out] of [
      ['replace', replace],
      ['accumulate-subsample', accumulateSubsample],
    ] as const) {
      const point = cancelled ? null : await sweep(scenario, lambda);
      if (point) out.push(point);
      else cancelled = true;
    }
  }
  const { initialLaw: _law, ...rest } = settings;
  return {
    settings: { ...rest, lambdas: [...settings.lambdas] },
    replace,
    accumulateSubsample,
    biased: { alpha, bias: settings.bias, limit },
    laws: {
      replaceTv:
        'ln(1 - 2 pi D^2 / (sum_i sqrt(p_i (1 - p_i)))^2) / ln(keep), keep = 1 - [m (N - m)/(N - 1) + m]/N^2: ~ 1 / lambda (diffusion, small-drift approximation)',
      replaceRealShare: 'ln s / ln(1 - lambda): (ln 2) / lambda for s = 1/2',
      accumulateTv:
        'mean field: first n with D_max (1 - prod_(j<=n) (1 - beta m / (N0 + j m))) >= D, beta = b / D_max; ~ (N0 / m)(e^(D/b) - 1) while D is small against D_max',
      accumulateRealShare: '(1/s - 1) N0 / m',
    },
    runs: settings.runs,
    cancelled,
  };
}
