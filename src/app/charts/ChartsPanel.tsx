/**
 * All live charts of a run in one responsive grid. Each chart reads the store itself, so this
 * panel re-renders nothing when one chart's data changes. A classroom link may pick one chart to
 * show large (first, full width, taller); presenter mode shows only that one and one more.
 */
import { useId, type ComponentType } from 'react';
import { chartsShown } from '../classroom/chart-layout';
import type { ChartId } from '../classroom/classroom-controls';
import { useClassroom } from '../classroom/classroom-store';
import './charts.css';
import { ChartHeightContext } from './ChartFrame';
import { CHART_HEIGHT } from './chart-theme';
import { DivergenceChart } from './DivergenceChart';
import { DiversityChart } from './DiversityChart';
import { LossChart } from './LossChart';
import { LostSupportChart } from './LostSupportChart';
import { PerplexityChart } from './PerplexityChart';
import { ProvenanceChart } from './ProvenanceChart';

const CHART_COMPONENTS: readonly [ChartId, ComponentType][] = [
  ['perplexity', PerplexityChart],
  ['loss', LossChart],
  ['divergence', DivergenceChart],
  ['lost-support', LostSupportChart],
  ['diversity', DiversityChart],
  ['provenance', ProvenanceChart],
];

/**
 * Charts drawn as a pair of small plots take a whole row (ChartFrame's `wide`): they come after
 * the half-width ones, so no row is left half empty. A large chart stays first.
 */
const FULL_ROW: ReadonlySet<ChartId> = new Set(['lost-support', 'diversity']);

function inRows<T extends { id: ChartId; large: boolean }>(charts: readonly T[]): T[] {
  const fullRow = (c: T) => !c.large && FULL_ROW.has(c.id);
  return [...charts.filter((c) => !fullRow(c)), ...charts.filter(fullRow)];
}

/** A large chart's plot: tall enough to read from the back of a room, short enough for 768 px. */
const LARGE_CHART_HEIGHT = 380;

export function ChartsPanel() {
  const headingId = useId();
  const large = useClassroom((s) => s.large);
  const presenter = useClassroom((s) => s.presenter);
  const shown = presenter ? chartsShown(large, presenter) : inRows(chartsShown(large, presenter));
  return (
    <section className={presenter ? 'charts charts-presenter' : 'charts'} aria-labelledby={headingId} data-tour="charts">
      <h2 id={headingId}>Charts</h2>
      <div className="charts-grid">
        {shown.map(({ id, large: isLarge }) => {
          const Chart = CHART_COMPONENTS.find(([c]) => c === id)?.[1];
          if (!Chart) return null;
          return (
            <div key={id} className="chart-cell" data-chart={id} data-large={isLarge || undefined}>
              <ChartHeightContext.Provider value={isLarge || presenter ? LARGE_CHART_HEIGHT : CHART_HEIGHT}>
                <Chart />
              </ChartHeightContext.Provider>
            </div>
          );
        })}
      </div>
    </section>
  );
}
