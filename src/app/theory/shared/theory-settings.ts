/**
 * What the Theory view's controls set, and the SimulationConfig they stand for. The config is
 * the one source of truth of a run (docs/ARCHITECTURE.md): the worker receives exactly this object, the
 * same one `npm run simulate -- --set model=ngram ...` would take.
 */
import { DEFAULT_CONFIG } from '../../../engine/config/defaults';
import type { Paradigm, SimulationConfig } from '../../../engine/config/schema';

export interface TheorySettings {
  /** m / N0: generated text written back per generation, as a share of the real corpus. */
  contribution: number;
  paradigm: Paradigm;
  runs: number;
  generations: number;
  /** Add-alpha smoothing of every refit: 0 is the unbiased (martingale) chain. */
  alpha: number;
  /** Characters of real text in D0. Smaller corpora drift faster (each refit sees fewer tokens). */
  realChars: number;
}

/**
 * Replace at 10% by default: the paper's v1 setting with a small contribution, where the chain
 * visibly drifts within 1,000 generations; the smallest corpus the config allows makes the
 * fixation summary show absorption within the horizon at high contributions.
 */
export const DEFAULT_THEORY_SETTINGS: TheorySettings = {
  contribution: 0.1,
  paradigm: 'replace',
  runs: 50,
  generations: 10_000,
  alpha: 0,
  realChars: 2_000,
};

export const RUN_CHOICES = [10, 20, 50, 100] as const;
export const GENERATION_CHOICES = [100, 1_000, 10_000, 100_000] as const;
export const ALPHA_CHOICES = [0, 0.01, 0.1, 1] as const;
export const REAL_CHARS_CHOICES = [2_000, 10_000, 40_000] as const;

export const PARADIGM_LABELS: Record<Paradigm, string> = {
  replace: 'Replace (the paper, Shumailov)',
  'accumulate-subsample': 'Accumulate, train on a sample (the paper v3)',
  accumulate: 'Accumulate, train on everything (Gerstgrasser)',
  'fresh-data': 'Fresh real data each generation (Alemohammad)',
};

/** fresh-data: as much new real text per generation as the original data set (k = N0). */
const FRESH_SHARE = 1;

export function theoryConfig(s: TheorySettings): SimulationConfig {
  return {
    ...DEFAULT_CONFIG,
    generations: s.generations,
    runs: s.runs,
    // The chain needs no held-out text, but the corpus is dealt held-out first: keep it small.
    corpus: { source: 'tiny-tales', realChars: s.realChars, heldOutChars: 1_000 },
    model: { ...DEFAULT_CONFIG.model, family: 'ngram', ngramOrder: 0, ngramAlpha: s.alpha },
    paradigm: s.paradigm,
    contamination: s.contribution,
    realKept: 0,
    freshShare: s.paradigm === 'fresh-data' ? FRESH_SHARE : 0,
    // accumulate-subsample: each model fits M = N0 tokens, however large the corpus grows.
    trainingSample: 1,
    decoding: { temperature: 1, topK: 0, topP: 1 },
  };
}
