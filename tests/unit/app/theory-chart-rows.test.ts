import { beforeAll, describe, expect, it } from 'vitest';
import { metricFormula } from '../../../src/app/theory/shared/chart-metrics';
import {
  bandRows,
  firstCrossing,
  fixationRows,
  generationDomain,
  logTicks,
  medianCurve,
  mergePinned,
  realWeightRows,
} from '../../../src/app/theory/shared/chart-rows';
import type { TheoryRecord } from '../../../src/engine/record';
import {
  DEFAULT_THEORY_SETTINGS,
  theoryConfig,
  type TheorySettings,
} from '../../../src/app/theory/shared/theory-settings';
import { runUnigramRecord } from '../../../src/worker/theory.worker';

/** The Theory view's settings, small enough for a unit test. */
function smallSettings(patch: Partial<TheorySettings> = {}): TheorySettings {
  return { ...DEFAULT_THEORY_SETTINGS, runs: 6, generations: 300, ...patch };
}

/** A record exactly as the worker would post it for these settings. */
const recordFor = (settings: TheorySettings): Promise<TheoryRecord> =>
  runUnigramRecord(theoryConfig(settings));

let replace: TheoryRecord;
let full: TheoryRecord;
let accumulate: TheoryRecord;

beforeAll(async () => {
  [replace, full, accumulate] = await Promise.all([
    recordFor(smallSettings({ paradigm: 'replace', contribution: 0.1 })),
    recordFor(smallSettings({ paradigm: 'replace', contribution: 1 })),
    recordFor(smallSettings({ paradigm: 'accumulate-subsample', contribution: 0.01, alpha: 0.1 })),
  ]);
});

describe('TheoryRecord -> chart rows', () => {
  it('real weight: one row per recorded generation, simulated on the formula; a log axis drops generation 0', () => {
    const linear = realWeightRows(replace, false);
    expect(linear.map((r) => r.generation)).toEqual(replace.recordedGenerations);
    const log = realWeightRows(replace, true);
    expect(log[0].generation).toBe(1);
    expect(log).toHaveLength(linear.length - 1);
    const lambda = replace.unigram?.tokens.lambda ?? NaN;
    const band = replace.unigram?.bands.realWeight;
    if (!band) throw new Error('no band');
    // Random removal: the share is random and the formula is its mean (the engine's tests
    // check the agreement within Monte-Carlo error); the rows carry the mean and the band.
    // Generations 0 and 1 are exact: the first removal takes real tokens only.
    expect(linear[0].simulated).toBe(1);
    expect(linear[1].simulated).toBeCloseTo(1 - lambda, 12);
    linear.forEach((row, i) => {
      expect(row.formula).toBeCloseTo((1 - lambda) ** row.generation, 12);
      expect(row.simulated).toBe(band.mean[i]);
      expect(row.band).toEqual([band.p10[i], band.p90[i]]);
      expect(Math.abs((row.simulated ?? NaN) - (row.formula ?? NaN))).toBeLessThan(0.05);
    });
    expect(new Set(band.p90.slice(2, 40)).size).toBeGreaterThan(1);
  });

  it('accumulate-subsample: the formula is N0 / (N0 + n m)', () => {
    const t = accumulate.unigram?.tokens;
    if (!t) throw new Error('no tokens');
    for (const row of realWeightRows(accumulate, false)) {
      expect(row.formula).toBeCloseTo(t.realTokens / (t.realTokens + row.generation * t.generatedTokens), 12);
    }
  });

  it('bands: the range is [p10, p90] around the median; the collision formula appears for the unsmoothed replace chain only', () => {
    const rows = bandRows(full, 'collision', false);
    for (const row of rows) {
      if (!row.band || row.median === null) throw new Error('null band');
      expect(row.band[0]).toBeLessThanOrEqual(row.median);
      expect(row.median).toBeLessThanOrEqual(row.band[1]);
      expect(row.formula).not.toBeNull();
    }
    expect(rows[0].formula).toBeCloseTo(rows[0].median ?? NaN, 12); // generation 0 is p0 itself
    // Random removal makes replace with lambda < 1 a neutral chain too: it has the formula.
    expect(metricFormula(replace, 'collision').label).not.toBeNull();
    expect(metricFormula(accumulate, 'collision').label).toBeNull();
    expect(bandRows(accumulate, 'collision', false).every((r) => r.formula === null)).toBe(true);
  });

  it('TV formula: the biased drift when alpha > 0, inside [0, 1] without a cap; none for the unbiased chain', () => {
    const f = metricFormula(accumulate, 'tv');
    if (f.label === null) throw new Error(f.reason);
    expect(f.values.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(f.values.at(-1)).toBeGreaterThan(f.values[1]);
    expect(metricFormula(replace, 'tv').label).toBeNull();
  });

  it('fixation rows: absorbed share never decreases and ends where the summary says', () => {
    const rows = fixationRows(full, false);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].absorbed).toBeGreaterThanOrEqual(rows[i - 1].absorbed);
    const half = full.unigram?.fixation.halfAbsorbedGeneration ?? null;
    if (half !== null) {
      const at = rows.find((r) => r.generation >= half);
      expect(at?.absorbed).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('firstCrossing finds the first recorded generation at or above a threshold', () => {
    const median = full.unigram?.bands.tv.median ?? [];
    const g = firstCrossing(full, 'tv', 0.1);
    if (g === null) {
      expect(median.every((v) => v === null || v < 0.1)).toBe(true);
    } else {
      const i = full.recordedGenerations.indexOf(g);
      expect(median[i]).toBeGreaterThanOrEqual(0.1);
      expect(median.slice(0, i).every((v) => v === null || v < 0.1)).toBe(true);
    }
    expect(firstCrossing(full, 'tv', 2)).toBeNull();
  });

  it('mergePinned lays curves of other horizons into the rows by generation, sorted, keeping every point', () => {
    const rows = bandRows(replace, 'tv', true);
    const other = {
      key: 'pin7' as const,
      points: [
        { generation: 2, value: 0.5 },
        { generation: 50_000, value: 0.9 },
      ],
    };
    const merged = mergePinned(rows, [other]);
    expect(merged).toHaveLength(rows.length + 1);
    expect(merged.map((r) => r.generation)).toEqual(
      [...merged.map((r) => r.generation)].sort((a, b) => a - b),
    );
    expect(merged.find((r) => r.generation === 2)).toMatchObject({ pin7: 0.5, median: rows[1].median });
    expect(merged.at(-1)).toEqual({ generation: 50_000, pin7: 0.9 });
    expect(medianCurve(replace, 'tv', true).every((p) => p.generation > 0)).toBe(true);
  });

  it('log ticks are powers of ten up to the horizon; the log domain starts at 1', () => {
    expect(logTicks(10_000)).toEqual([1, 10, 100, 1_000, 10_000]);
    expect(logTicks(300)).toEqual([1, 10, 100, 300]);
    expect(generationDomain(replace, true)).toEqual([1, 300]);
    expect(generationDomain(replace, false)).toEqual([0, 300]);
  });
});
