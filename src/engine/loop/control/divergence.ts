import type { GenerationReport } from '../../record';
import type { RunState } from '../types';
import { isTrainingDivergence } from './faults';
import { applyRequestedSettings } from './requested-settings';

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
export async function pausingOnDivergence(state: RunState, generation: number, attempt: () => Promise<GenerationReport>): Promise<GenerationReport> {
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
