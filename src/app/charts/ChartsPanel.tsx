/**
 * All live charts of a run in one responsive grid. Each chart reads the store itself, so this
 * panel takes no props and re-renders nothing when one chart's data changes.
 */
import { useId } from 'react';
import './charts.css';
import { DivergenceChart } from './DivergenceChart';
import { DiversityChart } from './DiversityChart';
import { LossChart } from './LossChart';
import { LostSupportChart } from './LostSupportChart';
import { PerplexityChart } from './PerplexityChart';
import { ProvenanceChart } from './ProvenanceChart';

export function ChartsPanel() {
  const headingId = useId();
  return (
    <section className="charts" aria-labelledby={headingId}>
      <h2 id={headingId}>Charts</h2>
      <div className="charts-grid">
        <PerplexityChart />
        <LossChart />
        <DivergenceChart />
        <LostSupportChart />
        <DiversityChart />
        <ProvenanceChart />
      </div>
    </section>
  );
}
