import { describe, expect, it } from 'vitest';
import { MAX_TRAINING_STEPS, trainingStepsFor } from '../../../src/engine/model/train/schedule';

describe('the training budget rule', () => {
  it('fixed steps: every generation trains as long, whatever its training set', () => {
    for (const chars of [1_000, 10_000, 250_000])
      expect(trainingStepsFor({ steps: 300, budgetRule: 'fixed-steps' }, chars, 10_000)).toBe(300);
  });

  it('fixed epochs: the steps scale with the training set, so passes over the data stay the same', () => {
    const rule = { steps: 300, budgetRule: 'fixed-epochs' } as const;
    expect(trainingStepsFor(rule, 10_000, 10_000)).toBe(300);
    expect(trainingStepsFor(rule, 25_000, 10_000)).toBe(750); // accumulate, n m = 1.5 N0 later
    expect(trainingStepsFor(rule, 1_000, 10_000)).toBe(30);
    expect(trainingStepsFor(rule, 1, 10_000)).toBe(1);
    expect(trainingStepsFor({ steps: 90_000, budgetRule: 'fixed-epochs' }, 50_000, 10_000)).toBe(
      MAX_TRAINING_STEPS,
    );
  });
});
