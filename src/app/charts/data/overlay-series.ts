/**
 * Overlay lines: runs from the runs list drawn over the charts of the run on screen, one line per
 * run and chart. Pure and memoised per run: a run's points are folded once (keyed by its
 * generations array, which only changes when a generation finishes), never on each redraw of the
 * live run. Tested in Node (tests/unit/app/runs-overlay.test.ts).
 */
import type { SimulationConfig } from '../../../engine/config/schema';
import type { GenerationReport } from '../../../engine/record';
import { configDiffLabel } from '../../runs/config-diff';
import type { KeptRun } from '../../runs/kept/kept-run';
import { thinRows } from './chart-data';
import type { SeriesStyle } from '../../ui/palette';
import { overlayStyle } from '../../runs/kept/overlay-style';

/** The one value per generation each chart overlays. */
export type OverlayMetric =
  | 'perplexity'
  | 'trainLoss'
  | 'js'
  | 'kl'
  | 'tv'
  | 'entropy'
  | 'distinct2'
  | 'lostWords'
  | 'realWords'
  | 'humanShare';

export interface OverlayPoint {
  generation: number;
  value: number;
}

const humanShare = (r: GenerationReport): number => {
  const total = r.provenance.reduce((s, p) => s + Math.max(0, p.chars), 0);
  const human = r.provenance.reduce((s, p) => s + (p.origin === 'human' ? Math.max(0, p.chars) : 0), 0);
  return total > 0 ? (human / total) * 100 : NaN;
};

const METRIC_VALUE: Record<OverlayMetric, (r: GenerationReport) => number> = {
  perplexity: (r) => (r.perplexity > 0 ? r.perplexity : NaN),
  // The loss a generation's training ended at (NaN for the count model, which has none).
  trainLoss: (r) => r.trainLoss,
  // Divergence overlays show the 2-gram line: one line per run keeps the chart readable.
  js: (r) => r.js['2'],
  kl: (r) => r.kl['2'],
  tv: (r) => r.tv['2'],
  entropy: (r) => r.entropy,
  distinct2: (r) => r.distinct['2'] * 100,
  lostWords: (r) => r.lostSupport.words * 100,
  realWords: (r) => r.realWordShare * 100,
  humanShare,
};

/** How each metric's overlay line is named after the run's label. */
export const METRIC_WORDS: Record<OverlayMetric, string> = {
  perplexity: '',
  trainLoss: 'end of training',
  js: '2-grams',
  kl: '2-grams',
  tv: '2-grams',
  entropy: 'characters',
  distinct2: 'distinct-2',
  lostWords: 'words',
  realWords: 'real words',
  humanShare: 'human share',
};

const cache = new WeakMap<readonly GenerationReport[], Map<OverlayMetric, OverlayPoint[]>>();

/** One point per finished generation with a finite value, thinned like the charts' own rows. */
export function overlayPoints(
  generations: readonly GenerationReport[],
  metric: OverlayMetric,
): OverlayPoint[] {
  let byMetric = cache.get(generations);
  if (!byMetric) {
    byMetric = new Map();
    cache.set(generations, byMetric);
  }
  let points = byMetric.get(metric);
  if (!points) {
    points = thinRows(
      generations
        .map((r) => ({ generation: r.generation, value: METRIC_VALUE[metric](r) }))
        .filter((p) => Number.isFinite(p.value)),
    );
    byMetric.set(metric, points);
  }
  return points;
}

export interface OverlaySeries {
  id: string;
  /** Legend entry: the run's name and what it did differently from the run on screen. */
  name: string;
  style: SeriesStyle;
  points: OverlayPoint[];
}

/** "Recorded: Gerstgrasser (accumulate), 2-grams": label, config differences, metric. */
export function overlayName(
  run: Pick<KeptRun, 'label' | 'config'>,
  reference: SimulationConfig | null,
  metric: OverlayMetric,
): string {
  const diff = configDiffLabel(run.config, reference);
  const words = METRIC_WORDS[metric];
  return `${run.label}${diff ? ` (${diff})` : ''}${words ? `, ${words}` : ''}`;
}

export function buildOverlaySeries(
  runs: readonly KeptRun[],
  reference: SimulationConfig | null,
  metric: OverlayMetric,
): OverlaySeries[] {
  return runs
    .map((run) => ({
      id: run.id,
      name: overlayName(run, reference, metric),
      style: overlayStyle(run.styleIndex),
      points: overlayPoints(run.generations, metric),
    }))
    .filter((s) => s.points.length > 0);
}

/** Generation range and values of the overlays, for the charts' axes. */
export function overlayExtent(series: readonly OverlaySeries[]): {
  first: number | null;
  last: number | null;
  values: number[];
} {
  const generations = series.flatMap((s) => s.points.map((p) => p.generation));
  return {
    first: generations.length > 0 ? Math.min(...generations) : null,
    last: generations.length > 0 ? Math.max(...generations) : null,
    values: series.flatMap((s) => s.points.map((p) => p.value)),
  };
}

/** The overlays in words, appended to a chart's screen-reader summary ("" without overlays). */
export function overlaySummary(series: readonly OverlaySeries[], format: (value: number) => string): string {
  const parts = series.map((s) => {
    const last = s.points.at(-1) as OverlayPoint;
    return `${s.name}, generation ${last.generation}: ${format(last.value)}`;
  });
  return parts.length === 0 ? '' : ` Overlaid runs: ${parts.join('; ')}.`;
}
