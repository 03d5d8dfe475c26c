import './run-bar.css';
import { RunFiles } from './RunFiles';
import { pauseRun, resetRun, stepRun, stopRun } from '../session/session';
import { isRunActive, useAppStore } from '../store/app-store';
import { useClassroom } from '../classroom/classroom-store';
import { forgetPreference } from '../store/backend-preference';
import { BackendBadge } from './BackendBadge';
import { BackendPicker } from './BackendPicker';
import { play, toggleHelp } from './run-actions';
import { RunProgress } from './RunProgress';

/** The backend of the next run: Automatic (timed once per browser, remembered) or one by name. */
function RunBackendPicker({ disabled }: { disabled: boolean }) {
  const setting = useAppStore((s) => s.backendSetting);
  const preference = useAppStore((s) => s.backendPreference);
  const setSetting = useAppStore((s) => s.setBackendSetting);
  const setPreference = useAppStore((s) => s.setBackendPreference);
  const measureAgain = () => {
    forgetPreference();
    setPreference(null);
  };
  return (
    <BackendPicker
      value={setting}
      onChange={setSetting}
      preference={preference}
      onMeasureAgain={measureAgain}
      disabled={disabled}
    />
  );
}

/** The bar above everything: run commands, progress and status, the backend, and help. */
export function RunBar() {
  const status = useAppStore((s) => s.run.status);
  const helpOpen = useAppStore((s) => s.ui.helpOpen);
  const active = useAppStore((s) => isRunActive(s.run));
  const running = status === 'running' || status === 'starting';
  // Presenter mode keeps the commands and the progress; files are for the teacher's own screen.
  const presenter = useClassroom((s) => s.presenter);

  return (
    <section className="rb-bar" aria-label="Run">
      <div className="rb-buttons" role="group" aria-label="Run controls">
        <button
          type="button"
          className="rb-button rb-primary"
          data-tour="play"
          onClick={play}
          disabled={running}
          aria-keyshortcuts="Space"
          title={status === 'paused' ? 'Resume the run (Space)' : 'Start a run with these settings (Space)'}
        >
          <span aria-hidden="true">▶ </span>
          {status === 'paused' ? 'Resume' : 'Play'}
        </button>
        <button
          type="button"
          className="rb-button"
          onClick={pauseRun}
          disabled={!running}
          aria-keyshortcuts="Space"
          title="Pause after the current step (Space)"
        >
          <span aria-hidden="true">❚❚ </span>Pause
        </button>
        <button
          type="button"
          className="rb-button"
          onClick={stepRun}
          disabled={status === 'starting'}
          aria-keyshortcuts="N"
          title={
            active
              ? 'Finish one generation, then pause (N)'
              : 'Start a run and pause after its first generation (N)'
          }
        >
          <span aria-hidden="true">⇥ </span>Step
        </button>
        <button
          type="button"
          className="rb-button"
          onClick={stopRun}
          disabled={!active}
          title="End the run now; finished generations stay on screen"
        >
          <span aria-hidden="true">■ </span>Stop
        </button>
        <button
          type="button"
          className="rb-button"
          onClick={resetRun}
          disabled={status === 'idle'}
          aria-keyshortcuts="R"
          title="Clear the run from the screen (R)"
        >
          <span aria-hidden="true">↺ </span>Reset
        </button>
      </div>
      <RunProgress />
      <BackendBadge />
      {!presenter && <RunBackendPicker disabled={active} />}
      <button
        type="button"
        className="rb-button rb-help"
        onClick={toggleHelp}
        aria-haspopup="dialog"
        aria-expanded={helpOpen}
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">Keyboard shortcuts</span>
      </button>
      {!presenter && <RunFiles />}
    </section>
  );
}
