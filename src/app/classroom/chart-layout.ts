/**
 * Which charts the simulator shows, in which order, and which one is large: a classroom link's
 * large chart comes first at full width; presenter mode shows only it and one more. Pure.
 */
import { CHART_IDS, type ChartId } from './classroom-controls';

export interface ShownChart {
  id: ChartId;
  large: boolean;
}

/** Presenter mode's pair: the large chart (perplexity, the paper's measure, unless one was picked) and perplexity or divergence beside it. */
export function chartsShown(large: ChartId | null, presenter: boolean): ShownChart[] {
  if (presenter) {
    const lead = large ?? 'perplexity';
    return [
      { id: lead, large: true },
      { id: lead === 'perplexity' ? 'divergence' : 'perplexity', large: false },
    ];
  }
  const rest = CHART_IDS.filter((id) => id !== large).map((id) => ({ id, large: false }));
  return large ? [{ id: large, large: true }, ...rest] : rest;
}
