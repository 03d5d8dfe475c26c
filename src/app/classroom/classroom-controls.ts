/**
 * The settings a teacher can hide or lock in a classroom link, grouped as the settings panel
 * groups them, each with the config paths it edits (a lock keeps those values whatever a preset
 * or a control asks), and the charts one of which can be shown large. Pure: tested in Node.
 */

export const CONTROL_GROUPS = [
  { id: 'preset', label: 'Preset', controls: [{ id: 'preset', label: 'Preset', paths: [] }] },
  {
    id: 'corpus',
    label: 'Real text (D0)',
    controls: [{ id: 'corpus', label: 'Real text', paths: ['corpus.source'] }],
  },
  {
    id: 'paradigm',
    label: 'Paradigm',
    controls: [{ id: 'paradigm', label: 'Paradigm', paths: ['paradigm'] }],
  },
  {
    id: 'data',
    label: 'Data per generation',
    controls: [
      { id: 'contamination', label: 'Generated text written back', paths: ['contamination'] },
      { id: 'realKept', label: 'Real data kept', paths: ['realKept'] },
      { id: 'freshShare', label: 'Fresh real data', paths: ['freshShare'] },
      { id: 'trainingSample', label: 'Training sample size', paths: ['trainingSample'] },
      { id: 'filter', label: 'Quality filter', paths: ['filter.keep', 'filter.dedupe'] },
    ],
  },
  {
    id: 'decoding',
    label: 'Decoding',
    controls: [
      { id: 'temperature', label: 'Temperature', paths: ['decoding.temperature'] },
      { id: 'topK', label: 'Top-k', paths: ['decoding.topK'] },
      { id: 'topP', label: 'Top-p', paths: ['decoding.topP'] },
    ],
  },
  {
    id: 'model',
    label: 'Model',
    controls: [
      { id: 'modelSize', label: 'Model size', paths: ['model.size'] },
      { id: 'steps', label: 'Training steps', paths: ['training.steps', 'training.budgetRule'] },
      { id: 'continueTraining', label: 'Where each model starts', paths: ['model.continueTraining'] },
    ],
  },
  {
    id: 'run',
    label: 'Run',
    controls: [
      { id: 'generations', label: 'Generations', paths: ['generations'] },
      { id: 'seed', label: 'Seed', paths: ['seed'] },
    ],
  },
] as const;

type Group = (typeof CONTROL_GROUPS)[number];
export type ControlGroupId = Group['id'];
export type ControlId = Group['controls'][number]['id'];

export const CONTROLS: readonly {
  id: ControlId;
  label: string;
  paths: readonly string[];
  group: ControlGroupId;
}[] = CONTROL_GROUPS.flatMap((g) =>
  g.controls.map((c) => ({ id: c.id, label: c.label, paths: c.paths, group: g.id })),
);

export const CONTROL_IDS: readonly ControlId[] = CONTROLS.map((c) => c.id);

export const isControlId = (name: string): name is ControlId =>
  (CONTROL_IDS as readonly string[]).includes(name);

export function controlLabel(id: ControlId): string {
  return CONTROLS.find((c) => c.id === id)?.label ?? id;
}

/** The config paths the given controls fix. */
export function lockedPaths(locked: Iterable<ControlId>): string[] {
  const ids = new Set(locked);
  return CONTROLS.filter((c) => ids.has(c.id)).flatMap((c) => c.paths);
}

/** The charts of the simulator, in the grid's order; one may be shown large. */
export const CHARTS = [
  { id: 'perplexity', label: 'Held-out perplexity' },
  { id: 'loss', label: 'Training loss' },
  { id: 'divergence', label: 'Divergence from real text' },
  { id: 'lost-support', label: 'Lost support' },
  { id: 'diversity', label: 'Entropy and distinct-n' },
  { id: 'provenance', label: 'Corpus provenance' },
] as const;

export type ChartId = (typeof CHARTS)[number]['id'];

export const CHART_IDS: readonly ChartId[] = CHARTS.map((c) => c.id);

export const isChartId = (name: string): name is ChartId => (CHART_IDS as readonly string[]).includes(name);
