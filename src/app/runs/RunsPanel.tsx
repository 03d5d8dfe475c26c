import './runs.css';
import { useEffect, useState } from 'react';
import { isRunActive, useAppStore } from '../store/app-store';
import { ComparePanel } from './compare/ComparePanel';
import { captureLiveRuns } from './kept/live-capture';
import { RecordedRuns } from './recorded/RecordedRuns';
import { RunRow } from './RunRow';
import { MAX_KEPT_RUNS } from './kept/runs-reducer';
import { forgetAllRuns, loadSavedRuns, useRunsStore } from './kept/runs-store';

let started = false;

/** Once per page: follow the live run into the list and read the saved runs. */
function startRunsList(): void {
  if (started) return;
  started = true;
  captureLiveRuns();
  void loadSavedRuns();
}

/**
 * The runs list: every run of this session and saved ones (newest first), each renamable,
 * removable, pinnable, showable and overlaid on the charts at will; compares; recorded runs.
 */
export function RunsPanel() {
  const runs = useRunsStore((s) => s.runs);
  const onScreenId = useRunsStore((s) => s.onScreenId);
  const storageProblem = useRunsStore((s) => s.storageProblem);
  const busy = useAppStore((s) => isRunActive(s.run));
  const [confirming, setConfirming] = useState(false);
  useEffect(startRunsList, []);

  return (
    <section className="runs" aria-labelledby="runs-heading" data-testid="runs-panel">
      <h2 id="runs-heading">Runs</h2>
      <p className="runs-note">
        Up to {MAX_KEPT_RUNS} runs are kept, in this browser, across reloads; past that a recorded run, else
        the oldest run not pinned, is dropped. Tick &ldquo;Overlay on charts&rdquo; to draw a run over the one
        on screen.
      </p>
      {storageProblem !== null && (
        <p className="runs-problem" role="alert">
          {storageProblem}
        </p>
      )}
      {runs.length === 0 ? (
        <p className="runs-note">No runs yet: press Play, import a run.json, or watch a recorded run.</p>
      ) : (
        <ul className="runs-list" aria-label="Kept runs">
          {[...runs].reverse().map((run) => (
            <RunRow key={run.id} run={run} onScreen={run.id === onScreenId} busy={busy} />
          ))}
        </ul>
      )}
      {runs.length > 0 &&
        (confirming ? (
          <p className="runs-confirm" role="group" aria-label="Forget all saved runs?">
            Forget all {runs.length} runs in the list and in this browser?{' '}
            <button
              type="button"
              className="runs-button runs-danger"
              onClick={() => (forgetAllRuns(), setConfirming(false))}
            >
              Yes, forget them
            </button>{' '}
            <button type="button" className="runs-button" onClick={() => setConfirming(false)} autoFocus>
              Keep them
            </button>
          </p>
        ) : (
          <button type="button" className="runs-button" onClick={() => setConfirming(true)}>
            Forget all saved runs
          </button>
        ))}
      <ComparePanel />
      <RecordedRuns />
    </section>
  );
}
