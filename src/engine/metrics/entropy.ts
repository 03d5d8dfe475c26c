/**
 * Entropy and collision probability of an empirical n-gram law (p = count / total).
 * An empty law (no n-grams) has entropy 0 and collision probability 0 (empty sums), so a model
 * that emits nothing reads as "no diversity" on the charts rather than as a gap.
 */
import type { NgramCounts } from './ngrams';

/** Shannon entropy in nats: -sum p ln p. Uniform over k symbols gives ln k; a delta gives 0. */
export function entropyNats(table: NgramCounts): number {
  if (table.total === 0) return 0;
  // sum p ln p = (1/T) sum c ln c - ln T: one log per distinct key, no division inside the loop.
  let sumCLogC = 0;
  for (const c of table.counts.values()) sumCLogC += c * Math.log(c);
  const h = Math.log(table.total) - sumCLogC / table.total;
  return Math.max(0, h); // a delta gives -0 or 1e-16 from rounding
}

/** Shannon entropy in bits. */
export function entropyBits(table: NgramCounts): number {
  return entropyNats(table) / Math.LN2;
}

/**
 * Collision probability S = sum p^2: the chance two independent draws agree. Uniform over k gives
 * 1/k, a delta gives 1. For the fully synthetic count model, 1 - S_n = (1 - 1/M)^n (1 - S_0).
 */
export function collisionProbability(table: NgramCounts): number {
  if (table.total === 0) return 0;
  let sumSquares = 0;
  for (const c of table.counts.values()) sumSquares += c * c;
  return sumSquares / (table.total * table.total);
}
