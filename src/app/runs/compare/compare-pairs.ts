/**
 * The classic comparisons, one click each: two settings that differ in one thing, same seed.
 * Everything else comes from the settings being edited, so a class can compare on a small budget.
 * Each pair names the recorded presets that show the same contrast (public/recorded/).
 */
import type { SimulationConfig } from '../../../engine/config/schema';

export interface CompareSide {
  /** What this side is, in the legend and the runs list: "replace", "10% real kept". */
  label: string;
  apply(base: SimulationConfig): SimulationConfig;
}

export interface ComparePair {
  id: string;
  title: string;
  a: CompareSide;
  b: CompareSide;
  /** Recorded presets for [a, b], offered instantly when both are shipped. */
  recorded: [string, string];
}

export const COMPARE_PAIRS: readonly ComparePair[] = [
  {
    id: 'paradigm',
    title: 'Replace vs accumulate',
    a: { label: 'replace', apply: (c) => ({ ...c, paradigm: 'replace' }) },
    b: { label: 'accumulate', apply: (c) => ({ ...c, paradigm: 'accumulate', realKept: 0 }) },
    recorded: ['paper-replace', 'gerstgrasser-accumulate'],
  },
  {
    id: 'real-kept',
    title: '0% vs 10% real data kept',
    a: { label: 'no real data kept', apply: (c) => ({ ...c, paradigm: 'replace', realKept: 0 }) },
    b: { label: '10% real data kept', apply: (c) => ({ ...c, paradigm: 'replace', realKept: 0.1 }) },
    recorded: ['paper-replace', 'shumailov-10pct-real'],
  },
  {
    id: 'temperature',
    title: 'Temperature 1 vs 0.5',
    a: { label: 'temperature 1', apply: (c) => ({ ...c, decoding: { ...c.decoding, temperature: 1 } }) },
    b: { label: 'temperature 0.5', apply: (c) => ({ ...c, decoding: { ...c.decoding, temperature: 0.5 } }) },
    recorded: ['paper-replace', 'low-temperature'],
  },
  {
    id: 'model-size',
    title: 'Tiny vs micro model',
    a: { label: 'tiny model', apply: (c) => ({ ...c, model: { ...c.model, size: 'tiny' } }) },
    b: { label: 'micro model', apply: (c) => ({ ...c, model: { ...c.model, size: 'micro' } }) },
    recorded: ['paper-replace', 'paper-replace-micro'],
  },
  {
    id: 'filter',
    title: 'Unfiltered vs filtered',
    a: { label: 'unfiltered', apply: (c) => ({ ...c, filter: { keep: 1, dedupe: false, byClass: false } }) },
    b: {
      label: 'best half kept, no duplicates',
      apply: (c) => ({ ...c, filter: { keep: 0.5, dedupe: true, byClass: false } }),
    },
    recorded: ['paper-replace', 'quality-filter'],
  },
];

/** Both sides' settings from the settings being edited: same seed, same budget. */
export function pairConfigs(pair: ComparePair, base: SimulationConfig): [SimulationConfig, SimulationConfig] {
  return [pair.a.apply(base), pair.b.apply(base)];
}
