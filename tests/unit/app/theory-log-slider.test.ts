import { describe, expect, it } from 'vitest';
import {
  contributionAt,
  formatPercent,
  MAX_CONTRIBUTION,
  MIN_CONTRIBUTION,
  positionOf,
  SLIDER_MAX,
  STEPS_PER_DECADE,
} from '../../../src/app/theory/shared/log-slider';

describe('the log-scale contribution slider', () => {
  it('spans 0.1% to 100%, three decades at equal distances', () => {
    expect(contributionAt(0)).toBe(MIN_CONTRIBUTION);
    expect(contributionAt(SLIDER_MAX)).toBe(MAX_CONTRIBUTION);
    expect(SLIDER_MAX).toBe(3 * STEPS_PER_DECADE);
    expect(contributionAt(STEPS_PER_DECADE)).toBe(0.01);
    expect(contributionAt(2 * STEPS_PER_DECADE)).toBe(0.1);
  });

  it('is monotone, and positionOf inverts contributionAt at every position', () => {
    for (let p = 0; p <= SLIDER_MAX; p++) {
      expect(positionOf(contributionAt(p))).toBe(p);
      if (p > 0) expect(contributionAt(p)).toBeGreaterThan(contributionAt(p - 1));
    }
  });

  it('clamps what lies outside the range', () => {
    expect(contributionAt(-5)).toBe(MIN_CONTRIBUTION);
    expect(contributionAt(SLIDER_MAX + 10)).toBe(MAX_CONTRIBUTION);
    expect(positionOf(0)).toBe(0);
    expect(positionOf(4)).toBe(SLIDER_MAX);
  });

  it('labels shares as short percentages', () => {
    expect(formatPercent(0.001)).toBe('0.1%');
    expect(formatPercent(0.0112)).toBe('1.1%');
    expect(formatPercent(0.1)).toBe('10%');
    expect(formatPercent(1)).toBe('100%');
  });
});
