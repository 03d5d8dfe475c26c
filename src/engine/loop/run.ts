/**
 * A run: the generations of the loop one after the other (generation.ts is one of them), with
 * what lies between them: settings requested meanwhile, a pause when training diverges, and a
 * checkpoint after each. Read top-down: runSimulation hands out the events, runGenerations is the
 * run from its setup to its end.
 */
import type { SimulationConfig } from '../config/schema';
import { findNStar, perplexityFromNll } from '../metrics/perplexity';
import { resumeNotices, takeCheckpoint } from './control/checkpoint';
import { applyRequestedSettings, pausingOnDivergence } from './control/between-generations';
import { EventQueue } from './control/event-queue';
import { isBackendFault } from './control/faults';
import { LoopControl } from './control/loop-control';
import { runGeneration } from './generation';
import {
  canRebuildGenerationZero,
  rebuildGenerationZero,
  releaseGenerationZero,
} from './generation-zero-view';
import { setUpRun } from './setup';
import type { RunCheckpoint, RunOptions, RunState, SimulationEvent } from './types';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Held-out documents shown beside generated ones. */
const REAL_SAMPLES = 8;

/**
 * The generation loop as an async generator of typed events. Generation 0 trains on real text
 * only; each later generation trains on a corpus its predecessors' text has entered. Every
 * random choice follows from config.seed. After the baseline and after every finished
 * generation it yields a `checkpoint` (RunOptions.resumeFrom continues from one). Errors end the
 * stream with an `error` event (what was finished stays reported; fault 'backend' marks a failed
 * backend); cancelling ends it with `runDone` status 'cancelled'.
 */
export async function* runSimulation(
  config: SimulationConfig,
  options: RunOptions = {},
): AsyncGenerator<SimulationEvent> {
  const control = options.control ?? new LoopControl();
  const queue = new EventQueue<SimulationEvent>();
  const done = runGenerations(config, options, control, (e) => queue.push(e)).finally(() => queue.close());
  try {
    yield* queue.drain();
  } finally {
    // The consumer stopped early (break/return): stop the run and let it clean up.
    control.cancel();
    await done;
  }
}

/** Sets the run up, measures its baseline, runs its generations, and says how it ended. */
async function runGenerations(
  config: SimulationConfig,
  options: RunOptions,
  control: LoopControl,
  emit: (e: SimulationEvent) => void,
): Promise<void> {
  let state: RunState | null = null;
  let generation: number | null = null;
  const resumed = options.resumeFrom;
  let nStar: number | null = resumed?.nStar ?? null;
  try {
    const run = await setUpRun(config, options, control, emit);
    state = run;
    const rebuild =
      resumed !== undefined &&
      resumed.nextGeneration > 0 &&
      canRebuildGenerationZero(run, options.settingsNeverChange === true);
    announceStart(run, resumed, rebuild);
    const baseline = resumed?.baseline ?? (await measureBaseline(run));
    emit({ type: 'baseline', ...baseline });
    if (rebuild) await rebuildGenerationZero(run);

    const perplexities: number[] = resumed ? [...resumed.perplexities] : [];
    // Settings passed beside a checkpoint apply like a mid-run change, from its next generation.
    if (resumed) control.requestConfig(config);
    else
      emit({
        type: 'checkpoint',
        checkpoint: takeCheckpoint(run, { nextGeneration: 0, baseline, perplexities, nStar }),
      });
    for (generation = resumed?.nextGeneration ?? 0; generation < run.config.generations; generation++) {
      const g = generation;
      applyRequestedSettings(run, g);
      if (g >= run.config.generations) break; // the new settings asked for fewer
      const report = await pausingOnDivergence(run, g, () => runGeneration(run, g));
      perplexities.push(report.perplexity);
      nStar = findNStar(perplexities, baseline.perplexity, 0.05, 0);
      emit({ type: 'generationDone', report, nStar });
      emit({
        type: 'checkpoint',
        checkpoint: takeCheckpoint(run, { nextGeneration: g + 1, baseline, perplexities, nStar }),
      });
      control.generationEnded();
    }
    emit({ type: 'runDone', status: 'complete', generations: generation, nStar });
  } catch (e) {
    if (control.signal.aborted)
      emit({ type: 'runDone', status: 'cancelled', generations: generation ?? 0, nStar });
    else
      emit({
        type: 'error',
        message: messageOf(e),
        generation,
        ...(isBackendFault(e) ? { fault: 'backend' as const } : {}),
      });
  } finally {
    try {
      if (state) releaseGenerationZero(state);
      state?.family.dispose();
    } catch {
      // Freeing a failed backend's memory may fail too; the worker moves on without it.
    }
  }
}

/** What the run says first: its settings and text, then its notices (a resumed run's are where it goes on). */
function announceStart(
  state: RunState,
  resumed: RunCheckpoint | undefined,
  rebuildsGenerationZero: boolean,
): void {
  const { prepared } = state;
  state.emit({
    type: 'runStarted',
    config: state.config,
    vocabulary: [...prepared.vocabulary.symbols],
    realChars: state.paradigm.realChars,
    heldOutChars: prepared.heldOut.reduce((n, d) => n + d.length, 0),
    realSamples: prepared.heldOut.slice(0, REAL_SAMPLES),
  });
  const notices = resumed ? resumeNotices(state, resumed, rebuildsGenerationZero) : prepared.notices;
  for (const message of notices) state.emit({ type: 'notice', message });
  state.setupNotices.release();
}

/** Held-out perplexity of the untrained model: what n* compares every generation with. */
async function measureBaseline(state: RunState): Promise<{ perplexity: number; nllPerChar: number }> {
  const base = await state.family.baselineNll(state.heldOutIds);
  const measured = perplexityFromNll(base.totalNll, base.tokens);
  return { perplexity: measured.perplexity, nllPerChar: measured.nllPerChar };
}
