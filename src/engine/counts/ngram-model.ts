/**
 * The count model of theory mode: an order-k n-gram maximum-likelihood estimator over symbol
 * ids (order = context length: 0 unigram, 1 bigram, 2 trigram, ... 4), refitted from scratch
 * each generation by counting.
 *
 * Documents: each starts with a context of `order` EOD symbols (start of document) and ends
 * with EOD, which is counted and predicted like any other symbol.
 *
 * Law of the next symbol after a context:
 * - seen context (j = order): add-alpha, p(v | x) = (c(x, v) + alpha) / (c(x) + alpha * V).
 *   alpha = 0 is the pure MLE (unseen events get probability 0); alpha -> infinity is uniform.
 * - unseen context: back off to the longest seen suffix of it (order - 1, ..., 0) and use that
 *   order's add-alpha law; with an empty training set, the uniform law. Backing off (rather than
 *   jumping to uniform) keeps an MLE trained on a small corpus a sensible generator, and it
 *   never fires for contexts the model itself produced, since those were seen in training.
 */
import { decodeProbabilities, type DecodingSettings } from '../decoding';
import type { Rng } from '../rng';
import { EOD } from '../text/vocabulary';
import { buildCountTable, countEvents, eventCount, findContext, type CountTable } from './ngram-counts';

export const MAX_NGRAM_ORDER = 4;

export interface NgramOptions {
  /** Context length, 0..4. */
  order: number;
  /** V, including EOD (id 0) and UNK (id 1). */
  vocabularySize: number;
  /** Add-alpha smoothing, >= 0; default 0 (pure MLE). */
  alpha?: number;
}

export interface LogLikelihoodOptions {
  /**
   * Evaluation-only probability floor. Without it (the default) an event the model gives
   * probability 0 makes the NLL and the perplexity Infinity, which is the honest value for an
   * unsmoothed MLE; `zeroProbabilityTokens` says how many tokens did it. With a floor f,
   * p is replaced by max(p, f) (not renormalised), so the figure is finite but biased low, and
   * `flooredTokens` says how many tokens it raised: each adds ln(1/f) = 13.8 nats at f = 1e-6,
   * so a few of them set the perplexity.
   */
  floor?: number;
}

export interface LogLikelihood {
  /** Total negative log-likelihood in nats (Infinity if some event had probability 0). */
  nll: number;
  /** Tokens scored, including each document's closing EOD. */
  tokens: number;
  /** Tokens to which the model gave probability 0 (before any floor). */
  zeroProbabilityTokens: number;
  /** Tokens whose probability was below the floor and scored at the floor instead (0 without one). */
  flooredTokens: number;
  /** nll / tokens. */
  nllPerToken: number;
  /** exp(nll / tokens). */
  perplexity: number;
}

export class NgramModel {
  readonly order: number;
  readonly vocabularySize: number;
  readonly alpha: number;
  /** Events counted (symbols plus one EOD per document). */
  readonly trainingTokens: number;
  /** tables[j] holds the counts for context length j. */
  private readonly tables: CountTable[];
  /** V^j for j = 0..order, to cut a full context key down to its last j symbols. */
  private readonly powers: number[];

  private constructor(options: Required<NgramOptions>, tables: CountTable[], trainingTokens: number) {
    this.order = options.order;
    this.vocabularySize = options.vocabularySize;
    this.alpha = options.alpha;
    this.tables = tables;
    this.trainingTokens = trainingTokens;
    this.powers = Array.from({ length: options.order + 1 }, (_, j) => options.vocabularySize ** j);
  }

  static fit(documents: readonly Int32Array[], options: NgramOptions): NgramModel {
    const full = validateOptions(options);
    const tables: CountTable[] = [];
    for (let j = 0; j <= full.order; j++) tables.push(buildCountTable(documents, j, full.vocabularySize));
    return new NgramModel(full, tables, countEvents(documents));
  }

  /** Number of distinct contexts seen at the full order (for display and tests). */
  get contextCount(): number {
    return this.tables[this.order].contextKeys.length;
  }

  /** Key of the last `order` symbols of context, padded on the left with EOD. */
  contextKey(context: ArrayLike<number>): number {
    let key = 0;
    for (let i = 0; i < this.order; i++) {
      const at = context.length - this.order + i;
      key = key * this.vocabularySize + (at >= 0 ? context[at] : EOD);
    }
    return key;
  }

  /** Exact next-symbol law after context (its last `order` ids are used). */
  law(context: ArrayLike<number>, out: Float64Array = new Float64Array(this.vocabularySize)): Float64Array {
    return this.lawOfKey(this.contextKey(context), out);
  }

