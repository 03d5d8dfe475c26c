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
 * Fewest bins the used span is drawn with: the recorded bins are merged in pairs while at least
 * this many remain, so a wide spread (a long tail of errors) gets bars full enough to read and
 * a narrow one (long documents average out) keeps its shape.
 */
export const MIN_SHOWN_BINS = 12;

/** One step of the histogram: its bin's edges and each series' share of documents (%) in it. */
export interface SelfViewRow {
  /** log10 of the bin's lower edge: the x position on a log axis. */
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

/** The spread's counts with every `merge` recorded bins summed into one. */
function mergedCounts(spread: PerplexitySpread, merge: number): number[] {
  const out: number[] = [];
  spread.counts.forEach((c, i) => {
    const bin = Math.floor(i / merge);
    while (out.length <= bin) out.push(0);
    out[bin] += c;
  });
  return out;
}

const usedBins = (counts: readonly number[]) => counts.flatMap((c, i) => (c > 0 ? [i] : []));

/**
 * The histogram rows from one bin below the lowest any series uses (never below perplexity 1) to
 * one above the highest, so each outline rises from zero and falls back to it: a step chart draws
 * each bin from its row to the next. The recorded bins are merged in pairs while the used span
 * keeps MIN_SHOWN_BINS. Shares are of each series' own documents, so samples of different sizes
 * compare.
 */
export function selfViewRows(chosen: GenerationZeroView, first: GenerationZeroView | null): SelfViewRow[] {
  const spreads = { chosen: chosen.samples, first: first?.samples ?? null, real: chosen.real };
  const recorded = Object.values(spreads).flatMap((sp) => (sp ? usedBins(sp.counts) : []));
  if (recorded.length === 0) return [];
  const perDecade = chosen.samples.binsPerDecade;
  let merge = 1;
  const span = (m: number) =>
    Math.floor(Math.max(...recorded) / m) - Math.floor(Math.min(...recorded) / m) + 1;
  while (merge * 2 <= perDecade && span(merge * 2) >= MIN_SHOWN_BINS) merge *= 2;
  const counts = {
    chosen: mergedCounts(spreads.chosen, merge),
    first: spreads.first ? mergedCounts(spreads.first, merge) : [],
    real: mergedCounts(spreads.real, merge),
  };
  const share = (key: keyof typeof counts, bin: number) => {
    const total = spreads[key]?.documents ?? 0;
    return total > 0 ? (100 * (counts[key][bin] ?? 0)) / total : 0;
  };
  const used = Object.values(counts).flatMap(usedBins);
  const rows: SelfViewRow[] = [];
  for (let bin = Math.max(0, Math.min(...used) - 1); bin <= Math.max(...used) + 1; bin++) {
    const x = (bin * merge) / perDecade;
    rows.push({
      x,
      from: 10 ** x,
      to: 10 ** (((bin + 1) * merge) / perDecade),
      chosen: share('chosen', bin),
      first: share('first', bin),
      real: share('real', bin),
    });
  }
  return rows;
}

/** Tick values per decade, coarse to fine. */
const TICK_MANTISSAS = [
  [1, 2, 5],
  [1, 1.5, 2, 3, 5, 7],
  [1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 9],
] as const;

/**
 * Positions (log10 of perplexity) of ticks inside [low, high]: the first set of TICK_MANTISSAS
 * that leaves at least three (a narrow spread gets the denser ones).
 */
export function selfViewTicks(low: number, high: number): number[] {
  const pick = (mantissas: readonly number[]) => {
    const ticks: number[] = [];
    for (let decade = 0; decade <= 20; decade++) {
      for (const m of mantissas) {
        const x = Math.log10(m * 10 ** decade);
        if (x >= low - 1e-9 && x <= high + 1e-9) ticks.push(x);
      }
    }
    return ticks;
  };
  for (const mantissas of TICK_MANTISSAS) {
    const ticks = pick(mantissas);
    if (ticks.length >= 3) return ticks;
  }
  return pick(TICK_MANTISSAS[TICK_MANTISSAS.length - 1]);
}

/** A tick's perplexity label: the value at that position of the log axis. */
export const perplexityAt = (x: number): string => formatNumber(Number((10 ** x).toPrecision(3)));

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
