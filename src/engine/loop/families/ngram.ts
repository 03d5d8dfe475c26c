import type { SimulationConfig } from '../../config/schema';
import {
  exactSourceModelKl,
  orderTwoSource,
  stationaryContextWeights,
  type ExactLawModel,
} from '../../counts/exact-divergence';
import { NgramModel } from '../../counts/ngram-model';
import type { MarkovSource as TextMarkovSource } from '../../text/markov-source';
import { EOD, type Vocabulary } from '../../text/vocabulary';
import type { LanguageModel, ModelFamily, TrainingProgress } from './types';

/**
 * Evaluation floor for an unsmoothed count model: an unseen event would make the held-out
 * perplexity infinite (and unplottable); with the floor it is finite but biased low, and the
 * report counts how many tokens needed it.
 */
export const NGRAM_EVAL_FLOOR = 1e-6;

/** The markov source's law re-indexed to the run's vocabulary ids. */
function exactKlAgainst(source: TextMarkovSource, vocabulary: Vocabulary) {
  const exactSource = orderTwoSource(source);
  const weights = stationaryContextWeights(exactSource);
  // Source outcome 0 is EOD, outcome i + 1 is symbols[i].
  const toVocab = [EOD, ...source.symbols.map((s) => vocabulary.encode(s)[0])];
  return (model: NgramModel): number | null => {
    if (model.order > 2) return null; // it conditions on more than the source's context: no exact figure
    const adapted: ExactLawModel = {
      law: (context) => {
        const law = model.law(Array.from(context, (c) => toVocab[c]));
        return toVocab.map((id) => law[id]);
      },
    };
    return exactSourceModelKl(exactSource, adapted, weights).kl;
  };
}

/** The n-gram count model of theory mode, refitted by counting every generation. */
export class NgramFamily implements ModelFamily {
  readonly name = 'ngram';
  private readonly exactKl: ((m: NgramModel) => number | null) | null;

  constructor(
    private config: SimulationConfig,
    private readonly vocabulary: Vocabulary,
    source?: TextMarkovSource,
  ) {
    this.exactKl = source ? exactKlAgainst(source, vocabulary) : null;
  }

  /** An untrained count model knows nothing: the uniform law, perplexity = vocabulary size. */
  async baselineNll(heldOut: readonly Int32Array[]) {
    const tokens = heldOut.reduce((n, d) => n + d.length + 1, 0);
    return { totalNll: tokens * Math.log(this.vocabulary.size), tokens };
  }

  async train(
    _generation: number,
    documents: readonly Int32Array[],
    onProgress: (p: TrainingProgress) => Promise<void>,
  ): Promise<LanguageModel> {
    const started = performance.now();
    const model = NgramModel.fit(documents, {
      order: this.config.model.ngramOrder,
      vocabularySize: this.vocabulary.size,
      alpha: this.config.model.ngramAlpha,
    });
    const seconds = Math.max((performance.now() - started) / 1000, 1e-6);
    // "Training" is one counting pass; report it as one step so the progress bar completes.
    await onProgress({
      step: 1,
      totalSteps: 1,
      loss: NaN,
      learningRate: 0,
      tokensPerSec: model.trainingTokens / seconds,
    });
    const exactKl = this.exactKl;
    return {
      nll: async (docs) => {
        const ll = model.logLikelihood(docs, { floor: NGRAM_EVAL_FLOOR });
        return { totalNll: ll.nll, tokens: ll.tokens, flooredTokens: ll.flooredTokens };
      },
      sample: async ({ count, maxLength, decoding, prompt }, rng) => {
        const docs = model.sampleDocuments(count, maxLength, decoding, rng, prompt);
        return { documents: docs, hitCap: docs.map((d) => d.length >= maxLength) };
      },
      exactKl: exactKl ? () => exactKl(model) : undefined,
      // A fitted count model is never changed by a later fit: keeping it is keeping the object.
      keepScorer: () => ({
        documentNlls: async (docs) =>
          docs.map((doc) => {
            const ll = model.logLikelihood([doc], { floor: NGRAM_EVAL_FLOOR });
            return { nll: ll.nll, tokens: ll.tokens };
          }),
        dispose: () => {},
      }),
    };
  }

  updateConfig(config: SimulationConfig): void {
    this.config = config;
  }

  dispose(): void {}
}
