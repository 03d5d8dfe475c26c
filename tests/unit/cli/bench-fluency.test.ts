import { describe, expect, it } from 'vitest';
import {
  applySetting,
  BASE_SETTING,
  expandGrid,
  peakForFloor,
  realWordShare,
  shapeOf,
  stepsToThreshold,
} from '../../../src/cli/bench-fluency';
import { learningRateAt } from '../../../src/engine/model/train/schedule';

const points = (values: number[]) =>
  values.map((value, i) => ({ step: (i + 1) * 100, seconds: (i + 1) * 7, value }));

describe('bench:fluency helpers', () => {
  it('finds the first checkpoint that meets a bar and the one from which it holds', () => {
    expect(stepsToThreshold(points([0.5, 0.91, 0.88, 0.92, 0.95]), 0.9, 'up')).toEqual({
      step: 200,
      seconds: 14,
      stableStep: 400,
    });
    expect(stepsToThreshold(points([3, 2, 1.79, 1.7]), 1.8, 'down')).toEqual({
      step: 300,
      seconds: 21,
      stableStep: 300,
    });
    expect(stepsToThreshold(points([0.5, 0.95, 0.6]), 0.9, 'up')).toEqual({
      step: 200,
      seconds: 14,
      stableStep: null,
    });
    expect(stepsToThreshold(points([2, 1.9]), 1.8, 'down')).toEqual({
      step: null,
      seconds: null,
      stableStep: null,
    });
    expect(stepsToThreshold([], 1.8, 'down').step).toBeNull();
  });

  it('counts real words over word tokens, case folded', () => {
    const real = new Set(['the', 'cat', 'sat']);
    expect(realWordShare(['The cat sat.', 'the dgo'], real)).toBeCloseTo(4 / 5);
    expect(realWordShare(['... 123'], real)).toBeNaN();
  });

  it('reads --set and --grid into settings', () => {
    const s = applySetting(applySetting(BASE_SETTING, 'lr=2e-2'), 'size=micro');
    expect(s).toMatchObject({ lr: 0.02, size: 'micro' });
    expect(() => applySetting(BASE_SETTING, 'colour=3')).toThrow(/unknown key/);
    expect(() => applySetting(BASE_SETTING, 'size=huge')).toThrow(/size/);
    expect(() => applySetting(BASE_SETTING, 'batch=many')).toThrow(/batch/);
    const grid = expandGrid(BASE_SETTING, ['lr=1e-2,2e-2', 'batch=16,32,64']);
    expect(grid).toHaveLength(6);
    expect(grid.map((g) => [g.lr, g.batch])).toContainEqual([0.02, 64]);
  });

  it('builds explicit shapes over a named size', () => {
    expect(shapeOf({ ...BASE_SETTING, context: 32, layers: 1 }, 60)).toEqual({
      vocabSize: 60,
      contextLength: 32,
      layers: 1,
      heads: 4,
      width: 64,
      mlpRatio: 4,
    });
  });

  it('turns the engine schedule (floor 0.1) into one with any floor', () => {
    for (const step of [0, 10, 20, 250, 499]) {
      const effective = (peakForFloor(step, 500, 0.02, 20, 0.02) * learningRateAt(step, 500, 1, 20)) / 1;
      expect(effective).toBeCloseTo(learningRateAt(step, 500, 0.02, 20, 0.02), 12);
      expect(peakForFloor(step, 500, 0.02, 20, 0.1)).toBeCloseTo(0.02, 12);
    }
  });
});
