/**
 * The fast unigram recursion of the theory page: the formal model of docs/SCIENCE.md with a
 * unigram count model over K symbols, where every law is a probability vector and every
 * sample is a multinomial drawn by K conditional binomials (binomial.ts).
 *
 * Generation n: draw M training tokens from the corpus law (or, with trainOnWholeCorpus, take
 * the corpus itself), fit the add-alpha MLE p_n, decode it (temperature, top-k, top-p) into the
 * law the model samples from, draw m generated tokens, and write them back per paradigm:
 * - replace: a corpus of N whole tokens, counted per symbol and per provenance (real or
 *   generated). Writing back removes m = lambda N of its tokens uniformly at random without
 *   replacement (a multivariate hypergeometric draw, hypergeometric.ts), then adds the m new
 *   ones. The corpus law is a martingale, its real share is random with mean (1 - lambda)^n, and
 *   a symbol whose last token is removed is gone for good, as when the text loop removes text
 *   at random (corpus/paradigms.ts). With realShareKept gamma > 0, the model trains on
 *   gamma * real + (1 - gamma) * corpus (Shumailov keeps 10% of the original data).
 * - accumulate: the corpus grows to N0 + n*m tokens and (by default) the model trains on all
 *   of it; real share N0 / (N0 + n*m).
 * - accumulate-subsample: same corpus, but the model trains on M tokens drawn from it.
 * - fresh-data: the corpus grows by the m generated tokens and k fresh tokens drawn from the
 *   real law each generation, to N0 + n*(k + m) tokens, and the model trains on M tokens drawn
 *   from all of it (as the text loop does); real share (N0 + n*k) / (N0 + n*(k + m)).
 * Training samples are drawn with replacement (a multinomial), which keeps every step exact.
 */
import { decodeProbabilities, PLAIN_DECODING, type DecodingSettings } from '../decoding';
import type { Rng } from '../rng';
import { sampleMultinomial } from './binomial';
import { sampleMultivariateHypergeometric } from './hypergeometric';

export type Paradigm = 'replace' | 'accumulate' | 'accumulate-subsample' | 'fresh-data';
export const PARADIGMS: readonly Paradigm[] = ['replace', 'accumulate', 'accumulate-subsample', 'fresh-data'];

export interface UnigramChainConfig {
  /** The real law p0 over K symbols (normalised here); the real corpus D0 has this law. */
  initialLaw: ArrayLike<number>;
  paradigm: Paradigm;
  /** M: tokens each model trains on (ignored when trainOnWholeCorpus). */
  trainingTokens: number;
  /** m: tokens each model writes into the corpus. */
  generatedTokens: number;
  /** N (replace: fixed corpus size) or N0 (accumulate, fresh-data: real tokens at the start). */
  corpusTokens: number;
  /** gamma in [0, 1]: share of every training set taken from real data (replace only). */
  realShareKept?: number;
  /** k: fresh real tokens entering each generation (fresh-data only). */
  freshRealTokens?: number;
  /** Add-alpha smoothing of the fitted MLE; default 0. */
  alpha?: number;
  decoding?: DecodingSettings;
  /** Fit the corpus law itself instead of a sample of M; default true for accumulate only. */
  trainOnWholeCorpus?: boolean;
}

type Resolved = Required<UnigramChainConfig> & { initialLaw: Float64Array };

export function resolveUnigramConfig(config: UnigramChainConfig): Resolved {
  const law = Float64Array.from(config.initialLaw);
  let total = 0;
  for (const p of law) {
    if (!(p >= 0) || !Number.isFinite(p))
      throw new RangeError('initialLaw must hold finite non-negative weights');
    total += p;
  }
  if (!(total > 0)) throw new RangeError('initialLaw needs positive total weight');
  for (let i = 0; i < law.length; i++) law[i] /= total;
  const resolved: Resolved = {
    initialLaw: law,
    paradigm: config.paradigm,
    trainingTokens: config.trainingTokens,
    generatedTokens: config.generatedTokens,
    corpusTokens: config.corpusTokens,
    realShareKept: config.realShareKept ?? 0,
    freshRealTokens: config.freshRealTokens ?? 0,
    alpha: config.alpha ?? 0,
    decoding: config.decoding ?? PLAIN_DECODING,
    trainOnWholeCorpus: config.trainOnWholeCorpus ?? config.paradigm === 'accumulate',
  };
  if (!PARADIGMS.includes(resolved.paradigm))
    throw new RangeError(`unknown paradigm ${String(resolved.paradigm)}`);
  const counts: [string, number][] = [
    ['trainingTokens', resolved.trainingTokens],
    ['generatedTokens', resolved.generatedTokens],
    ['corpusTokens', resolved.corpusTokens],
    ['freshRealTokens', resolved.freshRealTokens],
  ];
  for (const [name, n] of counts) {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  }
  if (!resolved.trainOnWholeCorpus && resolved.trainingTokens < 1)
    throw new RangeError('trainingTokens must be >= 1');
  if (
    resolved.paradigm === 'replace' &&
    !(resolved.generatedTokens <= resolved.corpusTokens && resolved.corpusTokens > 0)
  ) {
    throw new RangeError('replace needs 0 < generatedTokens <= corpusTokens (lambda = m/N <= 1)');
  }
  if (resolved.paradigm !== 'replace' && resolved.corpusTokens < 1)
    throw new RangeError('corpusTokens must be >= 1');
  if (!(resolved.realShareKept >= 0 && resolved.realShareKept <= 1))
    throw new RangeError('realShareKept must lie in [0, 1]');
  if (!(resolved.alpha >= 0) || !Number.isFinite(resolved.alpha))
    throw new RangeError('alpha must be finite and >= 0');
  return resolved;
}

