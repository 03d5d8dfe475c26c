import { useEffect, useState } from 'react';
import { etaSeconds } from '../store/fold-run';
import { isRunActive, useAppStore } from '../store/app-store';
import { announcement, progressValue, statusLine, totalGenerations } from './run-status';

/**
 * performance.now(), refreshed every intervalMs while `ticking`: the ETA counts down between the
 * store's updates without reading the clock during render.
 */
function useNow(ticking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(performance.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}

/** The progress bar (in generations), the status line, and a quieter live region for screen readers. */
export function RunProgress() {
  const run = useAppStore((s) => s.run);
  const configured = useAppStore((s) => s.config.generations);
  const now = useNow(run.status === 'running');
  const total = totalGenerations(run, configured);
  const value = progressValue(run, configured);
  const line = statusLine(run, run.status === 'running' ? etaSeconds(run, now) : null, configured);
  const pct = total > 0 ? (value / total) * 100 : 0;

  return (
    <div className="rb-progress-block">
      <div
        className="rb-progress"
        role="progressbar"
        aria-label="Run progress, in generations"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={Math.round(value * 100) / 100}
        aria-valuetext={line}
        data-active={isRunActive(run) || undefined}
      >
        {/* Slid in from the left, not resized: a transform animates on the compositor, where a
            changing width laid out and painted the page on every frame of a run. */}
        <div
          className={`rb-progress-fill rb-status-${run.status}`}
          style={{ transform: `translateX(${pct - 100}%)` }}
        />
      </div>
      {/* Visible and exact, but not live: it changes several times a second. */}
      <p className="rb-status-line" data-status={run.status}>
        {line}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement(run, configured)}
      </p>
    </div>
  );
}
