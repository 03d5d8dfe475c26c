/**
 * Divergences between the real (held-out) n-gram law P and a generated n-gram law Q, both given
 * as counts and normalised here (p = count / total).
 *
 * Degenerate inputs (a side with no n-grams at all, e.g. a collapsed model that emits empty
 * samples): two empty laws are identical (JS = TV = KL = 0); one empty law against a non-empty
 * one is as far as possible, JS = TV = 1 (the formulas applied to an all-zero vector would give
 * 0.5, which would read as "half collapsed"). KL(P || empty Q) is the smoothed formula, where Q
 * becomes uniform over P's support; KL(empty P || Q) is an empty sum, 0.
 */
import { countCharNgramsByOrder, type NgramCounts } from './ngrams';

/** Default add-epsilon for KL(real || generated): small enough to leave visible KL values
 * unchanged, large enough to keep a lost n-gram from making KL infinite. */
export const DEFAULT_KL_EPSILON = 1e-6;

/** The character n-gram orders the divergence charts use. */
export const CHAR_ORDERS = [1, 2, 3] as const;
export type CharOrder = (typeof CHAR_ORDERS)[number];
/** One value per character n-gram order, keyed "1", "2", "3". */
export type ByCharOrder = Record<`${CharOrder}`, number>;

function bothEmptyOrOneEmpty(p: NgramCounts, q: NgramCounts): number | null {
  if (p.total === 0 && q.total === 0) return 0;
  if (p.total === 0 || q.total === 0) return 1;
  return null;
}

/** Jensen-Shannon divergence in bits (base 2), in [0, 1]: 0 for equal laws, 1 for disjoint. */
export function jensenShannonBits(p: NgramCounts, q: NgramCounts): number {
  const degenerate = bothEmptyOrOneEmpty(p, q);
  if (degenerate !== null) return degenerate;
  let sumNats = 0; // sum over the union of p ln(2p/(p+q)) + q ln(2q/(p+q))
  for (const [key, cp] of p.counts) {
    const pi = cp / p.total;
    const qi = (q.counts.get(key) ?? 0) / q.total;
    const m = (pi + qi) / 2;
    sumNats += pi * Math.log(pi / m);
    if (qi > 0) sumNats += qi * Math.log(qi / m);
  }
  // Keys of Q outside P's support: m = q/2, so each contributes q ln 2.
  for (const [key, cq] of q.counts) if (!p.counts.has(key)) sumNats += (cq / q.total) * Math.LN2;
  const js = sumNats / 2 / Math.LN2;
  return Math.min(1, Math.max(0, js)); // rounding can step a hair outside [0, 1]
}

/**
 * KL(P || Q) in nats with add-epsilon smoothing of Q over the union support U of P and Q:
 * q'(x) = (q(x) + epsilon) / (1 + epsilon |U|). P is not smoothed (terms with p = 0 vanish).
 * epsilon = 0 gives the plain KL, Infinity when Q misses a symbol of P.
 */
export function klDivergenceNats(p: NgramCounts, q: NgramCounts, epsilon = DEFAULT_KL_EPSILON): number {
  if (!(epsilon >= 0)) throw new RangeError(`epsilon must be >= 0, got ${epsilon}`);
  if (p.total === 0) return 0;
  let unionSize = q.counts.size;
  for (const key of p.counts.keys()) if (!q.counts.has(key)) unionSize++;
  const norm = 1 + epsilon * unionSize;
  let kl = 0;
  for (const [key, cp] of p.counts) {
    const pi = cp / p.total;
    const qi = q.total > 0 ? (q.counts.get(key) ?? 0) / q.total : 0;
    // Empty Q with epsilon > 0 is uniform over U (the formula's limit); with epsilon 0, q' = 0.
    const qSmoothed = q.total > 0 || epsilon === 0 ? (qi + epsilon) / norm : 1 / unionSize;
    if (qSmoothed === 0) return Infinity;
    kl += pi * Math.log(pi / qSmoothed);
  }
  return Math.max(0, kl);
}

/** Total variation distance, (1/2) sum |p - q|, in [0, 1]. */
export function totalVariation(p: NgramCounts, q: NgramCounts): number {
  const degenerate = bothEmptyOrOneEmpty(p, q);
  if (degenerate !== null) return degenerate;
  let sum = 0;
  for (const [key, cp] of p.counts) sum += Math.abs(cp / p.total - (q.counts.get(key) ?? 0) / q.total);
  for (const [key, cq] of q.counts) if (!p.counts.has(key)) sum += cq / q.total;
  return Math.min(1, sum / 2);
}

export interface CharNgramDivergences {
  /** Jensen-Shannon divergence, bits. */
  js: ByCharOrder;
  /** KL(real || generated), nats, add-epsilon smoothed. */
  kl: ByCharOrder;
  /** Total variation. */
  tv: ByCharOrder;
}

/** Character n-gram counts for orders 1, 2, 3, as divergences need them. */
export type CharNgramTables = ReadonlyMap<number, NgramCounts>;

export function countCharTables(documents: readonly string[]): CharNgramTables {
  return countCharNgramsByOrder(documents, CHAR_ORDERS);
}

/**
 * JS, KL(real || generated) and TV for character n-grams of orders 1, 2, 3.
 * Pass counted tables (see countCharTables) to count the held-out text once per run.
 */
export function charNgramDivergences(
  real: CharNgramTables | readonly string[],
  generated: CharNgramTables | readonly string[],
  epsilon = DEFAULT_KL_EPSILON,
): CharNgramDivergences {
  const realTables = Array.isArray(real) ? countCharTables(real) : (real as CharNgramTables);
  const genTables = Array.isArray(generated) ? countCharTables(generated) : (generated as CharNgramTables);
  const result: CharNgramDivergences = {
    js: { 1: 0, 2: 0, 3: 0 },
    kl: { 1: 0, 2: 0, 3: 0 },
    tv: { 1: 0, 2: 0, 3: 0 },
  };
  for (const n of CHAR_ORDERS) {
    const p = realTables.get(n);
    const q = genTables.get(n);
    if (!p || !q) throw new Error(`missing character ${n}-gram counts`);
    result.js[n] = jensenShannonBits(p, q);
    result.kl[n] = klDivergenceNats(p, q, epsilon);
    result.tv[n] = totalVariation(p, q);
  }
  return result;
}

/**
 * Exact per-token KL(source || model) for a source with a known law: the cross-entropy of source
 * text under the model minus the source's entropy rate, both in nats per token. Not clamped: with
 * a cross-entropy measured on a finite sample the estimate may dip slightly below 0.
 */
export function exactKlPerToken(crossEntropyNatsPerToken: number, entropyRateNats: number): number {
  return crossEntropyNatsPerToken - entropyRateNats;
}
