/**
 * Setting a run up: its real text, corpus, model family, metric references and random streams,
 * made from the config or restored from a checkpoint.
 */
import type { SimulationConfig } from '../config/schema';
import { Corpus, totalChars } from '../corpus/corpus';
import { prepareCorpus, type PreparedCorpus } from '../corpus/prepare';
import { ExtinctionTracker } from '../metrics/extinction';
import { prepareEvaluationReference } from '../metrics/generation-metrics';
import type { SamplerKind } from '../model/infer/sample';
import type { ParallelTraining } from '../parallel/replica-host';
import { createRng } from '../rng';
import { NO_CLASS_MESSAGE } from './class-review';
import { corpusFromCheckpoint, preparedFromCheckpoint } from './control/checkpoint';
import { guardBackendFaults } from './control/faults';
import type { LoopControl } from './control/loop-control';
import { NgramFamily } from './families/ngram';
import type { ModelFamily } from './families/types';
import type { RunOptions, RunState, SimulationEvent } from './types';

/** Prompts every generation continues. */
const PROMPT_COUNT = 3;
const PROMPT_CHARS = 24;

/** The first words (about PROMPT_CHARS characters, cut at a space) of the first held-out documents. */
export function promptsFrom(heldOut: readonly string[]): string[] {
  return heldOut.slice(0, PROMPT_COUNT).map((doc) => {
    const head = Array.from(doc).slice(0, PROMPT_CHARS).join('');
    const space = head.lastIndexOf(' ');
    return space > PROMPT_CHARS / 2 ? head.slice(0, space + 1) : head;
  });
}

/**
 * The transformer family is loaded on demand: it is the only part of the loop that needs
 * TensorFlow.js, so count-model runs (theory mode, its worker, the CLI) never load it.
 */
export async function createConfiguredFamily(
  config: SimulationConfig,
  prepared: PreparedCorpus,
  sampler: SamplerKind,
  parallel?: ParallelTraining,
): Promise<ModelFamily> {
  if (config.model.family === 'ngram') return new NgramFamily(config, prepared.vocabulary, prepared.source);
  const { createTransformerFamily } = await import('./families/transformer');
  return createTransformerFamily(
    config,
    prepared.vocabulary.size,
    createRng(config.seed).split('model'),
    sampler,
    totalChars(prepared.real),
    parallel,
  );
}

/** The sampler a run uses: the config's, or the backend's preference when the config says 'auto'. */
export const resolveSampler = (config: SimulationConfig, preferred?: SamplerKind): SamplerKind =>
  config.sampling.sampler === 'auto' ? (preferred ?? 'kv-cache') : config.sampling.sampler;

/** The state a run starts from: prepared from the config, or restored from a checkpoint. */
export async function setUpRun(
  config: SimulationConfig,
  options: RunOptions,
  control: LoopControl,
  emit: (e: SimulationEvent) => void,
): Promise<RunState> {
  const checkpoint = options.resumeFrom;
  const runConfig = checkpoint ? checkpoint.config : config;
  if (runConfig.filter.byClass && !options.reviewByClass) throw new Error(NO_CLASS_MESSAGE);
  const prepared = checkpoint
    ? preparedFromCheckpoint(checkpoint)
    : prepareCorpus(runConfig, options.userDocuments);
  // Every random stream is split from the seed by name, so a resumed run draws what the
  // uninterrupted run would have drawn from the same generation on.
  const rng = createRng(runConfig.seed);
  const sampler = resolveSampler(runConfig, options.preferredSampler);
  const setupNotices = heldNotices(emit);
  const parallel = options.replicaHost ? { host: options.replicaHost, notice: setupNotices.say } : undefined;
  const made = options.createFamily
    ? await options.createFamily(runConfig, prepared, parallel)
    : await createConfiguredFamily(runConfig, prepared, sampler, parallel);
  const family = made.name === 'transformer' ? guardBackendFaults(made, control.signal) : made;
  const realChars = totalChars(prepared.real);
  // Every generation's sample is measured against this held-out sample, of the same size.
  const reference = prepareEvaluationReference(
    prepared.heldOut,
    prepared.real.map((d) => d.text),
    runConfig.evaluation.sampleChars,
  );
  return {
    config: runConfig,
    prepared,
    corpus: new Corpus(checkpoint ? corpusFromCheckpoint(checkpoint) : prepared.real),
    paradigm: {
      config: runConfig,
      real: prepared.real,
      realChars,
      reserve: [...prepared.reserve],
      ...(checkpoint?.corpusCap ? { corpusCap: checkpoint.corpusCap } : {}),
      ...(checkpoint?.capReached ? { capReached: true } : {}),
    },
    family,
    heldOutIds: prepared.heldOut.map((d) => prepared.vocabulary.encode(d)),
    reference,
    extinction: checkpoint
      ? ExtinctionTracker.fromJSON(checkpoint.extinction)
      : new ExtinctionTracker(reference.support),
    prompts: promptsFrom(prepared.heldOut).map((text) => ({ text, ids: prepared.vocabulary.encode(text) })),
    sourceEntropyRate: prepared.source ? prepared.source.entropyRate() : null,
    rng: rng.split('loop'),
    control,
    emit,
    setupNotices,
    ...(options.reviewByClass ? { reviewByClass: options.reviewByClass } : {}),
  };
}

/** Notices held until release(), then emitted, and every later one at once. */
function heldNotices(emit: (e: SimulationEvent) => void) {
  const held: string[] = [];
  let released = false;
  return {
    held,
    say(message: string) {
      if (released) emit({ type: 'notice', message });
      else held.push(message);
    },
    release() {
      released = true;
      for (const message of held.splice(0)) emit({ type: 'notice', message });
    },
  };
}
