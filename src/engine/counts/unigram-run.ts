/**
 * One run of the unigram recursion, recorded generation by generation: the metric series,
 * when (if ever) the model was absorbed into a single symbol, and each symbol's extinction
 * generation (Dohmatob et al.: rare symbols go first).
 */
import type { Rng } from '../rng';
import { UnigramChain, type UnigramChainConfig } from './unigram-chain';
import { measureUnigram, UNIGRAM_METRICS, UnigramReference } from './unigram-metrics';

export interface UnigramRun {
  generations: number;
  /** series[metric index][generation], generations 0..G; generation 0 is the real law itself. */
  series: Float64Array[];
  /** First generation whose model has support 1 (repetition of one symbol), or -1. */
  absorbedAt: number;
  /** The symbol it was absorbed into, or -1. */
  absorbedSymbol: number;
  /** Per symbol: first generation whose model gives it probability 0, or -1 if never. */
  extinctionGeneration: Int32Array;
  /** p_G, the last model's fitted law. */
  finalLaw: Float64Array;
}

export function runUnigramChain(config: UnigramChainConfig, generations: number, rng: Rng): UnigramRun {
  if (!Number.isInteger(generations) || generations < 0)
    throw new RangeError('generations must be an integer >= 0');
  const chain = new UnigramChain(config, rng);
  const reference = new UnigramReference(chain.config.initialLaw);
  const metricCount = UNIGRAM_METRICS.length;
  const series = Array.from({ length: metricCount }, () => new Float64Array(generations + 1));
  const row = new Float64Array(metricCount);
  const extinction = new Int32Array(chain.symbols).fill(-1);
  let absorbedAt = -1;
  let absorbedSymbol = -1;
  for (let g = 0; g <= generations; g++) {
    if (g > 0) chain.step();
    measureUnigram(chain.modelLaw, reference, chain.realWeight, row);
    for (let j = 0; j < metricCount; j++) series[j][g] = row[j];
    let support = 0;
    let last = -1;
    for (let i = 0; i < chain.symbols; i++) {
      if (chain.modelLaw[i] > 0) {
        support++;
        last = i;
      } else if (extinction[i] < 0 && reference.law[i] > 0) {
        extinction[i] = g;
      }
    }
    if (support === 1 && absorbedAt < 0) {
      absorbedAt = g;
      absorbedSymbol = last;
    }
  }
  return {
    generations,
    series,
    absorbedAt,
    absorbedSymbol,
    extinctionGeneration: extinction,
    finalLaw: Float64Array.from(chain.modelLaw),
  };
}
