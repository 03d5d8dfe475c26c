/**
 * What the "How the models see their own text" chart shows, pure (tested in Node): for a chosen
 * generation, the share of its documents in each perplexity bin under generation 0's model,
 * beside generation 0's own text and real text, and the same in words for screen readers.
 */
import type { GenerationReport, GenerationZeroView } from '../../../engine/record';
import type { PerplexitySpread } from '../../../engine/metrics/perplexity-spread';
import { ERROR_PERPLEXITY } from '../../../engine/metrics/perplexity-spread';
import { formatNumber, formatPercent } from '../../charts/data/chart-summaries';

/**
 * Bins per decade drawn: the record's finer bins merged in groups, so the few dozen documents of
 * an evaluation sample fill bars a class can read rather than a comb of ones and zeros.
 */
export const SHOWN_BINS_PER_DECADE = 10;

/** One step of the histogram: its bin's edges and each series' share of documents (%) in it. */
export interface SelfViewRow {
  /** log10 of the bin's lower edge, times SHOWN_BINS_PER_DECADE: the x position (a log axis). */
  x: number;
  from: number;
  to: number;
  /** The chosen generation, generation 0 and real text: % of their documents in this bin. */
  chosen: number;
  first: number;
  real: number;
}

/** A generation that has a view, with it. */
export interface ViewedGeneration {
  generation: number;
  view: GenerationZeroView;
}

/** The generations generation 0's model scored, in order. */
export function viewedGenerations(reports: readonly GenerationReport[]): ViewedGeneration[] {
  return reports.flatMap((r) =>
    r.underGenerationZero ? [{ generation: r.generation, view: r.underGenerationZero }] : [],
  );
}

/** The spread's counts on SHOWN_BINS_PER_DECADE bins (it is recorded at a multiple of that). */
function shownCounts(spread: PerplexitySpread): number[] {
  const merge = Math.max(1, Math.round(spread.binsPerDecade / SHOWN_BINS_PER_DECADE));
  const out: number[] = [];
  spread.counts.forEach((c, i) => {
    const bin = Math.floor(i / merge);
    while (out.length <= bin) out.push(0);
    out[bin] += c;
  });
  return out;
}

const edge = (bin: number) => 10 ** (bin / SHOWN_BINS_PER_DECADE);

/**
 * The histogram rows from one bin below the lowest any series uses (never below perplexity 1) to
 * one above the highest, so each outline rises from zero and falls back to it: a step chart draws
 * each bin from its row to the next. Shares are of each series' own documents, so samples of
 * different sizes compare.
 */
export function selfViewRows(chosen: GenerationZeroView, first: GenerationZeroView | null): SelfViewRow[] {
  const series = {
    chosen: shownCounts(chosen.samples),
    first: first ? shownCounts(first.samples) : [],
    real: shownCounts(chosen.real),
  };
  const totals = {
    chosen: chosen.samples.documents,
    first: first?.samples.documents ?? 0,
    real: chosen.real.documents,
  };
  const used = Object.values(series).flatMap((counts) => counts.flatMap((c, i) => (c > 0 ? [i] : [])));
  if (used.length === 0) return [];
  const share = (key: keyof typeof series, bin: number) =>
    totals[key] > 0 ? (100 * (series[key][bin] ?? 0)) / totals[key] : 0;
  const rows: SelfViewRow[] = [];
  for (let bin = Math.max(0, Math.min(...used) - 1); bin <= Math.max(...used) + 1; bin++) {
    rows.push({
      x: bin,
      from: edge(bin),
      to: edge(bin + 1),
      chosen: share('chosen', bin),
      first: share('first', bin),
      real: share('real', bin),
    });
  }
  return rows;
}

/** Positions (bin units) of 1-2-5 perplexity ticks inside [low, high]. */
export function selfViewTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let decade = 0; decade <= 20; decade++) {
    for (const m of [1, 2, 5]) {
      const x = Math.log10(m * 10 ** decade) * SHOWN_BINS_PER_DECADE;
      if (x >= low - 1e-9 && x <= high + 1e-9) ticks.push(x);
    }
  }
  return ticks;
}

/** A tick's perplexity label: the value at that position of the log axis. */
export const perplexityAt = (x: number): string =>
  formatNumber(Number((10 ** (x / SHOWN_BINS_PER_DECADE)).toPrecision(3)));

/**
 * The chart in one sentence: "Generation 5: median perplexity 1.4 under generation 0's model
 * (real text: 2.1); 12% of its documents above 10."
 */
export function selfViewSummary(generation: number, view: GenerationZeroView): string {
  const above = formatPercent(100 * view.samples.shareAboveError);
  const realAbove = formatPercent(100 * view.real.shareAboveError);
  return (
    `Generation ${generation}: median perplexity ${formatNumber(view.samples.median)} under generation 0's model ` +
    `(real text: ${formatNumber(view.real.median)}); ${above} of its ${view.samples.documents} documents above ${ERROR_PERPLEXITY} ` +
    `(real text: ${realAbove}).`
  );
}
