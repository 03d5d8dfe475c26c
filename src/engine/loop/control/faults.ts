/**
 * Faults the loop tells apart. A backend fault (a lost WebGPU device, a lost WebGL context, a
 * kernel that throws) says nothing about the run itself: the same generation may succeed on
 * another backend, so the worker falls back and continues from the last checkpoint. A diverging
 * training (TrainingDivergedError) is about the settings, and pauses the run instead.
 *
 * Recognised by name, not by class: errors cross module (and worker) boundaries, and importing
 * the trainer's error class would load TensorFlow.js into count-model runs.
 */
import type { DocumentScorer, LanguageModel, ModelFamily } from '../families/types';

export const BACKEND_FAULT = 'BackendFaultError';
export const TRAINING_DIVERGED = 'TrainingDivergedError';

/** The computing backend failed under the run (not the run's settings or data). */
export class BackendFaultError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = BACKEND_FAULT;
  }
}

export const isBackendFault = (e: unknown): boolean => e instanceof Error && e.name === BACKEND_FAULT;

export const isTrainingDivergence = (e: unknown): boolean =>
  e instanceof Error && e.name === TRAINING_DIVERGED;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Wraps a TensorFlow.js family so that whatever its models throw (other than a divergence or
 * a cancellation) reaches the loop as a BackendFaultError: in that family every throw comes
 * from a tfjs kernel or its device. The count model runs no backend and is never wrapped.
 */
export function guardBackendFaults(family: ModelFamily, signal: AbortSignal): ModelFamily {
  const asFault = (e: unknown): unknown =>
    signal.aborted || isTrainingDivergence(e) || isBackendFault(e)
      ? e
      : new BackendFaultError(messageOf(e), { cause: e });
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw asFault(e);
    }
  };
  const guardSync = <T>(work: () => T): T => {
    try {
      return work();
    } catch (e) {
      throw asFault(e);
    }
  };
  const guardScorer = (scorer: DocumentScorer): DocumentScorer => ({
    documentNlls: (docs) => guard(() => scorer.documentNlls(docs)),
    dispose: () => {
      try {
        scorer.dispose();
      } catch {
        // As the family's dispose below: a lost device frees its memory itself.
      }
    },
  });
  const guardModel = (model: LanguageModel): LanguageModel => {
    const keep = model.keepScorer;
    return {
      nll: (docs) => guard(() => model.nll(docs)),
      sample: (options, rng) => guard(() => model.sample(options, rng)),
      parallelCalls: model.parallelCalls,
      exactKl: model.exactKl ? () => model.exactKl?.() ?? null : undefined,
      keepScorer: keep ? () => guardScorer(guardSync(keep)) : undefined,
    };
  };
  return {
    name: family.name,
    baselineNll: (heldOut) => guard(() => family.baselineNll(heldOut)),
    train: async (generation, documents, onProgress, trainSignal) =>
      guardModel(await guard(() => family.train(generation, documents, onProgress, trainSignal))),
    updateConfig: (config) => family.updateConfig(config),
    dispose: () => {
      try {
        family.dispose();
      } catch {
        // A lost device may refuse to free what it held; it is gone with the device anyway.
      }
    },
  };
}