  lawOfKey(key: number, out: Float64Array = new Float64Array(this.vocabularySize)): Float64Array {
    const v = this.vocabularySize;
    for (let j = this.order; j >= 0; j--) {
      const table = this.tables[j];
      const c = findContext(table, key % this.powers[j]);
      if (c < 0) continue;
      const denominator = table.contextTotal[c] + this.alpha * v;
      out.fill(this.alpha / denominator);
      for (let e = table.contextStart[c]; e < table.contextStart[c + 1]; e++) {
        out[table.eventSymbols[e]] = (table.eventCounts[e] + this.alpha) / denominator;
      }
      return out;
    }
    return out.fill(1 / v);
  }

  /** p(symbol | context key), without building the whole law. */
  probabilityOfKey(key: number, symbol: number): number {
    for (let j = this.order; j >= 0; j--) {
      const table = this.tables[j];
      const c = findContext(table, key % this.powers[j]);
      if (c < 0) continue;
      return (
        (eventCount(table, c, symbol) + this.alpha) /
        (table.contextTotal[c] + this.alpha * this.vocabularySize)
      );
    }
    return 1 / this.vocabularySize;
  }

  /** Negative log-likelihood of documents (each scored with its closing EOD). */
  logLikelihood(documents: readonly Int32Array[], options: LogLikelihoodOptions = {}): LogLikelihood {
    const floor = options.floor ?? 0;
    const space = this.powers[this.order];
    let nll = 0;
    let tokens = 0;
    let zero = 0;
    let floored = 0;
    for (const doc of documents) {
      let key = 0;
      for (let i = 0; i <= doc.length; i++) {
        const symbol = i < doc.length ? doc[i] : EOD;
        if (!(symbol >= 0 && symbol < this.vocabularySize)) {
          throw new RangeError(`symbol id ${symbol} is outside the vocabulary [0, ${this.vocabularySize})`);
        }
        let p = this.probabilityOfKey(key, symbol);
        if (p <= 0) zero++;
        if (p < floor) {
          p = floor;
          floored++;
        }
        nll -= Math.log(p);
        tokens++;
        key = (key * this.vocabularySize + symbol) % space;
      }
    }
    const nllPerToken = tokens > 0 ? nll / tokens : 0;
    return {
      nll,
      tokens,
      zeroProbabilityTokens: zero,
      flooredTokens: floored,
      nllPerToken,
      perplexity: Math.exp(nllPerToken),
    };
  }

  /**
   * count documents, each sampled from start-of-document until the model emits EOD (not
   * included in the returned ids) or maxLength symbols were drawn (then it is cut there).
   * Each context's decoded law is computed once per call and cached as a cumulative table,
   * so sampling costs a hash lookup and a binary search per symbol.
   */
  /** Documents from the start-of-document state, or continuing `prompt` (not part of the output). */
  sampleDocuments(
    count: number,
    maxLength: number,
    decoding: DecodingSettings,
    rng: Rng,
    prompt?: ArrayLike<number>,
  ): Int32Array[] {
    const v = this.vocabularySize;
    const space = this.powers[this.order];
    const cache = new Map<number, Float64Array>();
    const law = new Float64Array(v);
    const buffer = new Int32Array(Math.max(0, maxLength));
    const documents: Int32Array[] = [];
    for (let d = 0; d < count; d++) {
      let key = prompt ? this.contextKey([EOD, ...Array.from(prompt)]) : 0;
      let length = 0;
      while (length < maxLength) {
        let cumulative = cache.get(key);
        if (cumulative === undefined) {
          cumulative = decodeProbabilities(this.lawOfKey(key, law), decoding);
          for (let i = 1; i < v; i++) cumulative[i] += cumulative[i - 1];
          cache.set(key, cumulative);
        }
        const symbol = searchCumulative(cumulative, rng.next() * cumulative[v - 1]);
        if (symbol === EOD) break;
        buffer[length++] = symbol;
        key = (key * v + symbol) % space;
      }
      documents.push(buffer.slice(0, length));
    }
    return documents;
  }
}

/** First index whose cumulative mass exceeds u: symbols of mass 0 can never be returned. */
function searchCumulative(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function validateOptions(options: NgramOptions): Required<NgramOptions> {
  const { order, vocabularySize } = options;
  const alpha = options.alpha ?? 0;
  if (!Number.isInteger(order) || order < 0 || order > MAX_NGRAM_ORDER) {
    throw new RangeError(`n-gram order must be an integer in 0..${MAX_NGRAM_ORDER}, got ${order}`);
  }
  if (!Number.isInteger(vocabularySize) || vocabularySize < 2) {
    throw new RangeError(`vocabulary size must be an integer >= 2, got ${vocabularySize}`);
  }
  if (vocabularySize ** (order + 1) > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(
      `vocabulary ${vocabularySize} at order ${order} overflows exact integer context keys`,
    );
  }
  if (!(alpha >= 0) || !Number.isFinite(alpha))
    throw new RangeError(`alpha must be finite and >= 0, got ${alpha}`);
  return { order, vocabularySize, alpha };
}
