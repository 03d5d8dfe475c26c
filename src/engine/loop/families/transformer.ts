import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../backend';
import type { SimulationConfig } from '../../config/schema';
import { startReplicas, workerCount, type ParallelTraining } from '../../parallel/replica-host';
import { documentsToStream } from '../../model/train/batches';
import { modelShape, type ModelShape } from '../../model/shape';
import { DEFAULT_ADAMW } from '../../model/train/adamw';
import { streamNll } from '../../model/infer/evaluate';
import { documentNlls } from '../../model/infer/document-nll';
import { createGpt, type Gpt } from '../../model/gpt';
import { sampleDocuments, type SamplerKind } from '../../model/infer/sample';
import { trainingStepsFor } from '../../model/train/schedule';
import { Trainer } from '../../model/train/trainer';
import { createRng, type Rng } from '../../rng';
import { DataParallelTrainer } from '../../parallel/data-parallel-trainer';
import type { ReplicaPool } from '../../parallel/replica-pool';
import type { LanguageModel, ModelFamily } from './types';

/** Steps between progress reports: each report reads the loss back from the device. */
const REPORT_EVERY = 5;
/** Sequences sampled together (and per call: the benchmarks' sampling figures use the same). */
export const SAMPLE_BATCH = 32;

/**
 * The transformer family of a run, with its training workers when the environment offers them
 * and the backend computes on the CPU (replica-host.ts): the notices say how many train, and
 * which were dropped.
 */
export async function createTransformerFamily(
  config: SimulationConfig,
  vocabSize: number,
  rng: Rng,
  sampler: SamplerKind,
  realChars: number,
  parallel?: ParallelTraining,
): Promise<TransformerFamily> {
  if (!parallel) return new TransformerFamily(config, vocabSize, rng, sampler, realChars);
  const backend = tf.getBackend() as BackendName;
  const workers = workerCount(config.compute.workers, parallel.host, backend, config.training.batchSize);
  const replicas = await startReplicas(
    parallel.host,
    workers,
    backend,
    modelShape(config.model.size, vocabSize),
    (d) =>
      parallel.notice(`Training worker ${d.index} was dropped (${d.reason}); training goes on without it.`),
  );
  const used = 1 + (replicas?.size ?? 0);
  if (workers > 1)
    parallel.notice(
      `Training on ${used} of ${workers} workers (${backend}), each computing its share of every batch.`,
    );
  return new TransformerFamily(config, vocabSize, rng, sampler, realChars, replicas);
}

/**
 * The character-level GPT. From scratch (the paper's setting), every generation gets a fresh
 * initialisation drawn from its own seed stream; otherwise the previous weights carry on.
 */
export class TransformerFamily implements ModelFamily {
  readonly name = 'transformer';
  private readonly shape: ModelShape;
  private model: Gpt | null = null;
  private localBusy = false;
  /** Sampling running on this thread: a new model waits for it (a dropped call may still be drawing). */
  private localSampling: Promise<unknown> = Promise.resolve();

  constructor(
    private config: SimulationConfig,
    vocabSize: number,
    private readonly rng: Rng,
    private readonly sampler: SamplerKind = 'kv-cache',
    /** N0, the characters of D0: the unit of the `fixed-epochs` budget rule. */
    private readonly realChars = 0,
    /** Training workers beside this thread (data parallelism); null trains on this thread alone. */
    private readonly replicas: ReplicaPool | null = null,
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
    onProgress: (p: {
      step: number;
      totalSteps: number;
      loss: number;
      learningRate: number;
      tokensPerSec: number;
    }) => Promise<void>,
    signal: AbortSignal,
  ): Promise<LanguageModel> {
    await this.localSampling;
    const fresh = !this.config.model.continueTraining || this.model === null;
    if (fresh) {
      this.model?.dispose();
      this.model = createGpt(this.shape, this.rng.split(`init-${generation}`));
    }
    const model = this.model as Gpt;
    const { batchSize, learningRate, warmupSteps } = this.config.training;
    const trainingChars = documents.reduce((n, d) => n + d.length, 0);
    const steps = trainingStepsFor(this.config.training, trainingChars, this.realChars);
    const settings = {
      steps,
      batchSize,
      learningRate,
      warmupSteps: Math.min(warmupSteps, steps),
      reportEvery: Math.min(REPORT_EVERY, steps),
      adamw: DEFAULT_ADAMW,
    };
    const trainingRng = this.rng.split(`train-${generation}`);
    const trainer = this.replicas
      ? new DataParallelTrainer(model, settings, trainingRng, this.replicas)
      : new Trainer(model, settings, trainingRng);
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
    return {
      nll: (docs) => streamNll(model, documentsToStream(docs)),
      sample: (options, rng) => this.sample(model, options, rng),
      parallelCalls: 1 + (this.replicas?.size ?? 0),
      keepScorer: () => {
        // A copy: the next generation trains this model further (continue) or frees it (fresh).
        const copy = this.copyOf(model);
        return { documentNlls: (docs) => documentNlls(copy, docs), dispose: () => copy.dispose() };
      },
    };
  }

  /** A new model holding the same weights, which training the original leaves alone. */
  private copyOf(model: Gpt): Gpt {
    const copy = createGpt(this.shape, this.rng.split('kept-copy'));
    copy.variables.forEach((v, i) => v.assign(model.variables[i]));
    return copy;
  }

  /**
   * One sampling call: on this thread when it is free, else on a replica (which holds the same
   * weights after training). The call's stream is rebuilt from its seed, so where it runs does not
   * change the text.
   */
  private async sample(model: Gpt, options: Parameters<LanguageModel['sample']>[0], rng: Rng) {
    const request = { ...options, sampler: this.sampler, batchSize: SAMPLE_BATCH, seed: rng.seed };
    if (this.replicas && this.localBusy) {
      const remote = await this.replicas.sample(request);
      if (remote) return remote;
    }
    this.localBusy = true;
    const { seed, ...local } = request;
    const done = sampleDocuments(model, local, createRng(seed));
    this.localSampling = done.catch(() => {});
    try {
      return await done;
    } finally {
      this.localBusy = false;
    }
  }

  updateConfig(config: SimulationConfig): void {
    this.config = config;
  }

  dispose(): void {
    this.model?.dispose();
    this.model = null;
    this.replicas?.dispose();
  }
}
