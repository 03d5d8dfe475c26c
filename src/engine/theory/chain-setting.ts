/**
 * From a SimulationConfig and its real corpus to the unigram chain of theory mode: the same
 * paradigm, budgets and decoding as the text loop, in tokens instead of characters.
 */
import type { SimulationConfig } from '../config/schema';
import type { UnigramChainConfig } from '../counts/unigram-chain';
import type { PreparedCorpus } from '../corpus/prepare';
import { EOD } from '../text/vocabulary';
import type { ChainTokens } from '../record';

export interface ChainSetting {
  chain: UnigramChainConfig;
  tokens: ChainTokens;
  initialLaw: Float64Array;
  symbols: string[];
  /** Token counts of D0 by vocabulary id (initialLaw = counts / N0). */
  initialCounts: Float64Array;
}

/**
 * p0 and N0 of D0: every character of every real document plus the EOD that closes it (the
 * models generate EOD to stop, so it is a symbol of the law like any character).
 */
export function realUnigramCounts(prepared: PreparedCorpus): { counts: Float64Array; tokens: number } {
  const counts = new Float64Array(prepared.vocabulary.size);
  let tokens = 0;
  for (const doc of prepared.real) {
    const ids = prepared.vocabulary.encode(doc.text);
    for (let i = 0; i < ids.length; i++) counts[ids[i]]++;
    counts[EOD]++;
    tokens += ids.length + 1;
  }
  return { counts, tokens };
}

const positiveTokens = (share: number, n0: number) => Math.max(1, Math.round(share * n0));

export function chainSettingFor(config: SimulationConfig, prepared: PreparedCorpus): ChainSetting {
  const { counts, tokens: n0 } = realUnigramCounts(prepared);
  if (n0 < 1) throw new Error('the real corpus is empty: theory mode needs real text to take its law from');
  const m = positiveTokens(config.contamination, n0);
  const sampledTraining = config.paradigm === 'accumulate-subsample' || config.paradigm === 'fresh-data';
  const M = positiveTokens(config.trainingSample, n0);
  const k = config.paradigm === 'fresh-data' ? Math.round(config.freshShare * n0) : 0;
  const gamma = config.paradigm === 'replace' ? config.realKept : 0;
  // Replace keeps the corpus at N = N0 tokens; m > N0 (contamination > 1) swaps out all of it,
  // after which the corpus is the m generated tokens: N = m, lambda = 1, as the text loop does.
  const corpusTokens = config.paradigm === 'replace' ? Math.max(n0, m) : n0;
  const chain: UnigramChainConfig = {
    initialLaw: counts,
    paradigm: config.paradigm,
    trainingTokens: M,
    generatedTokens: m,
    corpusTokens,
    realShareKept: gamma,
    freshRealTokens: k,
    alpha: config.model.ngramAlpha,
    decoding: config.decoding,
    // As in the text loop (corpus/paradigms.ts): replace and accumulate train on the whole
    // corpus, accumulate-subsample and fresh-data on a sample of M tokens of it.
    trainOnWholeCorpus: !sampledTraining,
  };
  return {
    chain,
    initialCounts: counts,
    initialLaw: counts.map((c) => c / n0),
    symbols: [...prepared.vocabulary.symbols],
    tokens: {
      realTokens: n0,
      trainingTokens: sampledTraining ? M : null,
      generatedTokens: m,
      freshRealTokens: k,
      corpusTokens,
      lambda: config.paradigm === 'replace' ? m / corpusTokens : null,
      realKept: gamma,
      alpha: config.model.ngramAlpha,
      decoding: { ...config.decoding },
    },
  };
}
