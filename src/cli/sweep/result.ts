/**
 * sweep.json: what a sweep (or one shard of it) writes and --merge reads. The definition fixes
 * the sweep exactly (every grid point's full config, the seeds, the thresholds, the corpus), so
 * parts of different sweeps can be told apart. Pure: types, the reader's schema, and the fold of
 * one run's RunRecord into its compact line.
 */
import { z } from 'zod';
import type { SimulationConfig } from '../../engine/config/schema';
import type { RunRecord } from '../../engine/record';
import type { LawFit } from './law';
import type { AxisValue, Shard, SweepAxis } from './grid';
import type { OutcomeSummary } from './stats';
import { thresholdGenerations, type ThresholdName, type Thresholds } from './thresholds';

export const SWEEP_FORMAT = 'collapse-lab-sweep';

/** A grid point's config; each run sets its own seed from `definition.seeds`. */
export type PointConfig = Omit<SimulationConfig, 'seed'>;

export interface SweepPoint {
  index: number;
  values: Record<string, AxisValue>;
  config: PointConfig;
}

export interface SweepDefinition {
  axes: SweepAxis[];
  seeds: number[];
  thresholds: Thresholds;
  points: SweepPoint[];
  /** --corpus text: its fingerprint, so parts trained on different text do not merge. */
  corpus: { sha256: string; documents: number; chars: number } | null;
}

/** One (grid point, seed) run, without its samples: what the summaries and a later look need. */
export interface SweepRun {
  index: number;
  point: number;
  seed: number;
  status: RunRecord['status'];
  error?: string;
  /** Untrained model's held-out perplexity. */
  baseline: number | null;
  /** Held-out perplexity by generation (index = generation); null for NaN or infinite. */
  perplexity: (number | null)[];
  /** Human share of the corpus each generation trained from. */
  realShare: number[];
  /** RunRecord.nStar (5% of the baseline). */
  nStar: number | null;
  /** Generation each threshold was first met; null: not within the run. */
  thresholds: Record<ThresholdName, number | null>;
  seconds: number;
}

export interface PointSummary {
  point: number;
  values: Record<string, AxisValue>;
  paradigm: string;
  contamination: number;
  /** Runs that failed or were cancelled before crossing: left out of the outcomes. */
  failed: number;
  /** Per threshold: seeds' median and 10th-90th percentile, and the law's value at this point. */
  outcomes: Record<ThresholdName, OutcomeSummary & { law: number | null }>;
}

export interface SweepResult {
  format: typeof SWEEP_FORMAT;
  version: 1;
  /** The exact command that wrote this file. */
  command: string;
  definition: SweepDefinition;
  /** The part this file holds; null for a whole sweep (run at once or merged). */
  shard: Shard | null;
  /** For a merged sweep, the parts it was joined from. */
  parts?: { file: string; shard: Shard; command: string }[];
  /** Every run of this file's share was attempted (false: stopped early, e.g. Ctrl-C). */
  complete: boolean;
  runs: SweepRun[];
  /** Whole sweeps only: a part has too few seeds per point to summarise. */
  summaries?: PointSummary[];
  law?: LawFit[];
  notes?: string[];
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** One run's line in sweep.json, from its RunRecord. */
export function sweepRunFrom(
  record: RunRecord,
  spec: { index: number; point: number; seed: number },
  thresholds: Thresholds,
  seconds: number,
): SweepRun {
  const baseline = finiteOrNull(record.baseline.perplexity);
  return {
    ...spec,
    status: record.status,
    ...(record.error ? { error: record.error } : {}),
    baseline,
    perplexity: record.generations.map((g) => finiteOrNull(g.perplexity)),
    realShare: record.generations.map((g) => g.realShare),
    nStar: record.nStar,
    thresholds: thresholdGenerations(record.generations, baseline ?? NaN, thresholds),
    seconds: Math.round(seconds * 100) / 100,
  };
}

const shardSchema = z.object({ index: z.number().int().min(1), count: z.number().int().min(1) });
const nullableInt = z.number().int().nullable();

/** What --merge checks a file against before trusting it (the config itself is compared, not parsed). */
export const sweepFileSchema = z.object({
  format: z.literal(SWEEP_FORMAT),
  version: z.literal(1),
  command: z.string(),
  definition: z.object({
    axes: z.array(z.object({ key: z.string(), path: z.string(), values: z.array(z.string()) })),
    seeds: z.array(z.number().int()).min(1),
    thresholds: z.object({ ratio: z.number(), nstarTolerance: z.number() }),
    points: z
      .array(
        z.object({
          index: z.number().int(),
          values: z.record(z.string(), z.unknown()),
          config: z.record(z.string(), z.unknown()),
        }),
      )
      .min(1),
    corpus: z.object({ sha256: z.string(), documents: z.number(), chars: z.number() }).nullable(),
  }),
  shard: shardSchema.nullable(),
  complete: z.boolean(),
  runs: z.array(
    z.object({
      index: z.number().int().min(0),
      point: z.number().int().min(0),
      seed: z.number().int(),
      status: z.enum(['complete', 'cancelled', 'failed']),
      perplexity: z.array(z.number().nullable()),
      thresholds: z.object({ ratio: nullableInt, nstar: nullableInt }),
    }),
  ),
});