/**
 * The replace corpus of N whole tokens with law p0: floor(p_i N) tokens of each symbol, and the
 * tokens left over to the largest remainders (so a law that is already counts over N, up to
 * rounding, comes back exactly).
 */
export function initialCorpusCounts(law: ArrayLike<number>, tokens: number): Float64Array {
  let total = 0;
  for (let i = 0; i < law.length; i++) total += law[i];
  const exact = Float64Array.from(law, (p) => (p / total) * tokens);
  const counts = exact.map(Math.floor);
  let left = tokens - counts.reduce((a, b) => a + b, 0);
  const order = Array.from(exact.keys()).sort(
    (a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b,
  );
  for (let j = 0; left > 0; j = (j + 1) % order.length) {
    if (law[order[j]] > 0) {
      counts[order[j]]++;
      left--;
    }
  }
  return counts;
}

function isPlain(d: DecodingSettings): boolean {
  return d.temperature === 1 && (d.topK <= 0 || !Number.isFinite(d.topK)) && d.topP >= 1;
}

export class UnigramChain {
  readonly config: Resolved;
  readonly symbols: number;
  /** Generations done; 0 before the first step. */
  generation = 0;
  /** p_n, the fitted law of the latest model (p0 at generation 0). */
  readonly modelLaw: Float64Array;
  /** The decoded law the latest model samples from. */
  samplingLaw: Float64Array;
  /** Counts of the m tokens generated by the latest model. */
  readonly generatedCounts: Float64Array;
  /** Share of real (human) tokens in the corpus after the latest write-back (training mix for replace). */
  realWeight = 1;

  /** Corpus as token counts per symbol (real and generated together) and its size. */
  private readonly corpusCounts: Float64Array;
  private corpusSize: number;
  /** Replace: real tokens of the corpus per symbol, and in all (the rest were generated). */
  private readonly realCounts: Float64Array;
  private realTokens: number;
  /** Replace: the urn of removal, real cells then generated ones, and what the draw took. */
  private readonly urn: Float64Array;
  private readonly removed: Float64Array;
  private readonly trainingLaw: Float64Array;
  private readonly sampleCounts: Float64Array;
  private readonly freshCounts: Float64Array;
  private readonly suffix: Float64Array;
  private readonly plainDecoding: boolean;
  private readonly trainRng: Rng;
  private readonly generateRng: Rng;
  private readonly freshRng: Rng;
  private readonly removeRng: Rng;

  constructor(config: UnigramChainConfig, rng: Rng) {
    this.config = resolveUnigramConfig(config);
    const k = this.config.initialLaw.length;
    this.symbols = k;
    this.modelLaw = Float64Array.from(this.config.initialLaw);
    this.samplingLaw = this.modelLaw;
    this.generatedCounts = new Float64Array(k);
    // D0: corpusTokens real tokens with law p0. Replace removes whole tokens, so its corpus is
    // whole tokens from the start; the growing corpora keep D0's law exactly.
    const n0 = this.config.corpusTokens;
    const replace = this.config.paradigm === 'replace';
    this.corpusCounts = replace
      ? initialCorpusCounts(this.config.initialLaw, n0)
      : this.config.initialLaw.map((p) => p * n0);
    this.corpusSize = n0;
    this.realCounts = replace ? Float64Array.from(this.corpusCounts) : new Float64Array(0);
    this.realTokens = n0;
    this.urn = new Float64Array(replace ? 2 * k : 0);
    this.removed = new Float64Array(replace ? 2 * k : 0);
    this.trainingLaw = new Float64Array(k);
    this.sampleCounts = new Float64Array(k);
    this.freshCounts = new Float64Array(k);
    this.suffix = new Float64Array(k + 1);
    this.plainDecoding = isPlain(this.config.decoding);
    // Separate streams: changing m never shifts the training draws, and vice versa.
    this.trainRng = rng.split('train');
    this.generateRng = rng.split('generate');
    this.freshRng = rng.split('fresh');
    this.removeRng = rng.split('remove');
  }

  /** The corpus law after the latest write-back: what the next model learns from. */
  corpusLaw(out: Float64Array = new Float64Array(this.symbols)): Float64Array {
    for (let i = 0; i < this.symbols; i++) out[i] = this.corpusCounts[i] / this.corpusSize;
    return out;
  }

  /** One generation: train, decode, generate, write back. */
  step(): void {
    const c = this.config;
    const k = this.symbols;
    // 1. The law the model trains on: the corpus, plus gamma of real data under replace.
    const gamma = c.paradigm === 'replace' ? c.realShareKept : 0;
    for (let i = 0; i < k; i++) {
      this.trainingLaw[i] = gamma * c.initialLaw[i] + ((1 - gamma) * this.corpusCounts[i]) / this.corpusSize;
    }
    // 2. Fit the add-alpha MLE on M sampled tokens, or on the corpus itself.
    const tokens = c.trainOnWholeCorpus ? this.corpusSize : c.trainingTokens;
    let counts: Float64Array;
    if (c.trainOnWholeCorpus) {
      for (let i = 0; i < k; i++) this.sampleCounts[i] = this.trainingLaw[i] * tokens;
      counts = this.sampleCounts;
    } else {
      counts = sampleMultinomial(tokens, this.trainingLaw, this.trainRng, this.sampleCounts, this.suffix);
    }
    const denominator = tokens + c.alpha * k;
    for (let i = 0; i < k; i++) this.modelLaw[i] = (counts[i] + c.alpha) / denominator;
    // 3. Decode (the same filter the transformer's sampler uses) and generate m tokens.
    this.samplingLaw = this.plainDecoding ? this.modelLaw : decodeProbabilities(this.modelLaw, c.decoding);
    const m = c.generatedTokens;
    if (m > 0) sampleMultinomial(m, this.samplingLaw, this.generateRng, this.generatedCounts, this.suffix);
    else this.generatedCounts.fill(0);
    // 4. Write back per paradigm and track the real share exactly.
    this.writeBack();
    this.generation++;
  }

  private writeBack(): void {
    const c = this.config;
    const k = this.symbols;
    const m = c.generatedTokens;
    const g = this.generatedCounts;
    switch (c.paradigm) {
      case 'replace': {
        this.removeAtRandom(m);
        for (let i = 0; i < k; i++) this.corpusCounts[i] += g[i];
        this.realWeight = c.realShareKept + ((1 - c.realShareKept) * this.realTokens) / this.corpusSize;
        break;
      }
      case 'accumulate':
      case 'accumulate-subsample': {
        for (let i = 0; i < k; i++) this.corpusCounts[i] += g[i];
        this.corpusSize = c.corpusTokens + (this.generation + 1) * m;
        this.realWeight = c.corpusTokens / this.corpusSize;
        break;
      }
      case 'fresh-data': {
        const fresh = c.freshRealTokens;
        if (fresh > 0) sampleMultinomial(fresh, c.initialLaw, this.freshRng, this.freshCounts, this.suffix);
        for (let i = 0; i < k; i++) this.corpusCounts[i] += this.freshCounts[i] + g[i];
        const n = this.generation + 1;
        this.corpusSize = c.corpusTokens + n * (fresh + m);
        this.realWeight = (c.corpusTokens + n * fresh) / this.corpusSize;
        break;
      }
    }
  }

  /** Replace: takes `count` tokens out of the corpus uniformly at random, real and generated alike. */
  private removeAtRandom(count: number): void {
    const k = this.symbols;
    const corpus = this.corpusCounts;
    const real = this.realCounts;
    if (count >= this.corpusSize) {
      corpus.fill(0);
      real.fill(0);
      this.realTokens = 0;
      return;
    }
    if (this.realTokens === 0) {
      // Only generated tokens are left: one cell per symbol is the whole urn.
      const taken = sampleMultivariateHypergeometric(count, corpus, this.removeRng, this.removed);
      for (let i = 0; i < k; i++) corpus[i] -= taken[i];
      return;
    }
    const urn = this.urn;
    for (let i = 0; i < k; i++) {
      urn[i] = real[i];
      urn[k + i] = corpus[i] - real[i];
    }
    const taken = sampleMultivariateHypergeometric(count, urn, this.removeRng, this.removed);
    let realTaken = 0;
    for (let i = 0; i < k; i++) {
      real[i] -= taken[i];
      realTaken += taken[i];
      corpus[i] -= taken[i] + taken[k + i];
    }
    this.realTokens -= realTaken;
  }
}
