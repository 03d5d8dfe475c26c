/**
 * Held-out perplexity (docs/SCIENCE.md): exp of the token-weighted mean negative log-likelihood of
 * held-out real text, natural log. Tokens are characters here, so nats/token = nats/char.
 */

export interface PerplexityReport {
  /** Mean NLL in nats per character (token). */
  nllPerChar: number;
  /** exp(mean NLL). */
  perplexity: number;
  /** Mean NLL in bits per character. */
  bitsPerChar: number;
}

/** Perplexity from a total NLL (nats, summed over tokens) and the number of tokens scored. */
export function perplexityFromNll(totalNll: number, tokenCount: number): PerplexityReport {
  if (!(tokenCount > 0) || !Number.isFinite(tokenCount)) {
    throw new RangeError(`perplexity needs a positive token count, got ${tokenCount}`);
  }
  if (Number.isNaN(totalNll) || totalNll < 0) {
    throw new RangeError(`a negative log-likelihood must be >= 0 (and not NaN), got ${totalNll}`);
  }
  const nllPerChar = totalNll / tokenCount;
  return { nllPerChar, perplexity: Math.exp(nllPerChar), bitsPerChar: nllPerChar / Math.LN2 };
}

/** Default closeness to the random-init baseline that counts as "collapsed" (5%). */
export const DEFAULT_NSTAR_TOLERANCE = 0.05;

/**
 * n*: the first generation whose held-out perplexity is within `tolerance` (relative) of the
 * random-init baseline or worse than it, i.e. perplexity >= baseline * (1 - tolerance).
 * perplexities[i] belongs to generation firstGeneration + i (generations start at 1, LM_1, by
 * default). NaN entries (a diverged run) never qualify; Infinity does (it is worse). Returns
 * null when no generation qualifies.
 */
export function findNStar(
  perplexities: readonly number[],
  baseline: number,
  tolerance = DEFAULT_NSTAR_TOLERANCE,
  firstGeneration = 1,
): number | null {
  if (!(baseline > 0) || !Number.isFinite(baseline))
    throw new RangeError(`baseline must be positive and finite, got ${baseline}`);
  if (!(tolerance >= 0 && tolerance < 1))
    throw new RangeError(`tolerance must be in [0, 1), got ${tolerance}`);
  const threshold = baseline * (1 - tolerance);
  for (let i = 0; i < perplexities.length; i++) {
    if (perplexities[i] >= threshold) return firstGeneration + i;
  }
  return null;
}
