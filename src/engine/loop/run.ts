import type { SimulationConfig } from '../config/schema';
import { findNStar, perplexityFromNll } from '../metrics/perplexity';
import { takeCheckpoint, type RunCheckpoint } from './checkpoint';
import { mergeLiveSettings } from './config-change';
import { LoopControl } from './control';
import { EventQueue } from './event-queue';
import type { SimulationEvent } from './events';
import { isBackendFault, isTrainingDivergence } from './faults';
import { runGeneration, type RunState } from './generation';
import type { GenerationReport } from '../record';
import { setUpRun, type RunOptions } from './setup';

export { promptsFrom, type RunOptions } from './setup';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Held-out documents shown beside generated ones. */
const REAL_SAMPLES = 8;

/** The trainer's TrainingDivergedError (recognised by name: importing it would load TensorFlow.js). */
function divergence(e: unknown): { step: number; loss: number } | null {
  if (!isTrainingDivergence(e)) return null;
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

/** What a resumed run says first: where it goes on, and what it could not keep. */
function resumeNotices(state: RunState, checkpoint: RunCheckpoint): string[] {
  const g = checkpoint.nextGeneration;
  const kept = g === 1 ? 'generation 0 is kept' : `generations 0-${g - 1} are kept`;
  const notices = [g === 0 ? 'The run starts again at generation 0 (its baseline is kept).' : `The run goes on from generation ${g}; ${kept}.`];
  if (g > 0 && state.config.model.continueTraining && state.family.name === 'transformer') {
    notices.push(`Model weights are not kept between workers: generation ${g} trains from a fresh model instead of continuing generation ${g - 1}'s.`);
  }
  return notices;
}

async function run(config: SimulationConfig, options: RunOptions, control: LoopControl, emit: (e: SimulationEvent) => void) {
  let state: RunState | null = null;
  let generation: number | null = null;
  const resumed = options.resumeFrom;
  let nStar: number | null = resumed?.nStar ?? null;
  try {
    state = await setUpRun(config, options, control, emit);
    const { prepared } = state;
    emit({
      type: 'runStarted',
      config: state.config,
      vocabulary: [...prepared.vocabulary.symbols],
      realChars: state.paradigm.realChars,
      heldOutChars: prepared.heldOut.reduce((n, d) => n + d.length, 0),
      realSamples: prepared.heldOut.slice(0, REAL_SAMPLES),
    });
    const notices = resumed ? resumeNotices(state, resumed) : prepared.notices;
    for (const message of notices) emit({ type: 'notice', message });
    state.setupNotices.release();
    let baseline = resumed?.baseline;
    if (!baseline) {
      const base = await state.family.baselineNll(state.heldOutIds);
      const measured = perplexityFromNll(base.totalNll, base.tokens);
      baseline = { perplexity: measured.perplexity, nllPerChar: measured.nllPerChar };
    }
    emit({ type: 'baseline', ...baseline });

    const perplexities: number[] = resumed ? [...resumed.perplexities] : [];
    const first = resumed?.nextGeneration ?? 0;
    // Settings passed beside a checkpoint apply like a mid-run change, from its next generation.
    if (resumed) control.requestConfig(config);
    else emit({ type: 'checkpoint', checkpoint: takeCheckpoint(state, { nextGeneration: 0, baseline, perplexities, nStar }) });
    for (generation = first; generation < state.config.generations; generation++) {
      takeConfigChange(state, generation);
      if (generation >= state.config.generations) break; // the new settings asked for fewer
      const report = await runGenerationOrPause(state, generation);
      perplexities.push(report.perplexity);
      nStar = findNStar(perplexities, baseline.perplexity, 0.05, 0);
      emit({ type: 'generationDone', report, nStar });
      emit({ type: 'checkpoint', checkpoint: takeCheckpoint(state, { nextGeneration: generation + 1, baseline, perplexities, nStar }) });
      control.generationEnded();
    }
    emit({ type: 'runDone', status: 'complete', generations: generation, nStar });
  } catch (e) {
    if (control.signal.aborted) emit({ type: 'runDone', status: 'cancelled', generations: generation ?? 0, nStar });
    else emit({ type: 'error', message: messageOf(e), generation, ...(isBackendFault(e) ? { fault: 'backend' as const } : {}) });
  } finally {
    try {
      state?.family.dispose();
    } catch {
      // Freeing a failed backend's memory may fail too; the worker moves on without it.
    }
  }
}

/**
 * The generation loop as an async generator of typed events. Generation 0 trains on real text
 * only; each later generation trains on a corpus its predecessors' text has entered. Every
 * random choice follows from config.seed. After the baseline and after every finished
 * generation it yields a `checkpoint` (RunOptions.resumeFrom continues from one). Errors end the
 * stream with an `error` event (what was finished stays reported; fault 'backend' marks a failed
 * backend); cancelling ends it with `runDone` status 'cancelled'.
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
