import type { SimulationConfig } from '../config/schema';
import { Corpus } from '../corpus/corpus';
import { prepareCorpus, type PreparedCorpus } from '../corpus/prepare';
import { ExtinctionTracker } from '../metrics/extinction';
import { prepareReference } from '../metrics/generation-metrics';
import { findNStar, perplexityFromNll } from '../metrics/perplexity';
import type { SamplerKind } from '../model/sample';
import { createRng, type Rng } from '../rng';
import { mergeLiveSettings } from './config-change';
import { LoopControl } from './control';
import { EventQueue } from './event-queue';
import type { SimulationEvent } from './events';
import { NgramFamily } from './families/ngram';
import type { ModelFamily } from './families/types';
import { runGeneration, type RunState } from './generation';
import type { GenerationReport } from './report';

export interface RunOptions {
  /** The user's own documents, when config.corpus.source is 'user'. */
  userDocuments?: readonly string[];
  control?: LoopControl;
  /** The sampler the backend prefers ('auto' in the config resolves to it). */
  preferredSampler?: SamplerKind;
  /** Makes the model family instead of the config's own (tests inject faults through it). */
  createFamily?: (config: SimulationConfig, prepared: PreparedCorpus) => Promise<ModelFamily>;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Prompts every generation continues. */
const PROMPT_COUNT = 3;
const PROMPT_CHARS = 24;
/** Held-out documents shown beside generated ones. */
const REAL_SAMPLES = 8;

/** The first words (about PROMPT_CHARS characters, cut at a space) of the first held-out documents. */
export function promptsFrom(heldOut: readonly string[]): string[] {
  return heldOut.slice(0, PROMPT_COUNT).map((doc) => {
    const head = Array.from(doc).slice(0, PROMPT_CHARS).join('');
    const space = head.lastIndexOf(' ');
    return space > PROMPT_CHARS / 2 ? head.slice(0, space + 1) : head;
  });
}

/** The trainer's TrainingDivergedError, recognised by name: importing it would load TensorFlow.js. */
function divergence(e: unknown): { step: number; loss: number } | null {
  if (!(e instanceof Error) || e.name !== 'TrainingDivergedError') return null;
  const { step, loss } = e as Error & { step?: number; loss?: number };
  return { step: step ?? 0, loss: loss ?? NaN };
}

/**
 * One generation; if its training diverges (a NaN or infinite loss), the run pauses with an
 * explanation and, on resume, trains that generation again with whatever settings the user
 * changed meanwhile. Nothing of the generation reached the corpus, so every finished one stays.
 */
async function runGenerationOrPause(state: RunState, generation: number): Promise<GenerationReport> {
  for (;;) {
    try {
      return await runGeneration(state, generation);
    } catch (e) {
      const diverged = divergence(e);
      if (!diverged || state.control.signal.aborted) throw e;
      const lr = state.config.training.learningRate;
      state.emit({
        type: 'notice',
        message:
          `Training of generation ${generation} diverged at step ${diverged.step} (loss ${diverged.loss}). The run is paused: ` +
          `lower the learning rate (now ${lr}) or check the corpus, then resume to train this generation again. ` +
          'Every finished generation is kept.',
      });
      state.control.pause();
      await state.control.checkpoint(() => state.emit({ type: 'paused', generation }));
      takeConfigChange(state, generation);
    }
  }
}

/** Takes settings requested since the last generation; reports what changed and what could not. */
function takeConfigChange(state: RunState, generation: number): void {
  const next = state.control.takeRequestedConfig();
  if (!next) return;
  const change = mergeLiveSettings(state.config, next);
  if (change.refused.length > 0) {
    state.emit({ type: 'notice', message: `${change.refused.join(', ')} only change when the run starts again` });
  }
  if (change.changed.length === 0) return;
  state.config = change.config;
  state.paradigm.config = change.config;
  state.family.updateConfig(change.config);
  state.emit({ type: 'configChanged', config: change.config, fromGeneration: generation, changed: change.changed });
}

/**
 * The transformer family is loaded on demand: it is the only part of the loop that needs
 * TensorFlow.js, so count-model runs (theory mode, its worker, the CLI) never load it.
 */
async function createFamily(config: SimulationConfig, prepared: PreparedCorpus, rng: Rng, sampler: SamplerKind): Promise<ModelFamily> {
  if (config.model.family === 'ngram') return new NgramFamily(config, prepared.vocabulary, prepared.source);
  const { TransformerFamily } = await import('./families/transformer');
  return new TransformerFamily(config, prepared.vocabulary.size, rng.split('model'), sampler);
}

async function setUp(config: SimulationConfig, options: RunOptions, control: LoopControl, emit: (e: SimulationEvent) => void): Promise<RunState> {
  const prepared = prepareCorpus(config, options.userDocuments);
  const rng = createRng(config.seed);
  const sampler: SamplerKind = config.sampling.sampler === 'auto' ? (options.preferredSampler ?? 'kv-cache') : config.sampling.sampler;
  const family = options.createFamily ? await options.createFamily(config, prepared) : await createFamily(config, prepared, rng, sampler);
  const realChars = prepared.real.reduce((n, d) => n + d.chars, 0);
  return {
    config,
    prepared,
    corpus: new Corpus(prepared.real),
    paradigm: { config, real: prepared.real, realChars, reserve: [...prepared.reserve] },
    family,
    heldOutIds: prepared.heldOut.map((d) => prepared.vocabulary.encode(d)),
    reference: prepareReference(prepared.heldOut),
    extinction: new ExtinctionTracker(prepared.heldOut),
    prompts: promptsFrom(prepared.heldOut).map((text) => ({ text, ids: prepared.vocabulary.encode(text) })),
    sourceEntropyRate: prepared.source ? prepared.source.entropyRate() : null,
    rng: rng.split('loop'),
    control,
    emit,
  };
}

async function run(config: SimulationConfig, options: RunOptions, control: LoopControl, emit: (e: SimulationEvent) => void) {
  let state: RunState | null = null;
  let generation: number | null = null;
  let nStar: number | null = null;
  try {
    state = await setUp(config, options, control, emit);
    const { prepared } = state;
    emit({
      type: 'runStarted',
      config,
      vocabulary: [...prepared.vocabulary.symbols],
      realChars: state.paradigm.realChars,
      heldOutChars: prepared.heldOut.reduce((n, d) => n + d.length, 0),
      realSamples: prepared.heldOut.slice(0, REAL_SAMPLES),
    });
    for (const message of prepared.notices) emit({ type: 'notice', message });
    const base = await state.family.baselineNll(state.heldOutIds);
    const baseline = perplexityFromNll(base.totalNll, base.tokens);
    emit({ type: 'baseline', perplexity: baseline.perplexity, nllPerChar: baseline.nllPerChar });

    const perplexities: number[] = [];
    for (generation = 0; generation < state.config.generations; generation++) {
      takeConfigChange(state, generation);
      if (generation >= state.config.generations) break; // the new settings asked for fewer
      const report = await runGenerationOrPause(state, generation);
      perplexities.push(report.perplexity);
      nStar = findNStar(perplexities, baseline.perplexity, 0.05, 0);
      emit({ type: 'generationDone', report, nStar });
      control.generationEnded();
    }
    emit({ type: 'runDone', status: 'complete', generations: generation, nStar });
  } catch (e) {
    if (control.signal.aborted) emit({ type: 'runDone', status: 'cancelled', generations: generation ?? 0, nStar });
    else emit({ type: 'error', message: messageOf(e), generation });
  } finally {
    state?.family.dispose();
  }
}

/**
 * The generation loop as an async generator of typed events. Generation 0 trains on real text
 * only; each later generation trains on a corpus its predecessors' text has entered. Every
 * random choice follows from config.seed. Errors end the stream with an `error` event (what was
 * finished stays reported); cancelling ends it with `runDone` status 'cancelled'.
 */
export async function* runSimulation(config: SimulationConfig, options: RunOptions = {}): AsyncGenerator<SimulationEvent> {
  const control = options.control ?? new LoopControl();
  const queue = new EventQueue<SimulationEvent>();
  const done = run(config, options, control, (e) => queue.push(e)).finally(() => queue.close());
  try {
    yield* queue.drain();
  } finally {
    // The consumer stopped early (break/return): stop the run and let it clean up.
    control.cancel();
    await done;
  }
}
