import { useMemo } from 'react';
import { BackendBadge } from './components/BackendBadge';
import { PerplexityReport } from './components/PerplexityReport';
import { SampleList } from './components/SampleList';
import { TrainingProgress } from './components/TrainingProgress';
import { statusText } from './run-state';
import { readUrlOptions } from './url-options';
import { useSimulation } from './use-simulation';

/**
 * The early page: one real training run of the tiny model, start to finish. The full simulator
 * (generations, corpus, charts) replaces it later; every figure here is already measured live.
 */
export function App() {
  const { options, problems } = useMemo(() => readUrlOptions(window.location.search), []);
  const { state, start, stop } = useSimulation(options);
  const running = state.status === 'running';

  return (
    <main>
      <h1>Collapse Lab</h1>
      <p className="intro">
        This early page shows the engine that Collapse Lab is built on. Your browser trains a small character-level
        transformer (the &ldquo;tiny&rdquo; model) from scratch on short children&rsquo;s stories the project writes
        itself, in a background worker, on the fastest compute backend it can find. Watch the loss fall as it learns;
        when it is done, the page compares its perplexity on stories it never saw with that of the same model before
        training, and shows a few stories it writes. Later, each generation of models will be trained on the text the
        previous one wrote, and you will watch them collapse.
      </p>

      {problems.length > 0 && (
        <ul className="notice" aria-label="Problems with the page address">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}

      <div className="controls">
        <button type="button" onClick={start} disabled={running}>
          Start training
        </button>
        <button type="button" onClick={stop} disabled={!running}>
          Stop
        </button>
      </div>

      <p className="status" role="status" aria-live="polite" data-testid="status">
        {statusText(state)}
      </p>
      {state.error && (
        <p className="error" role="alert" data-testid="error">
          {state.error}
        </p>
      )}

      <BackendBadge backend={state.backend} />
      <TrainingProgress state={state} />
      <PerplexityReport state={state} />
      <SampleList samples={state.samples} steps={state.latest?.totalSteps ?? null} />
    </main>
  );
}
