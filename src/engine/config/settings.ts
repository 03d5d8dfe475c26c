/**
 * The settings registry: every setting of SimulationConfig once, with everything the rest of the
 * program needs to know about it besides its meaning, bounds and default (schema.ts and
 * defaults.ts hold those, and the bounds are read from the schema, never restated here). The
 * page's settings panel and its groups, the CLI's and the address's short names, which settings
 * a running simulation takes, which a classroom link may hide or lock, and how a run differs from
 * another in words are all read from this table. Order matters: it is the panel's order, and
 * the order in which a classroom link lists its controls.
 *
 * Adding a setting: its field in schema.ts and defaults.ts, one entry here, and the code that
 * uses it. With a `page` entry the settings panel shows a control for it.
 */
import type { Paradigm, SimulationConfig } from './schema';
import type { SettingPath } from './setting-paths';
import type { SettingEntry } from './setting-entry';

export {
  SETTING_GROUPS,
  type DiffFormat,
  type PageControl,
  type SettingEntry,
  type SettingGroupId,
} from './setting-entry';

const pct = (share: number) => `${Number((share * 100).toPrecision(3))}%`;
const num = (n: number) => n.toLocaleString('en-US');

const PARADIGM_WORDS: Record<Paradigm, string> = {
  replace: 'replace',
  accumulate: 'accumulate',
  'accumulate-subsample': 'accumulate + subsample',
  'fresh-data': 'fresh real data',
};

