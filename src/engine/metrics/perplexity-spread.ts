/**
 * How one model sees many documents: the spread of per-document perplexity (Shumailov et al.
 * 2024, Nature, the histograms of their perplexity figure). A document's perplexity is
 *
 *   exp( (sum of -ln p(token | the tokens before it in the same document)) / tokens )
 *
 * over its characters and the end-of-document token that closes it (tokens = characters + 1),
 * each document read from the start-of-document state on its own. The spread is summarised by
 * its median, its 90th percentile, the share of documents above ERROR_PERPLEXITY, and counts on
 * log-spaced bins fixed once for every generation, so two generations' histograms compare bin
 * for bin.
 */

/** A document's negative log-likelihood (nats, summed) and the tokens it was summed over. */
export interface DocumentNll {
  nll: number;
  tokens: number;
}

/** Histogram bins per factor of ten of perplexity: bin i holds [10^(i/B), 10^((i+1)/B)). */
export const SPREAD_BINS_PER_DECADE = 40;

/**
 * A per-document perplexity above this reads as an error: a character model of text in a known
 * language rarely hesitates between more than a handful of letters per step, and a whole
 * document that averages over ten is text the model finds foreign.
 */
export const ERROR_PERPLEXITY = 10;

/** Bin index of the highest bin kept: 10^20 and above share it (a floored count model's worst case is far below). */
const LAST_BIN = 20 * SPREAD_BINS_PER_DECADE;

export interface PerplexitySpread {
  /** Documents scored. */
  documents: number;
  /** Median per-document perplexity (the mean of the two middle ones for an even count). */
  median: number;
  /** 90th percentile per-document perplexity (linear interpolation between order statistics). */
  p90: number;
  /** Share of the documents whose perplexity is above ERROR_PERPLEXITY. */
  shareAboveError: number;
  /** Bins per decade of `counts` (SPREAD_BINS_PER_DECADE when written). */
  binsPerDecade: number;
  /** counts[i]: documents with perplexity in [10^(i/binsPerDecade), 10^((i+1)/binsPerDecade)); trailing empty bins left out. */
  counts: number[];
}

/** exp(nll / tokens): a document's perplexity (1 for a document of no tokens, which says nothing). */
export function documentPerplexity(d: DocumentNll): number {
  if (!(d.tokens >= 0) || !(d.nll >= 0))
    throw new RangeError(`a document's NLL and tokens must be >= 0, got ${d.nll} over ${d.tokens}`);
  return d.tokens > 0 ? Math.exp(d.nll / d.tokens) : 1;
}

/** The bin of a perplexity (>= 1) on the shared log scale. */
export function spreadBin(perplexity: number, binsPerDecade = SPREAD_BINS_PER_DECADE): number {
  // A relative nudge keeps exact edges (10, 100) in the bin they open despite log10's round-off.
  const index = Math.floor(Math.log10(Math.max(perplexity, 1)) * binsPerDecade * (1 + 1e-12));
  return Math.min(Math.max(index, 0), LAST_BIN);
}

/** The lower edge of bin i: 10^(i / binsPerDecade). */
export const binEdge = (i: number, binsPerDecade = SPREAD_BINS_PER_DECADE) => 10 ** (i / binsPerDecade);

/** The q-quantile of ascending values, linear between order statistics (q = 0.5: the median). */
function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** The spread of the documents' perplexities; null for no documents (nothing to summarise). */
export function perplexitySpread(documents: readonly DocumentNll[]): PerplexitySpread | null {
  if (documents.length === 0) return null;
  const perplexities = documents.map(documentPerplexity).sort((a, b) => a - b);
  const counts: number[] = [];
  for (const p of perplexities) {
    const bin = spreadBin(p);
    while (counts.length <= bin) counts.push(0);
    counts[bin]++;
  }
  return {
    documents: perplexities.length,
    median: quantile(perplexities, 0.5),
    p90: quantile(perplexities, 0.9),
    shareAboveError: perplexities.filter((p) => p > ERROR_PERPLEXITY).length / perplexities.length,
    binsPerDecade: SPREAD_BINS_PER_DECADE,
    counts,
  };
}
