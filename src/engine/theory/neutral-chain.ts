/**
 * When the unigram chain is a neutral, absorbing Wright-Fisher-like chain, and how fast it
 * drifts: the condition for the collision, fixation and extinction-time closed forms.
 */
import type { ChainTokens } from '../record';
import type { Paradigm } from '../config/schema';
import { replaceCollisionKeep } from '../counts/closed-forms';
import type { DecodingSettings } from '../decoding';

export type NeutralChain =
  | {
      neutral: true;
      /** Factor of E[1 - S] per generation after the first. */
      keepPerGeneration: number;
      /** Factor of E[1 - S] between the starting corpus and the first model's law (1 when p_1 is that corpus' law). */
      keepFirst: number;
      /** The same two as text for the formula line. */
      keepText: string;
      firstText: string;
      /** Generations before the drift starts: 1 when p_1 is the starting corpus' law (the first model fits D0 itself). */
      offset: number;
      description: string;
    }
  | { neutral: false; reason: string };

/** Decoding that leaves the law as it is: temperature 1, no top-k cut, no nucleus cut. */
export function isPlainDecoding(d: DecodingSettings, symbols: number): boolean {
  return d.temperature === 1 && (d.topK <= 0 || d.topK >= symbols) && d.topP >= 1;
}

export function neutralChain(paradigm: Paradigm, tokens: ChainTokens, symbols: number): NeutralChain {
  if (tokens.alpha > 0)
    return {
      neutral: false,
      reason:
        'add-alpha smoothing biases every refit toward uniform: no symbol is ever lost, the chain has no absorbing state',
    };
  if (!isPlainDecoding(tokens.decoding, symbols)) {
    return {
      neutral: false,
      reason:
        'temperature / top-k / top-p bias every generation: the law is no martingale, the neutral closed forms do not hold',
    };
  }
  const m = tokens.generatedTokens;
  const n = tokens.corpusTokens;
  const sample = tokens.trainingTokens;
  if (paradigm === 'replace' && tokens.realKept > 0) {
    return {
      neutral: false,
      reason: 'real data is kept in every training set: no symbol of D0 is ever lost for good',
    };
  }
  if (paradigm === 'replace' && (sample === null || m === n)) {
    const keep = replaceCollisionKeep(n, m, sample ?? Infinity);
    const lambda = m / n;
    const keepText =
      sample === null
        ? `[1 - (m (N - m)/(N - 1) + m)/N^2] = ${keep.toPrecision(8)}`
        : `(1 - 1/${sample})(1 - 1/${n})`;
    return {
      neutral: true,
      keepPerGeneration: keep,
      keepFirst: sample === null ? 1 : 1 - 1 / sample,
      keepText,
      firstText: sample === null ? '1' : `(1 - 1/${sample})`,
      offset: sample === null ? 1 : 0,
      description:
        lambda < 1
          ? `replace, nothing real kept, lambda = ${lambda.toPrecision(3)}: each generation removes m = ${m} of the N = ${n} tokens at random (a symbol whose last token leaves is gone for good) and adds m drawn from the model; the first model fits D0 itself (p_1 = p0)`
          : `replace, fully synthetic (lambda = 1, nothing real kept): each model fits the m = ${m} tokens of the previous one; the first model fits D0 itself (p_1 = p0)`,
    };
  }
  if (paradigm === 'replace') {
    return {
      neutral: false,
      reason:
        'the model fits a sample of a corpus that still holds older text: it can lose a symbol the corpus keeps, so the model is not absorbed when the corpus is',
    };
  }
  if (paradigm === 'fresh-data' && tokens.freshRealTokens > 0) {
    return {
      neutral: false,
      reason:
        'fresh real data re-enters every generation: the chain is pulled back toward p0 and never absorbed',
    };
  }
  return {
    neutral: false,
    reason:
      'the corpus keeps D0 for ever (it only grows): a Polya-urn-like martingale that converges to a random law but is not absorbed',
  };
}
