import { resumeFromCheckpoint } from './session/session';
import { useAppStore } from './store/app-store';
import type { LiveRun } from './store/live-run';

/** The generation a failed run can go on from, or null when there is nothing to resume. */
export function resumableGeneration(run: LiveRun): number | null {
  const checkpoint = run.checkpoint;
  if (run.status !== 'failed' || !checkpoint) return null;
  return checkpoint.nextGeneration < checkpoint.config.generations ? checkpoint.nextGeneration : null;
}

const keptWords = (next: number) =>
  next === 0
    ? 'No generation had finished, but the baseline is kept.'
    : next === 1
      ? 'Generation 0 is kept.'
      : `Generations 0 to ${next - 1} are kept.`;

/**
 * After the worker died (or the run failed otherwise), the offer to go on from the last finished
 * generation in a fresh worker. A plain button: Tab reaches it, Enter or Space presses it.
 */
export function ResumeOffer() {
  // Narrow selections: the run changes several times a second, the offer only when a run fails.
  const generation = useAppStore((s) => resumableGeneration(s.run));
  const checkpoint = useAppStore((s) => s.run.checkpoint);
  if (generation === null || !checkpoint) return null;
  return (
    <p className="message message-note" data-testid="resume-offer">
      <span>{keptWords(generation)} The run can go on in a fresh worker from there.</span>
      <button type="button" onClick={() => resumeFromCheckpoint(checkpoint)}>
        Resume from generation {generation}
      </button>
    </p>
  );
}
