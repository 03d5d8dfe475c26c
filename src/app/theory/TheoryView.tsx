/**
 * The Theory view (issue 4): the count model's long run, many seeds at once, beside the closed
 * forms. The slider of the contribution per generation is the lesson: less generated text makes
 * collapse arrive later, not never.
 */
import { useDeferredValue } from 'react';
import { CHART_METRIC_ORDER, CHART_METRICS, type ChartMetric } from './shared/chart-metrics';
import { DriftChart } from './DriftChart';
import { FixationChart } from './FixationChart';
import { RealWeightChart } from './RealWeightChart';
import { progressText } from './shared/run-state';
import { summaryLines } from './readouts';
import { TheoryControls } from './TheoryControls';
import { TheoryExplainer } from './TheoryExplainer';
import { MAX_PINS, useTheoryStore } from './shared/theory-store';
import { useTheoryRunner } from './use-theory-runner';
import { RecordedTransformerSweep } from './sweep/RecordedTransformerSweep';
import { ContaminationSweepSection } from './sweep/SweepSection';
import './theory.css';

const isChartMetric = (v: string): v is ChartMetric => (CHART_METRIC_ORDER as readonly string[]).includes(v);

export function TheoryView() {
  return (
    <section className="theory-view" aria-labelledby="theory-title">
      <TheoryRunner />
      <h2 id="theory-title">Theory: the long run of a count model</h2>
      <TheoryExplainer />
      <TheoryControls />
      <TheoryProgress />
      <TheoryResults />
      <ContaminationSweepSection />
      <RecordedTransformerSweep />
    </section>
  );
}

/**
 * Owns the worker. A component of its own, rendering nothing, so that a settings change
 * re-renders only it and the controls, not the charts (a chart render costs tens of ms).
 */
function TheoryRunner() {
  useTheoryRunner();
  return null;
}

function TheoryProgress() {
  const run = useTheoryStore((s) => s.run);
  const pct = run.status === 'running' && run.total > 0 ? run.done / run.total : null;
  return (
    <div className="theory-progress">
      <p role="status" aria-live="polite" data-testid="theory-status" data-status={run.status}>
        {progressText(run)}
      </p>
      {/* Decorative: the status line above is what assistive technology reads. */}
      <progress max={1} value={pct ?? (run.status === 'done' ? 1 : 0)} aria-hidden="true" />
    </div>
  );
}

/**
 * The charts read deferred copies of the store: a store update renders synchronously, and three
 * recharts charts drawn for the first time make one long task; a deferred render is time-sliced
 * by React into small pieces, so no main-thread task comes near 50 ms.
 */
function TheoryResults() {
  const record = useDeferredValue(useTheoryStore((s) => s.run.record));
  const recordSettings = useDeferredValue(useTheoryStore((s) => s.run.recordSettings));
  const metric = useDeferredValue(useTheoryStore((s) => s.metric));
  const logX = useDeferredValue(useTheoryStore((s) => s.logX));
  const pins = useDeferredValue(useTheoryStore((s) => s.pins));
  const { setMetric, setLogX, pinCurrent, unpin } = useTheoryStore.getState();
  if (!record || !recordSettings) return null;
  return (
    <div className="theory-results" data-testid="theory-results">
      <ul className="theory-summary" aria-label="What this run shows" data-testid="theory-summary">
        {summaryLines(record, recordSettings).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="theory-chart-options">
        <label>
          <input type="checkbox" checked={logX} onChange={(e) => setLogX(e.target.checked)} /> Log-scale
          generations
        </label>
        <label>
          Chart (b) shows
          <select value={metric} onChange={(e) => isChartMetric(e.target.value) && setMetric(e.target.value)}>
            {CHART_METRIC_ORDER.map((m) => (
              <option key={m} value={m}>
                {CHART_METRICS[m].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={pinCurrent} title={`Keeps up to ${MAX_PINS} curves on chart (b)`}>
          Keep this run on chart (b) for comparison
        </button>
      </div>
      {pins.length > 0 && (
        <ul className="theory-pins" aria-label="Runs kept for comparison">
          {pins.map((p) => (
            <li key={p.id}>
              {p.label}{' '}
              <button
                type="button"
                className="theory-unpin"
                onClick={() => unpin(p.id)}
                aria-label={`Remove ${p.label} from the comparison`}
              >
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="theory-charts">
        <RealWeightChart record={record} logX={logX} />
        <DriftChart record={record} metric={metric} logX={logX} pins={pins} />
        <FixationChart record={record} logX={logX} />
      </div>
      <details className="theory-notes">
        <summary>How these numbers were computed</summary>
        <ul>
          <li>{record.recording}</li>
          {record.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