/** The filters in a few words: one difference, whichever of their parts changed. */
function filterWords({ filter }: SimulationConfig): string {
  // The class's choice replaces the quality filter while it is on (loop/class-review.ts).
  if (filter.byClass) return 'the class chose';
  const parts = [
    filter.keep < 1 ? `best ${pct(filter.keep)} kept` : '',
    filter.dedupe ? 'no duplicates' : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'unfiltered' : parts.join(', ');
}

const TRANSFORMER_ONLY = { family: 'transformer' } as const;

const TABLE = [
  // Real text
  {
    path: 'corpus.source',
    label: 'Real text',
    group: 'corpus',
    aliases: ['corpus'],
    live: false,
    classroom: 'corpus',
    diff: { rank: 11, words: (r) => `${r.corpus.source} corpus` },
  },
  {
    path: 'corpus.realChars',
    label: 'Real characters in D0',
    group: 'corpus',
    aliases: ['realChars'],
    scale: 'log',
    live: false,
    diff: { rank: 16, words: (r) => `${num(r.corpus.realChars)} real chars` },
  },
  {
    path: 'corpus.heldOutChars',
    label: 'Held-out characters',
    group: 'corpus',
    aliases: ['heldOutChars'],
    scale: 'log',
    live: false,
  },
  // Paradigm
  {
    path: 'paradigm',
    label: 'Paradigm',
    group: 'paradigm',
    live: true,
    classroom: 'paradigm',
    diff: { rank: 2, words: (r) => PARADIGM_WORDS[r.paradigm] },
  },
  // Data per generation
  {
    path: 'contamination',
    label: 'Generated text written back',
    group: 'data',
    scale: 'log',
    live: true,
    classroom: 'contamination',
    diff: { rank: 4, words: (r) => `generated ${pct(r.contamination)} of D0` },
  },
  {
    path: 'realKept',
    label: 'Real data kept',
    group: 'data',
    live: true,
    classroom: 'realKept',
    onlyFor: { paradigms: ['replace'] },
    diff: { rank: 3, words: (r) => `real kept ${pct(r.realKept)}` },
    page: {
      kind: 'share',
      hint: 'Share of each training set drawn from the original human text (Shumailov keeps 10%).',
      step: 0.01,
    },
  },
  {
    path: 'freshShare',
    label: 'Fresh real data',
    group: 'data',
    live: true,
    classroom: 'freshShare',
    onlyFor: { paradigms: ['fresh-data'] },
    diff: { rank: 5, words: (r) => `fresh ${pct(r.freshShare)}` },
    page: {
      kind: 'share',
      hint: 'New human text added each generation, as a share of D0.',
      step: 0.05,
      inCharacters: true,
    },
  },
  {
    path: 'trainingSample',
    label: 'Training sample size',
    group: 'data',
    live: true,
    classroom: 'trainingSample',
    onlyFor: { paradigms: ['accumulate-subsample', 'fresh-data'] },
    diff: { rank: 6, words: (r) => `sample ${pct(r.trainingSample)}` },
    page: {
      kind: 'share',
      hint: 'Each model trains on a random sample of this size (M), as a share of D0.',
      step: 0.05,
      inCharacters: true,
    },
  },
  {
    path: 'filter.keep',
    label: 'Quality filter',
    group: 'data',
    aliases: ['keep'],
    live: true,
    classroom: 'filter',
    diff: { rank: 7, words: filterWords },
    page: {
      kind: 'share',
      label: 'Quality filter: best text kept',
      hint: "The paper's remedy: a judge that has only read real text scores the generated documents, and only this best-scored share enters the corpus (100% = no filter). The amount written stays the same.",
      step: 0.05,
      valueText: (share) =>
        share >= 1 ? 'no filter' : `best ${Math.round(share * 100)}% of the generated text`,
    },
  },
  {
    path: 'filter.dedupe',
    label: 'Drop duplicate documents',
    group: 'data',
    aliases: ['dedupe'],
    live: true,
    classroom: 'filter',
    diff: { rank: 7, words: filterWords },
  },
  {
    path: 'filter.byClass',
    label: 'The class chooses what enters',
    group: 'data',
    aliases: ['byClass', 'classFilter'],
    live: true,
    classroom: 'classFilter',
    diff: { rank: 7, words: filterWords },
  },
  // Decoding
  {
    path: 'decoding.temperature',
    label: 'Temperature',
    group: 'decoding',
    aliases: ['temperature'],
    live: true,
    classroom: 'temperature',
    diff: { rank: 8, words: (r) => `temperature ${r.decoding.temperature}` },
    page: {
      kind: 'number',
      hint: 'Below 1 favours likely characters (less variety, faster collapse); 1 samples the model as learned.',
      step: 0.05,
    },
  },
  {
    path: 'decoding.topK',
    label: 'Top-k',
    group: 'decoding',
    aliases: ['topK'],
    live: true,
    classroom: 'topK',
    diff: { rank: 9, words: (r) => (r.decoding.topK === 0 ? 'no top-k' : `top-k ${r.decoding.topK}`) },
    page: { kind: 'number', hint: 'Sample only from the k likeliest characters; 0 = off.', step: 1 },
  },
  {
    path: 'decoding.topP',
    label: 'Top-p',
    group: 'decoding',
    aliases: ['topP'],
    live: true,
    classroom: 'topP',
    diff: { rank: 10, words: (r) => (r.decoding.topP === 1 ? 'no top-p' : `top-p ${r.decoding.topP}`) },
    page: {
      kind: 'number',
      hint: 'Sample from the likeliest characters making up this probability; 1 = off.',
      step: 0.05,
    },
  },
  {
    path: 'sampling.maxLength',
    label: 'Longest generated document',
    group: 'decoding',
    aliases: ['maxLength'],
    live: true,
    diff: { rank: 21, words: (r) => `samples ≤ ${num(r.sampling.maxLength)} chars` },
    page: {
      kind: 'number',
      hint: 'Characters a model may write in one document; a longer one is cut there and counted as capped.',
      step: 50,
    },
  },
  // Model
  {
    path: 'model.family',
    label: 'Model family',
    group: 'model',
    aliases: ['model', 'family'],
    live: false,
    diff: { rank: 1, words: (r) => (r.model.family === 'ngram' ? 'count model' : 'transformer') },
  },
  {
    path: 'model.size',
    label: 'Model size',
    group: 'model',
    aliases: ['size'],
    live: false,
    classroom: 'modelSize',
    onlyFor: TRANSFORMER_ONLY,
    diff: { rank: 12, words: (r) => `${r.model.size} model`, when: (r) => r.model.family === 'transformer' },
  },
  {
    path: 'training.steps',
    label: 'Training steps',
    group: 'model',
    aliases: ['steps'],
    live: true,
    classroom: 'steps',
    onlyFor: TRANSFORMER_ONLY,
    diff: { rank: 17, words: (r) => `${num(r.training.steps)} steps` },
    page: {
      kind: 'number',
      label: 'Training steps per generation',
      hint: 'Optimiser steps each model takes; more steps fit the corpus more closely (and take longer).',
      step: 50,
    },
  },
  {
    path: 'training.budgetRule',
    label: 'When the training set grows',
    group: 'model',
    aliases: ['budget'],
    live: true,
    classroom: 'steps',
    onlyFor: TRANSFORMER_ONLY,
    diff: {
      rank: 18,
      words: (r) => (r.training.budgetRule === 'fixed-steps' ? 'same steps' : 'same passes'),
    },
  },
  {
    path: 'model.continueTraining',
    label: 'Where each model starts',
    group: 'model',
    aliases: ['continue'],
    live: true,
    classroom: 'continueTraining',
    onlyFor: TRANSFORMER_ONLY,
    diff: { rank: 14, words: (r) => (r.model.continueTraining ? 'continued training' : 'fresh init') },
  },
  {
    path: 'model.ngramOrder',
    label: 'N-gram order',
    group: 'model',
    aliases: ['order'],
    live: false,
    onlyFor: { family: 'ngram' },
    diff: { rank: 13, words: (r) => `order ${r.model.ngramOrder}`, when: (r) => r.model.family === 'ngram' },
  },
  {
    path: 'model.ngramAlpha',
    label: 'N-gram smoothing',
    group: 'model',
    aliases: ['alpha'],
    live: true,
    onlyFor: { family: 'ngram' },
  },
  {
    path: 'training.batchSize',
    label: 'Batch size',
    group: 'model',
    aliases: ['batch', 'batchSize'],
    live: true,
    diff: { rank: 20, words: (r) => `batch ${r.training.batchSize}` },
  },
  {
    path: 'training.learningRate',
    label: 'Learning rate',
    group: 'model',
    aliases: ['lr', 'learningRate'],
    scale: 'log',
    live: true,
    diff: { rank: 19, words: (r) => `lr ${r.training.learningRate}` },
  },
  { path: 'training.warmupSteps', label: 'Warm-up steps', group: 'model', live: true },
  // Run
  {
    path: 'generations',
    label: 'Generations',
    group: 'run',
    live: true,
    classroom: 'generations',
    page: {
      kind: 'number',
      hint: 'How many models train, each on text its predecessors helped write.',
      step: 1,
    },
  },
  {
    path: 'seed',
    label: 'Seed',
    group: 'run',
    live: false,
    classroom: 'seed',
    diff: { rank: 15, words: (r) => `seed ${r.seed}` },
    page: { kind: 'number', hint: 'Same seed, same settings: the same run, every time.', step: 1 },
  },
  {
    path: 'evaluation.sampleChars',
    label: 'Characters measured per generation',
    group: 'run',
    aliases: ['evalChars'],
    scale: 'log',
    live: false,
    page: {
      kind: 'number',
      hint: 'Divergences, lost support and real words are measured on this many generated characters, against as many held-out real ones: the same size every generation, so the charts compare like with like.',
      step: 500,
    },
  },
  {
    path: 'compute.workers',
    label: 'Training workers',
    group: 'run',
    aliases: ['workers'],
    live: false,
    page: {
      kind: 'number',
      hint: 'Threads that train the transformer on WebAssembly or cpu, each on its share of every batch; 0 = one per core of this computer. On WebGPU and WebGL one worker trains. Results agree to rounding whatever the count.',
      step: 1,
    },
  },
  { path: 'sampling.sampler', label: 'Sampler', group: 'run', aliases: ['sampler'], live: false },
  { path: 'runs', label: 'Seeds side by side', group: 'run', live: false },
] as const satisfies readonly SettingEntry[];

export const SETTINGS: readonly SettingEntry[] = TABLE;

/** The names a classroom link hides or locks settings by. */
export type ClassroomName = Extract<(typeof TABLE)[number], { classroom: string }>['classroom'];

const BY_PATH: ReadonlyMap<string, SettingEntry> = new Map(SETTINGS.map((s) => [s.path, s]));

export function setting(path: SettingPath): SettingEntry {
  const entry = BY_PATH.get(path);
  if (!entry) throw new Error(`no registry entry for the setting ${path}`);
  return entry;
}

export const isSettingPath = (path: string): path is SettingPath => BY_PATH.has(path);

/** Short name -> dotted path, for `--set` and an address's `set=`. */
export const KEY_ALIASES: Readonly<Record<string, SettingPath>> = Object.fromEntries(
  SETTINGS.flatMap((s) => (s.aliases ?? []).map((alias) => [alias, s.path])),
);

/** Every name `--set` accepts besides dotted paths: the aliases and the top-level settings. */
export const SHORT_NAMES: readonly string[] = [
  ...Object.keys(KEY_ALIASES),
  ...SETTINGS.map((s) => s.path).filter((p) => !p.includes('.') && !(p in KEY_ALIASES)),
];
