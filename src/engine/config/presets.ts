import { DEFAULT_CONFIG } from './defaults';
import type { SimulationConfig } from './schema';
import { mergeConfig } from './validate';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export interface Preset {
  id: string;
  label: string;
  /** One line: what it shows. */
  description: string;
  /** The paper or result it reproduces, qualitatively. */
  source: string;
  changes: DeepPartial<SimulationConfig>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'paper-replace',
    label: 'Seed paper: replace',
    description:
      "Each model trains only on the previous model's text: perplexity on real text climbs toward an untrained model's.",
    source: 'Wang et al. 2024, arXiv 2412.14872 (v1)',
    changes: {},
  },
  {
    id: 'paper-accumulate-subsample',
    label: 'Seed paper v3: a little generated text each time',
    description:
      'The corpus keeps its real text and gains 10% generated text a generation; each model trains on a sample of fixed size for the same number of steps. Collapse is slower, but it comes.',
    source: 'Wang et al. 2024, arXiv 2412.14872 (v3); Kazdan et al. 2024',
    changes: { paradigm: 'accumulate-subsample', contamination: 0.1, trainingSample: 1, generations: 20 },
  },
  {
    id: 'shumailov-10pct-real',
    label: 'Shumailov: keep 10% real data',
    description: 'Replace, but 10% of every training set is original human text: only minor degradation.',
    source: 'Shumailov et al., Nature 2024',
    changes: { paradigm: 'replace', realKept: 0.1 },
  },
  {
    id: 'gerstgrasser-accumulate',
    label: 'Gerstgrasser: accumulate',
    description:
      'Generated text is added, never swapped for real text, and each model makes as many passes over the whole growing corpus as the first made over the real text (so generation n trains n + 1 times as long): the test loss stays bounded.',
    source: 'Gerstgrasser et al. 2024',
    changes: { paradigm: 'accumulate', contamination: 1, training: { budgetRule: 'fixed-epochs' } },
  },
  {
    id: 'fresh-data',
    label: 'Alemohammad: fresh real data',
    description: 'New human text enters every generation beside the generated text: the loop stays stable.',
    source: 'Alemohammad et al. 2023',
    changes: { paradigm: 'fresh-data', contamination: 0.5, freshShare: 0.5, trainingSample: 1 },
  },
  {
    id: 'quality-filter',
    label: 'The remedy: filter for quality',
    description:
      "Replace, but only the best-scored half of each generation's text (by a judge that has only read real text) enters, and no duplicates: does quality delay collapse?",
    source: 'Wang et al. 2024 (data quality as the remedy)',
    changes: { filter: { keep: 0.5, dedupe: true } },
  },
  {
    id: 'low-temperature',
    label: 'Low temperature',
    description: 'Replace with temperature 0.5: samples lose variety fast and collapse comes sooner.',
    source: 'Gerstgrasser et al. 2024 (temperature 0.3 collapses faster)',
    changes: { decoding: { temperature: 0.5, topK: 0, topP: 1 } },
  },
  {
    id: 'paper-replace-micro',
    label: 'Seed paper: replace, micro model',
    description:
      "The default loop with the smallest transformer (one layer, width 32: about a sixth of tiny's parameters), at the same budget: it writes fewer real words from generation 0, and its perplexity climbs from higher up.",
    source: 'Wang et al. 2024, arXiv 2412.14872 (v1), at a smaller model size',
    changes: { model: { size: 'micro' } },
  },
  {
    id: 'top-k-tails',
    label: 'Top-k cuts the tails',
    description: 'Replace with top-k 5 sampling: rare characters and words go extinct first.',
    source: 'Dohmatob et al. 2024, A Tale of Tails',
    changes: { decoding: { temperature: 1, topK: 5, topP: 1 } },
  },
];

export const DEFAULT_PRESET_ID = 'paper-replace';

export function findPreset(id: string): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown preset "${id}"; presets are: ${PRESETS.map((p) => p.id).join(', ')}`);
  return preset;
}

/** The partial config a preset stands for (merge it over the defaults, then validate). */
export function presetPartial(id: string): unknown {
  return mergeConfig({}, findPreset(id).changes);
}

export const presetConfig = (id: string): SimulationConfig =>
  mergeConfig(DEFAULT_CONFIG, findPreset(id).changes) as SimulationConfig;
