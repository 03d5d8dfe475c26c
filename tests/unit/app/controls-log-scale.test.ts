import { describe, expect, it } from 'vitest';
import { CONTAMINATION_SCALE } from '../../../src/app/controls/fields/contamination-scale';
import {
  positionToValue,
  roundSignificant,
  valueToPosition,
} from '../../../src/app/controls/fields/log-scale';
import { formatPercent } from '../../../src/app/controls/fields/format';

const scale = CONTAMINATION_SCALE;

describe('contamination slider (log scale)', () => {
  it.each([0.001, 0.01, 0.1, 1])('round-trips %s of D0 through its slider position', (share) => {
    expect(positionToValue(valueToPosition(share, scale), scale)).toBe(share);
  });

  it('puts the decades at even spacing', () => {
    const p = [0.001, 0.01, 0.1, 1].map((v) => valueToPosition(v, scale));
    const gaps = p.slice(1).map((x, i) => x - p[i]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('reaches both ends of the schema range and clamps beyond them', () => {
    expect(positionToValue(0, scale)).toBe(0.001);
    expect(positionToValue(scale.steps, scale)).toBe(4);
    expect(valueToPosition(0.00001, scale)).toBe(0);
    expect(valueToPosition(100, scale)).toBe(scale.steps);
    expect(positionToValue(-5, scale)).toBe(0.001);
  });

  it('moves monotonically', () => {
    let last = 0;
    for (let p = 0; p <= scale.steps; p++) {
      const v = positionToValue(p, scale);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
  });

  it('rounds to two significant figures', () => {
    expect(roundSignificant(0.012345)).toBe(0.012);
    expect(roundSignificant(1.0017)).toBe(1);
    expect(roundSignificant(0)).toBe(0);
  });

  it('shows the value as a percentage', () => {
    expect(formatPercent(0.001)).toBe('0.1%');
    expect(formatPercent(0.012)).toBe('1.2%');
    expect(formatPercent(0.01)).toBe('1%');
    expect(formatPercent(0.1)).toBe('10%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(2.5)).toBe('250%');
  });
});
