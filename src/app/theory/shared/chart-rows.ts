/**
 * TheoryRecord -> the rows recharts draws. Pure functions, tested in Node.
 *
 * On a log-scale x axis generation 0 (the real data itself) has no place (log 0), so it is left
 * out there; on a linear axis every recorded generation is kept.
 */
import type { Band, TheoryRecord, UnigramTheory } from '../../../engine/record';
import type { ChartMetric } from './chart-metrics';
import { metricFormula } from './chart-metrics';

export interface RealWeightRow {
  generation: number;
  /** Mean over runs of the corpus' real share (random under replace: the formula is its mean). */
  simulated: number | null;
  /** [p10, p90] over runs. */
  band: [number, number] | null;
  formula: number | null;
}

export interface BandRow {
  generation: number;
  median: number | null;
  /** [p10, p90]: recharts draws a two-valued dataKey as a range Area. */
  band: [number, number] | null;
  formula: number | null;
}

export interface FixationRow {
  generation: number;
  /** Share of runs absorbed into one symbol by this generation. */
  absorbed: number;
  /** Median share of the real characters extinct in the model. */
  lostSupport: number | null;
}

export interface CurvePoint {
  generation: number;
  value: number;
}

function unigramOf(record: TheoryRecord): UnigramTheory {
  if (!record.unigram)
    throw new Error('the Theory view draws the unigram chain; this record has no unigram part');
  return record.unigram;
}

/** Indices of the recorded generations the axis can draw. */
function drawable(record: TheoryRecord, logX: boolean): number[] {
  const out: number[] = [];
  record.recordedGenerations.forEach((g, i) => {
    if (!logX || g > 0) out.push(i);
  });
  return out;
}

function bandAt(band: Band, i: number): [number, number] | null {
  const lo = band.p10[i];
  const hi = band.p90[i];
  return lo === null || hi === null ? null : [lo, hi];
}

export function realWeightRows(record: TheoryRecord, logX: boolean): RealWeightRow[] {
  const band = unigramOf(record).bands.realWeight;
  const formula = record.formulas.realWeight.values;
  return drawable(record, logX).map((i) => ({
    generation: record.recordedGenerations[i],
    simulated: band.mean[i],
    band: bandAt(band, i),
    formula: formula ? formula[i] : null,
  }));
}

export function bandRows(record: TheoryRecord, metric: ChartMetric, logX: boolean): BandRow[] {
  const band = unigramOf(record).bands[metric];
  const f = metricFormula(record, metric);
  return drawable(record, logX).map((i) => ({
    generation: record.recordedGenerations[i],
    median: band.median[i],
    band: bandAt(band, i),
    formula: f.label === null ? null : f.values[i],
  }));
}

export function fixationRows(record: TheoryRecord, logX: boolean): FixationRow[] {
  const u = unigramOf(record);
  return drawable(record, logX).map((i) => ({
    generation: record.recordedGenerations[i],
    absorbed: u.fixation.absorbedShare[i],
    lostSupport: u.bands.lostSupportShare.median[i],
  }));
}

/** The median curve of one metric, for a pinned comparison (nulls dropped). */
export function medianCurve(record: TheoryRecord, metric: ChartMetric, logX: boolean): CurvePoint[] {
  const median = unigramOf(record).bands[metric].median;
  const out: CurvePoint[] = [];
  for (const i of drawable(record, logX)) {
    const value = median[i];
    if (value !== null) out.push({ generation: record.recordedGenerations[i], value });
  }
  return out;
}

/** First recorded generation whose median reaches the threshold, or null within the horizon. */
export function firstCrossing(record: TheoryRecord, metric: ChartMetric, threshold: number): number | null {
  const median = unigramOf(record).bands[metric].median;
  const i = median.findIndex((v) => v !== null && v >= threshold);
  return i < 0 ? null : record.recordedGenerations[i];
}

/** Powers of ten from 1 up to the last generation (and the last one itself when it is none). */
export function logTicks(last: number): number[] {
  const ticks: number[] = [];
  for (let t = 1; t <= last; t *= 10) ticks.push(t);
  if (ticks[ticks.length - 1] !== last && last > 1) ticks.push(last);
  return ticks;
}

/** Axis domain of the generations drawn. */
export function generationDomain(record: TheoryRecord, logX: boolean): [number, number] {
  return [logX ? 1 : 0, Math.max(1, record.generations)];
}

/** A row of the divergence chart: the current run's columns plus one column per pinned curve. */
export type MergedRow =
  BandRow | (Partial<BandRow> & { generation: number; [pin: `pin${number}`]: number | undefined });

/**
 * Lays pinned curves into the current run's rows, keyed by generation (runs of different
 * horizons record different generations; the union keeps every point, and the chart joins a
 * curve over the rows where it has none with connectNulls).
 */
export function mergePinned(
  rows: readonly BandRow[],
  pins: readonly { key: `pin${number}`; points: readonly CurvePoint[] }[],
): MergedRow[] {
  const byGeneration = new Map<number, Record<string, unknown> & { generation: number }>();
  for (const row of rows) byGeneration.set(row.generation, { ...row });
  for (const pin of pins) {
    for (const p of pin.points) {
      const row = byGeneration.get(p.generation) ?? { generation: p.generation };
      row[pin.key] = p.value;
      byGeneration.set(p.generation, row);
    }
  }
  return [...byGeneration.values()].sort((a, b) => a.generation - b.generation) as MergedRow[];
}
