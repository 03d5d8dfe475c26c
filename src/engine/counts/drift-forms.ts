/**
 * Mean-field forms of biased drift (docs/SCIENCE.md): how far the corpus law moves from p0
 * when every refit adds a systematic error instead of a zero-mean one.
 *
 * The systematic error is a map B applied to the law each model learns. For add-alpha
 * smoothing, B(q) = q + beta (t - q): every law moves a fixed share beta = alpha V / (T + alpha V)
 * of the way to a target law t (the uniform law), whatever it is. Dropping the sampling noise
 * (the mean field), every corpus law then lies on the segment from p0 to t: c = p0 + s (t - p0),
 * at total variation s D from p0 with D = TV(p0, t), and s follows a scalar recursion solved here
 * in closed form. b = TV(p0, B(p0)) = beta D is the first refit's drift; D is where the drift
 * saturates. Every form below stays in [0, D], so in [0, 1].
 *
 * n counts write-backs: these are the distances of the corpus after n generations. The law a
 * model of generation n learns is B of its training law, one more move toward t: modelDrift.
 */
import { lnGamma } from './log-gamma';

/** beta = b / D, the share of the way to the target each refit moves (0 without a bias). */
export function biasShare(bias: number, limit: number): number {
  return limit > 0 ? Math.min(1, Math.max(0, bias / limit)) : 0;
}

/**
 * prod_{j=1}^{n} (1 - c / (a + j)) = Gamma(a + 1) Gamma(a + n + 1 - c) / (Gamma(a + 1 - c) Gamma(a + n + 1)),
 * for a > 0 and 0 <= c <= 1: what is left of the distance to the target after n steps of a
 * growing corpus. It falls like ((a + 1) / (a + n + 1))^c for large n.
 */
export function growthShrink(a: number, c: number, n: number): number {
  if (n <= 0 || c <= 0) return 1;
  const log = lnGamma(a + 1) - lnGamma(a + 1 - c) + lnGamma(a + n + 1 - c) - lnGamma(a + n + 1);
  return Math.min(1, Math.max(0, Math.exp(log)));
}

/**
 * Replace, mean field: c_n = (1 - lambda) c_{n-1} + lambda B(gamma p0 + (1 - gamma) c_{n-1}).
 * With c = p0 + s (t - p0): s_n = rho s_{n-1} + lambda beta, rho = 1 - lambda (beta + gamma - beta gamma),
 * so the distance is D beta / (beta + gamma - beta gamma) (1 - rho^n). Without real data kept
 * (gamma = 0): D (1 - (1 - lambda beta)^n) = D (1 - (1 - lambda b / D)^n), which starts as
 * lambda n b and saturates at D; real data kept holds it at D beta / (beta + gamma - beta gamma).
 */
export function biasedDriftReplace(
  n: number,
  lambda: number,
  bias: number,
  limit: number,
  realShareKept = 0,
): number {
  const beta = biasShare(bias, limit);
  const g = realShareKept;
  const pull = beta + g - beta * g;
  if (!(pull > 0) || n <= 0) return 0;
  const rho = 1 - lambda * pull;
  return ((limit * beta) / pull) * (1 - rho ** n);
}

/**
 * A growing corpus, mean field: N_n = N0 + n (k + m) tokens, of which the m generated ones
 * follow B(c_{n-1}) and the k fresh ones p0. Then s_n = s_{n-1} (1 - (k + m beta) / N_n) + m beta / N_n,
 * whose fixed point is s* = m beta / (k + m beta) and whose distance to it shrinks by
 * growthShrink(N0 / (k + m), (k + m beta) / (k + m), n). The distance is D s* (1 - that).
 * k = 0 (accumulate-subsample): D (1 - prod_j (1 - beta m / (N0 + j m))), about
 * D (1 - (N0 / (N0 + n m))^beta), which starts as b ln(1 + n m / N0) and saturates at D.
 */
export function biasedDriftGrowing(
  n: number,
  realTokens: number,
  generatedTokens: number,
  freshTokens: number,
  bias: number,
  limit: number,
): number {
  const beta = biasShare(bias, limit);
  const k = freshTokens;
  const m = generatedTokens;
  const pull = k + m * beta;
  if (!(m * beta > 0) || n <= 0) return 0;
  const fixedPoint = (m * beta) / pull;
  return limit * fixedPoint * (1 - growthShrink(realTokens / (k + m), pull / (k + m), n));
}

/** accumulate-subsample: the growing corpus with no fresh data. */
export function biasedDriftAccumulateSubsample(
  n: number,
  realTokens: number,
  generatedTokens: number,
  bias: number,
  limit: number,
): number {
  return biasedDriftGrowing(n, realTokens, generatedTokens, 0, bias, limit);
}

/**
 * Distance from p0 of the law a model learns from a training law at distance d: B moves it a
 * share beta further toward the target, to d + beta (D - d) = d + b (1 - d / D).
 */
export function modelDrift(trainingDrift: number, bias: number, limit: number): number {
  const beta = biasShare(bias, limit);
  return trainingDrift + beta * (limit - trainingDrift);
}
