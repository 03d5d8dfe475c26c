/**
 * When a run crossed the sweep's thresholds, read from its per-generation perplexities. Pure.
 * - ratio: the first generation whose held-out perplexity is at least `ratio` times generation
 *   0's (a fixed relative degradation, comparable across settings with different starting points);
 * - nstar: n*, the first generation within `nstarTolerance` of the untrained baseline or worse,
 *   the same definition (findNStar) the loop uses for RunRecord.nStar.
 */
import { findNStar } from '../../engine/metrics/perplexity';
import { SweepInputError } from './grid';

export interface Thresholds {
  /** Perplexity at least this many times generation 0's (default 1.5). */
  ratio: number;
  /** Within this share of the untrained baseline (default 0.05, RunRecord.nStar's). */
  nstarTolerance: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { ratio: 1.5, nstarTolerance: 0.05 };

/** The thresholds' names as they appear in summaries and CSV columns. */
export const THRESHOLD_NAMES = ['ratio', 'nstar'] as const;
export type ThresholdName = (typeof THRESHOLD_NAMES)[number];

/** `--threshold ratio=1.5` and/or `--threshold nstar=0.05` (repeatable, or comma-separated). */
export function parseThresholds(specs: readonly string[] | undefined): Thresholds {
  const out = { ...DEFAULT_THRESHOLDS };
  for (const part of (specs ?? []).flatMap((s) => s.split(','))) {
    const [key, text, extra] = part.split('=').map((s) => s.trim());
    const value = Number(text);
    if (extra !== undefined || text === undefined || text === '' || !Number.isFinite(value)) {
      throw new SweepInputError(`--threshold expects ratio=NUMBER or nstar=NUMBER, got "${part}"`);
    }
    if (key === 'ratio') {
      // Generation 0 itself meets any ratio <= 1: every run would "collapse" at 0.
      if (!(value > 1))
        throw new SweepInputError(
          `--threshold ratio must be above 1 (times generation 0's perplexity), got ${value}`,
        );
      out.ratio = value;
    } else if (key === 'nstar') {
      if (!(value >= 0 && value < 1))
        throw new SweepInputError(`--threshold nstar is a share of the baseline, in [0, 1), got ${value}`);
      out.nstarTolerance = value;
    } else {
      throw new SweepInputError(`--threshold: unknown threshold "${key}"; thresholds are ratio and nstar`);
    }
  }
  return out;
}

/** A generation's number and held-out perplexity (a GenerationReport has both). */
export interface PerplexityPoint {
  generation: number;
  perplexity: number;
}

/** First generation with perplexity >= ratio x generation 0's; null if none (or no finite generation 0). */
export function ratioGeneration(generations: readonly PerplexityPoint[], ratio: number): number | null {
  const first = generations[0];
  if (!first || first.generation !== 0 || !Number.isFinite(first.perplexity) || first.perplexity <= 0)
    return null;
  const bar = ratio * first.perplexity;
  // NaN (a diverged generation) never qualifies; Infinity does: it is worse.
  const hit = generations.find((g) => g.perplexity >= bar);
  return hit ? hit.generation : null;
}

/** n*: first generation within `tolerance` of the baseline perplexity (or worse); null if none. */
export function nStarGeneration(
  generations: readonly PerplexityPoint[],
  baseline: number,
  tolerance: number,
): number | null {
  if (generations.length === 0 || !(baseline > 0) || !Number.isFinite(baseline)) return null;
  return findNStar(
    generations.map((g) => g.perplexity),
    baseline,
    tolerance,
    generations[0].generation,
  );
}

/** Both thresholds of one run. */
export function thresholdGenerations(
  generations: readonly PerplexityPoint[],
  baseline: number,
  thresholds: Thresholds,
): Record<ThresholdName, number | null> {
  return {
    ratio: ratioGeneration(generations, thresholds.ratio),
    nstar: nStarGeneration(generations, baseline, thresholds.nstarTolerance),
  };
}
