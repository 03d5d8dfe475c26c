import type { SimulationConfig } from '../../config/schema';
import { documentsToStream } from '../../model/batches';
import { modelShape, type ModelShape } from '../../model/config';
import { DEFAULT_ADAMW } from '../../model/adamw';
import { streamNll } from '../../model/evaluate';
import { createGpt, type Gpt } from '../../model/gpt';
import { sampleDocuments, type SamplerKind } from '../../model/sample';
import { trainingStepsFor } from '../../model/schedule';
import { Trainer } from '../../model/trainer';
import type { Rng } from '../../rng';
import type { LanguageModel, ModelFamily } from './types';

/** Steps between progress reports: each report reads the loss back from the device. */
const REPORT_EVERY = 5;

/**
 * The character-level GPT. From scratch (the paper's setting), every generation gets a fresh
 * initialisation drawn from its own seed stream; otherwise the previous weights carry on.
 */
export class TransformerFamily implements ModelFamily {
  readonly name = 'transformer';
  private readonly shape: ModelShape;
  private model: Gpt | null = null;

  constructor(
    private config: SimulationConfig,
    vocabSize: number,
    private readonly rng: Rng,
    private readonly sampler: SamplerKind = 'kv-cache',
    /** N0, the characters of D0: the unit of the `fixed-epochs` budget rule. */
    private readonly realChars = 0,
  ) {
    this.shape = modelShape(config.model.size, vocabSize);
  }

  async baselineNll(heldOut: readonly Int32Array[]) {
    const untrained = createGpt(this.shape, this.rng.split('init-0'));
    try {
      return await streamNll(untrained, documentsToStream(heldOut));
    } finally {
      untrained.dispose();
    }
  }

  async train(
    generation: number,
    documents: readonly Int32Array[],
    onProgress: (p: { step: number; totalSteps: number; loss: number; learningRate: number; tokensPerSec: number }) => Promise<void>,
    signal: AbortSignal,
  ): Promise<LanguageModel> {
    const fresh = !this.config.model.continueTraining || this.model === null;
    if (fresh) {
      this.model?.dispose();
      this.model = createGpt(this.shape, this.rng.split(`init-${generation}`));
    }
    const model = this.model as Gpt;
    const { batchSize, learningRate, warmupSteps } = this.config.training;
    const trainingChars = documents.reduce((n, d) => n + d.length, 0);
    const steps = trainingStepsFor(this.config.training, trainingChars, this.realChars);
    const trainer = new Trainer(
      model,
      { steps, batchSize, learningRate, warmupSteps: Math.min(warmupSteps, steps), reportEvery: Math.min(REPORT_EVERY, steps), adamw: DEFAULT_ADAMW },
      this.rng.split(`train-${generation}`),
    );
    try {
      await trainer.train(documentsToStream(documents), onProgress, signal);
    } catch (e) {
      // Diverged (or cancelled) weights must not carry on into a retry or the next generation.
      this.model?.dispose();
      this.model = null;
      throw e;
    } finally {
      trainer.dispose();
    }
    const sampler = this.sampler;
    return {
      nll: (docs) => streamNll(model, documentsToStream(docs)),
      sample: (options, rng) => sampleDocuments(model, { ...options, sampler, batchSize: 32 }, rng),
    };
  }

  updateConfig(config: SimulationConfig): void {
    this.config = config;
  }

  dispose(): void {
    this.model?.dispose();
    this.model = null;
  }
}
