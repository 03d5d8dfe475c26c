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

/** A large chart's plot: tall enough to read from the back of a room, short enough for 768 px. */
const LARGE_CHART_HEIGHT = 380;

export function ChartsPanel() {
  const headingId = useId();
  const large = useClassroom((s) => s.large);
  const presenter = useClassroom((s) => s.presenter);
  const shown = chartsShown(large, presenter);
  return (
    <section
      className={presenter ? 'charts charts-presenter' : 'charts'}
      aria-labelledby={headingId}
      data-tour="charts"
    >
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
