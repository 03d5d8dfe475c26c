/**
 * The closed forms drawn beside theory mode's bands, evaluated at the recorded generations.
 * Generation index n of the unigram chain: n = 0 is D0's law p0; n >= 1 is the n-th model's
 * law, fitted on the corpus after n - 1 write-backs; the real weight is the corpus's real share
 * after n write-backs (training mix of real kept data under replace). Where a run is random
 * (the collision, replace's real share), the formula is its mean over runs.
 */
import type { Paradigm } from '../config/schema';
import { initialCorpusCounts } from '../counts/unigram-chain';
import {
  collisionOf,
  fixationProbabilities,
  meanConditionalExtinctionTime,
  meanFixationTime,
  realWeightAccumulate,
  realWeightFreshData,
  realWeightReplace,
} from '../counts/closed-forms';
import { biasedDriftFormulas } from './drift';
import { neutralChain } from './neutral-chain';
import type { ChainTokens, FormulaCurve, TheoryFormulas } from '../record';

const DIFFUSION =
  'diffusion approximation of the discrete chain (good for effective sizes >~ 20 and frequencies not of order 1/N); not exact';

export function realWeightCurve(
  paradigm: Paradigm,
  t: ChainTokens,
  recorded: readonly number[],
): FormulaCurve {
  const n0 = t.realTokens;
  const m = t.generatedTokens;
  switch (paradigm) {
    case 'replace':
      return {
        formula:
          t.realKept > 0
            ? 'gamma + (1 - gamma)(1 - lambda)^n, the mean over runs (real share of the training mix)'
            : '(1 - lambda)^n, the mean over runs: each removal takes a random share of the real text',
        values: recorded.map((n) => realWeightReplace(n, t.lambda ?? 1, t.realKept)),
      };
    case 'accumulate':
    case 'accumulate-subsample':
      return { formula: 'N0 / (N0 + n m)', values: recorded.map((n) => realWeightAccumulate(n, n0, m)) };
    case 'fresh-data':
      return {
        formula:
          '(N0 + n k) / (N0 + n (k + m)): the corpus keeps everything and gains k fresh real tokens and m generated ones each generation',
        values: recorded.map((n) => realWeightFreshData(n, n0, t.freshRealTokens, m)),
      };
  }
}

export function unigramFormulas(
  paradigm: Paradigm,
  tokens: ChainTokens,
  initialLaw: ArrayLike<number>,
  recorded: readonly number[],
): TheoryFormulas {
  const symbols = initialLaw.length;
  const chain = neutralChain(paradigm, tokens, symbols);
  const realWeight = realWeightCurve(paradigm, tokens, recorded);
  const biasedDrift = biasedDriftFormulas(paradigm, tokens, initialLaw, recorded);
  if (!chain.neutral) {
    const reason = chain.reason;
    return {
      realWeight,
      collision: { formula: null, values: null, reason: `only for the neutral chain: ${reason}` },
      fixationProbability: { formula: null, bySymbol: null, reason },
      fixationTime: { formula: null, reason },
      extinctionTime: { formula: null, reason },
      biasedDrift,
    };
  }
  // The chain starts from the corpus of N whole tokens with law p0 (exactly p0 when N = N0).
  const start = initialCorpusCounts(initialLaw, tokens.corpusTokens).map((c) => c / tokens.corpusTokens);
  const s0 = collisionOf(initialLaw);
  const sc = collisionOf(start);
  const keep = chain.keepPerGeneration;
  // E[1 - S] shrinks by the same factor every generation, exactly (closed-forms.ts).
  const collision = recorded.map((n) => (n === 0 ? s0 : 1 - chain.keepFirst * keep ** (n - 1) * (1 - sc)));
  const ne = 1 / (1 - keep);
  const law = fixationProbabilities(start);
  return {
    realWeight,
    collision: {
      formula: `1 - S_n = ${chain.firstText} ${chain.keepText}^(n - 1) (1 - S_0) for n >= 1`,
      values: collision,
      note: chain.description,
    },
    fixationProbability: {
      formula:
        "P(fix on symbol i) = p0(i), its initial frequency (the corpus law is a martingale; Shumailov et al.'s discrete theorem)",
      bySymbol: Array.from(law),
    },
    fixationTime: {
      formula: `${chain.offset} + (-2 Ne sum_i (1 - p_i) ln(1 - p_i)), Ne = 1 / (1 - keep per generation) (Littler 1975)`,
      approximation: DIFFUSION,
      effectiveSampleSize: ne,
      expectedGeneration: chain.offset + meanFixationTime(start, ne),
    },
    extinctionTime: {
      formula: `${chain.offset} + (-2 Ne p ln p / (1 - p)), given that the symbol goes extinct (Kimura & Ohta 1969)`,
      approximation: DIFFUSION,
      effectiveSampleSize: ne,
      expectedGenerationBySymbol: Array.from(law, (p) =>
        p > 0 && p < 1 ? chain.offset + meanConditionalExtinctionTime(p, ne) : null,
      ),
    },
    biasedDrift,
  };
}
