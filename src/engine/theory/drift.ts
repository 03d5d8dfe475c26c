/**
 * Biased errors (SCIENCE.md "closed form"): when every refit moves the law by a systematic b
 * instead of a zero-mean error, the corpus drifts from p0 ~ lambda n b under replace and
 * ~ b ln(1 + n m / N0) under accumulate-subsample: slow, but unbounded.
 *
 * Which b. The count model's systematic errors are add-alpha smoothing and decoding
 * (temperature, top-k, top-p). Their deterministic part is the map B(q) = decode(smooth(q)),
 * smooth(q) = (T q + alpha) / (T + alpha V) for a fit on T tokens. We take
 * b = TV(p0, B(p0)): the distance one refit moves the law from where it starts, in the same
 * unit as the simulated `tv` band, so the curves can be laid over it. For smoothing alone
 * B(q) = (1 - beta) q + beta u with beta = alpha V / (T + alpha V), so b = beta TV(p0, u):
 * the suggested alpha V / (M + alpha V) scaled to TV units. The first-order curves hold while
 * they are small; the true drift saturates at the distance from p0 to B's fixed point (uniform
 * for smoothing).
 */
import type { Paradigm } from '../config/schema';
import { biasedDriftAccumulateSubsample, biasedDriftReplace } from '../counts/closed-forms';
import { decodeProbabilities } from '../decoding';
import { isPlainDecoding } from './neutral-chain';
import type { ChainTokens, TheoryFormulas } from './record';

function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
  return 0.5 * sum;
}

/** Tokens one refit counts: M when it samples, else the corpus (N0 at the start, its largest share of smoothing). */
export function fitTokens(t: ChainTokens): number {
  return t.trainingTokens ?? t.corpusTokens;
}

/** b = TV(p0, decode(smooth(p0))) for a fit on `fitTokens(t)` tokens. */
export function biasPerGeneration(t: ChainTokens, initialLaw: ArrayLike<number>): number {
  const symbols = initialLaw.length;
  const tokens = fitTokens(t);
  const smoothed = Float64Array.from(initialLaw, (p) => (tokens * p + t.alpha) / (tokens + t.alpha * symbols));
  const decoded = isPlainDecoding(t.decoding, symbols) ? smoothed : decodeProbabilities(smoothed, t.decoding);
  return totalVariation(initialLaw, decoded);
}

function driftThisParadigm(paradigm: Paradigm, t: ChainTokens, b: number) {
  const m = t.generatedTokens;
  const n0 = t.realTokens;
  const lambda = t.lambda ?? 1;
  switch (paradigm) {
    case 'replace':
      if (t.realKept > 0) {
        // d_n = (1 - lambda gamma) d_{n-1} + lambda b: bounded by b / gamma.
        const g = t.realKept;
        return { formula: '(b / gamma)(1 - (1 - lambda gamma)^n): real data kept bounds it at b / gamma', at: (n: number) => (b / g) * (1 - (1 - lambda * g) ** n) };
      }
      return { formula: 'lambda n b', at: (n: number) => biasedDriftReplace(n, lambda, b) };
    case 'accumulate':
      return {
        formula: 'b ln(1 + n m / N0), an upper bound: fitting the whole growing corpus shrinks the smoothing share as it grows',
        at: (n: number) => biasedDriftAccumulateSubsample(n, n0, m, b),
      };
    case 'accumulate-subsample':
      return { formula: 'b ln(1 + n m / N0)', at: (n: number) => biasedDriftAccumulateSubsample(n, n0, m, b) };
    case 'fresh-data': {
      // d_n = r (d_{n-1} + b), r = m / (k + m): bounded by b m / k when fresh data enters.
      const r = m / (t.freshRealTokens + m);
      return {
        formula: 'b r (1 - r^n) / (1 - r), r = m / (k + m): bounded by b m / k (n b when k = 0)',
        at: (n: number) => (r < 1 ? (b * r * (1 - r ** n)) / (1 - r) : n * b),
      };
    }
  }
}

export function biasedDriftFormulas(
  paradigm: Paradigm,
  t: ChainTokens,
  initialLaw: ArrayLike<number>,
  recorded: readonly number[],
): TheoryFormulas['biasedDrift'] {
  const b = biasPerGeneration(t, initialLaw);
  if (!(b > 1e-15)) {
    return { bias: 0, reason: 'no smoothing and plain decoding: every error is zero-mean (the law is a martingale), so there is no biased drift' };
  }
  const lambda = t.lambda ?? t.generatedTokens / t.realTokens;
  const own = driftThisParadigm(paradigm, t, b);
  return {
    bias: b,
    biasDefinition: `b = TV(p0, decode(smooth(p0))), smoothing (T p + alpha) / (T + alpha V) with T = ${fitTokens(t)} tokens per fit`,
    replace: recorded.map((n) => biasedDriftReplace(n, Math.min(1, lambda), b)),
    accumulateSubsample: recorded.map((n) => biasedDriftAccumulateSubsample(n, t.realTokens, t.generatedTokens, b)),
    thisParadigm: { paradigm, formula: own.formula, values: recorded.map(own.at) },
    note: 'first order, in TV units (compare with the tv band): valid while small; the real drift saturates at the distance from p0 to the biased map\'s fixed point',
  };
}
