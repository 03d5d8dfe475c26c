/**
 * Biased errors (docs/SCIENCE.md, "Biased errors, mean field"): when every refit moves the law by a
 * systematic map B instead of a zero-mean error, the corpus drifts from p0 toward B's fixed
 * point t. The mean-field forms (counts/drift-forms.ts) start as the first-order lambda n b
 * (replace) and b ln(1 + n m / N0) (accumulate-subsample) and saturate at D = TV(p0, t).
 *
 * Which B. The count model's systematic errors are add-alpha smoothing and decoding
 * (temperature, top-k, top-p): B(q) = decode(smooth(q)), smooth(q) = (T q + alpha) / (T + alpha V)
 * for a fit on T tokens. b = TV(p0, B(p0)) is the distance one refit moves the law from where it
 * starts, in the unit of the simulated `tv` band, so the curves can be laid over it.
 * - Smoothing alone: B(q) = (1 - beta) q + beta u, linear, t = u (uniform), b = beta D, and the
 *   mean-field forms are exact for the mean law.
 * - Top-k / top-p at temperature 1: B maps every law between p0 and t = B(p0) onto t, beta = 1,
 *   exact too.
 * - A temperature other than 1: B is not linear; t is found by iterating B, and beta = b / D
 *   fits the first step and the limit.
 */
import type { Paradigm } from '../config/schema';
import {
  biasedDriftAccumulateSubsample,
  biasedDriftGrowing,
  biasedDriftReplace,
  modelDrift,
} from '../counts/drift-forms';
import { decodeProbabilities } from '../decoding';
import { isPlainDecoding } from './neutral-chain';
import type { ChainTokens, TheoryFormulas } from '../record';

function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
  return 0.5 * sum;
}

/** Tokens one refit counts: M when it samples, else the corpus (N0 at the start, its largest share of smoothing). */
export function fitTokens(t: ChainTokens): number {
  return t.trainingTokens ?? t.corpusTokens;
}

/** Iterations of B to find its fixed point when it is not known in closed form. */
const TARGET_ITERATIONS = 10_000;

export interface BiasMap {
  /** b = TV(p0, B(p0)). */
  bias: number;
  /** D = TV(p0, t), t the fixed point of B the drift saturates at. */
  limit: number;
  target: string;
}

/** b and D of the systematic map B = decode(smooth(.)) of a fit on `fitTokens(t)` tokens. */
export function biasMap(t: ChainTokens, initialLaw: ArrayLike<number>): BiasMap {
  const symbols = initialLaw.length;
  const tokens = fitTokens(t);
  const plain = isPlainDecoding(t.decoding, symbols);
  const apply = (q: ArrayLike<number>) => {
    const smoothed = Float64Array.from(q, (p) => (tokens * p + t.alpha) / (tokens + t.alpha * symbols));
    return plain ? smoothed : decodeProbabilities(smoothed, t.decoding);
  };
  const first = apply(initialLaw);
  const bias = totalVariation(initialLaw, first);
  if (plain) {
    const uniform = new Float64Array(symbols).fill(1 / symbols);
    return {
      bias,
      limit: t.alpha > 0 ? totalVariation(initialLaw, uniform) : 0,
      target: 'the uniform law (smoothing)',
    };
  }
  let law: ArrayLike<number> = first;
  for (let i = 0; i < TARGET_ITERATIONS; i++) {
    const next = apply(law);
    const change = totalVariation(law, next);
    law = next;
    if (change < 1e-13) break;
  }
  return {
    bias,
    limit: Math.max(bias, totalVariation(initialLaw, law)),
    target: 'the fixed point of decoding and smoothing, found by iterating them',
  };
}

/** The model of generation n >= 1 learns B of its training law: the corpus after n - 1 write-backs. */
function thisParadigm(paradigm: Paradigm, t: ChainTokens, b: number, d: number) {
  const m = t.generatedTokens;
  const n0 = t.realTokens;
  const growing = (fresh: number) => (n: number) =>
    modelDrift(biasedDriftGrowing(n - 1, n0, m, fresh, b, d), b, d);
  switch (paradigm) {
    case 'replace': {
      const lambda = t.lambda ?? 1;
      const g = t.realKept;
      const at = (n: number) => modelDrift((1 - g) * biasedDriftReplace(n - 1, lambda, b, d, g), b, d);
      return {
        at,
        formula:
          g > 0
            ? 'D (1 - (1 - beta)(1 - (1 - gamma) s_(n-1))), s_n = beta (1 - rho^n) / (beta + gamma - beta gamma), rho = 1 - lambda (beta + gamma - beta gamma), beta = b / D: real data kept holds it below D'
            : 'D (1 - (1 - beta)(1 - lambda beta)^(n - 1)), beta = b / D: about lambda n b at first, saturating at D',
      };
    }
    case 'accumulate':
      return {
        at: growing(0),
        formula:
          'D (1 - (1 - beta) prod_(j<n) (1 - beta m / (N0 + j m))), beta = b / D, an upper bound: fitting the whole growing corpus shrinks the smoothing share as it grows',
      };
    case 'accumulate-subsample':
      return {
        at: growing(0),
        formula:
          'D (1 - (1 - beta) prod_(j<n) (1 - beta m / (N0 + j m))), beta = b / D: about b ln(1 + n m / N0) at first, saturating at D',
      };
    case 'fresh-data':
      return {
        at: growing(t.freshRealTokens),
        formula:
          'D (1 - (1 - beta)(1 - s_(n-1))), s_n = s* (1 - prod_(j<=n) (1 - (k + m beta) / (N0 + j (k + m)))), s* = m beta / (k + m beta): fresh real data holds it at D s*',
      };
  }
}

export function biasedDriftFormulas(
  paradigm: Paradigm,
  t: ChainTokens,
  initialLaw: ArrayLike<number>,
  recorded: readonly number[],
): TheoryFormulas['biasedDrift'] {
  const { bias: b, limit: d, target } = biasMap(t, initialLaw);
  if (!(b > 1e-15)) {
    return {
      bias: 0,
      reason:
        'no smoothing and plain decoding: every error is zero-mean (the law is a martingale), so there is no biased drift',
    };
  }
  const lambda = Math.min(1, t.lambda ?? t.generatedTokens / t.realTokens);
  const own = thisParadigm(paradigm, t, b, d);
  const atModel = (f: (n: number) => number) => recorded.map((n) => (n === 0 ? 0 : f(n)));
  return {
    bias: b,
    limit: d,
    biasDefinition: `b = TV(p0, decode(smooth(p0))), smoothing (T p + alpha) / (T + alpha V) with T = ${fitTokens(t)} tokens per fit; D = TV(p0, t), t = ${target}`,
    replace: atModel((n) => modelDrift(biasedDriftReplace(n - 1, lambda, b, d), b, d)),
    accumulateSubsample: atModel((n) =>
      modelDrift(biasedDriftAccumulateSubsample(n - 1, t.realTokens, t.generatedTokens, b, d), b, d),
    ),
    thisParadigm: { paradigm, formula: own.formula, values: atModel(own.at) },
    note: 'mean field, in TV units (compare with the tv band): the law the n-th model learns when the sampling noise is left out; it saturates at D, the distance from p0 to the fixed point of the biased map',
  };
}
