/**
 * "An interrupted run resumes from its last finished generation": a run that was going when the
 * page closed is kept with its latest checkpoint (live-capture.ts); Resume puts its finished
 * generations back on screen and continues it in a fresh worker from that checkpoint, in the same
 * entry of the runs list.
 */
import { parseCheckpoint } from '../../engine/loop/control/checkpoint';
import { resumeFromCheckpoint } from '../session/session';
import { isRunActive, useAppStore } from '../store/app-store';
import type { KeptRun } from './kept/kept-run';
import { continueInNextLiveRun } from './kept/live-capture';
import { showKeptRun } from './playback/show-run';

/** True when the list should offer Resume for `run`. */
export const canResume = (run: KeptRun): boolean =>
  run.status === 'interrupted' && run.origin === 'live' && run.checkpoint !== undefined;

/** Continues `run` from its stored checkpoint; false (with a message) when it cannot. */
export function resumeKeptRun(run: KeptRun): boolean {
  const app = useAppStore.getState();
  if (isRunActive(app.run)) {
    app.say(`"${run.label}" cannot resume while another run is going: stop that run first.`);
    return false;
  }
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(run.checkpoint);
  } catch (e) {
    app.say(
      `"${run.label}" cannot resume: its saved state is unreadable (${e instanceof Error ? e.message : String(e)}). Its finished generations stay in the list.`,
    );
    return false;
  }
  // Its finished generations on screen first: the resumed run keeps those up to the checkpoint.
  if (run.generations.length > 0 && !showKeptRun(run)) return false;
  continueInNextLiveRun(run.id);
  resumeFromCheckpoint(checkpoint);
  return true;
}
