/**
 * What happens between generations, around the algorithm: the settings asked for meanwhile are
 * taken, and a generation whose training diverged pauses the run and is tried again.
 */
import type { GenerationReport } from '../../record';
import type { RunState } from '../types';
import { mergeLiveSettings } from './config-change';
import { isTrainingDivergence } from './faults';

/**
 * Takes the settings requested since the last generation (LoopControl.requestConfig) into the
 * run, from `generation` on; says what changed and what only changes with a new run.
 */
export function applyRequestedSettings(state: RunState, generation: number): void {
  const next = state.control.takeRequestedConfig();
  if (!next) return;
  const change = mergeLiveSettings(state.config, next);
  if (change.refused.length > 0) {
    state.emit({
      type: 'notice',
      message: `${change.refused.join(', ')} only change when the run starts again`,
    });
  }
  if (change.changed.length === 0) return;
  state.config = change.config;
  state.paradigm.config = change.config;
  state.family.updateConfig(change.config);
  state.emit({
    type: 'configChanged',
    config: change.config,
    fromGeneration: generation,
    changed: change.changed,
  });
}

/** The trainer's TrainingDivergedError (recognised by name: importing it would load TensorFlow.js). */
function divergence(e: unknown): { step: number; loss: number } | null {
  if (!isTrainingDivergence(e)) return null;
  const { step, loss } = e as Error & { step?: number; loss?: number };
  return { step: step ?? 0, loss: loss ?? NaN };
}

/**
 * Runs `attempt` (one generation); if its training diverges (a NaN or infinite loss), the run
 * pauses with an explanation and, on resume, tries the generation again with whatever settings
 * the user changed meanwhile. Nothing of the generation reached the corpus, so every finished one
 * stays. Any other error goes on up.
 */
export async function pausingOnDivergence(
  state: RunState,
  generation: number,
  attempt: () => Promise<GenerationReport>,
): Promise<GenerationReport> {
  for (;;) {
    try {
      return await attempt();
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
      await state.control.pausePoint(() => state.emit({ type: 'paused', generation }));
      applyRequestedSettings(state, generation);
    }
  }
}
