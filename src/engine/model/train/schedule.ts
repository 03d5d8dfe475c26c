/**
 * Learning rate at a step: linear warm-up to the peak, then cosine decay to minRatio * peak.
 * Warm-up keeps Adam's first, badly-estimated second moments from blowing up a fresh model.
 */
export function learningRateAt(
  step: number,
  totalSteps: number,
  peak: number,
  warmupSteps: number,
  minRatio = 0.1,
): number {
  if (warmupSteps > 0 && step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const decaySteps = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, (step - warmupSteps) / decaySteps);
  const floor = peak * minRatio;
  return floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * progress));
}

/**
 * Steps one generation trains for. `fixed-steps`: the configured steps, whatever the training
 * set's size (a growing corpus is then seen fewer times per character). `fixed-epochs`: the
 * configured steps are the budget for N0 characters and scale with the training set, so
 * every generation makes as many passes over its data as generation 0 did.
 */
export function trainingStepsFor(
  training: { steps: number; budgetRule: 'fixed-steps' | 'fixed-epochs' },
  trainingChars: number,
  realChars: number,
): number {
  if (training.budgetRule === 'fixed-steps' || !(realChars > 0)) return training.steps;
  return Math.min(MAX_TRAINING_STEPS, Math.max(1, Math.round((training.steps * trainingChars) / realChars)));
}

/** Most steps one generation may take (the schema's bound on `training.steps`). */
export const MAX_TRAINING_STEPS = 100_000;
