import type { SimulationConfig } from '../../config/schema';
import type { DecodingSettings } from '../../decoding';
import type { DocumentNll } from '../../metrics/perplexity-spread';
import type { Rng } from '../../rng';

export interface TrainingProgress {
  step: number;
  totalSteps: number;
  loss: number;
  learningRate: number;
  tokensPerSec: number;
}

export interface SampledText {
  /** Generated documents as ids, without the final end-of-document symbol. */
  documents: Int32Array[];
  hitCap: boolean[];
}

/** A trained model of either family, as the loop uses it. */
export interface LanguageModel {
  /**
   * Negative log-likelihood (nats) of documents, each predicted with its closing EOD.
   * flooredTokens: tokens scored at an evaluation floor instead of their probability (count
   * models, whose unseen events have probability 0); absent where no floor applies.
   */
  nll(
    documents: readonly Int32Array[],
  ): Promise<{ totalNll: number; tokens: number; flooredTokens?: number }>;
  /** Documents from the start-of-document state, or continuations of `prompt` (not in the output). */
  sample(
    options: { count: number; maxLength: number; decoding: DecodingSettings; prompt?: Int32Array },
    rng: Rng,
  ): Promise<SampledText>;
  /**
   * Sampling calls it can run at once (one per training worker); 1 when absent. Each call must
   * then get a fresh random stream (a split nobody has drawn from).
   */
  parallelCalls?: number;
  /** Exact per-token KL(source || model), where the family can compute it without sampling. */
  exactKl?(): number | null;
  /**
   * A copy of this model that scores documents one by one and outlives its generation (the
   * family's next train() neither frees nor changes it), until disposed.
   */
  keepScorer?(): DocumentScorer;
}

/** A model kept to score later generations' documents (loop/generation-zero-view.ts). */
export interface DocumentScorer {
  /** Each document's NLL (nats) over its characters and its end token, read from the start-of-document state. */
  documentNlls(documents: readonly Int32Array[]): Promise<DocumentNll[]>;
  dispose(): void;
}

/**
 * A model family: how a generation's model is made from its training set. The loop owns the
 * order of things; the family owns the maths and the memory of its models.
 */
export interface ModelFamily {
  readonly name: 'transformer' | 'ngram';
  /** Held-out NLL of an untrained model of the same architecture and seed. */
  baselineNll(heldOut: readonly Int32Array[]): Promise<{ totalNll: number; tokens: number }>;
  /** Trains generation g's model on the documents; the previous model is released first. */
  train(
    generation: number,
    documents: readonly Int32Array[],
    onProgress: (p: TrainingProgress) => Promise<void>,
    signal: AbortSignal,
  ): Promise<LanguageModel>;
  /** Settings for the generations still to come (see config-change.ts for which may change). */
  updateConfig(config: SimulationConfig): void;
  /** Frees everything (models, optimizer state). */
  dispose(): void;
}
