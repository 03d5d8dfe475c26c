/**
 * Learning rate at a step: linear warm-up to the peak, then cosine decay to minRatio * peak.
 * Warm-up keeps Adam's first, badly-estimated second moments from blowing up a fresh model.
 */
export function learningRateAt(step: number, totalSteps: number, peak: number, warmupSteps: number, minRatio = 0.1): number {
  if (warmupSteps > 0 && step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const decaySteps = Math.max(1, totalSteps - warmupSteps);
  const progress = Math.min(1, (step - warmupSteps) / decaySteps);
  const floor = peak * minRatio;
  return floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * progress));
}
