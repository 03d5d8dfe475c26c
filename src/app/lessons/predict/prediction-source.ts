/**
 * Where the generations on screen come from, and how predictions hold them back.
 *
 * "Before the results show" is done by pausing what makes them appear, at a generation boundary,
 * rather than by hiding numbers the page already has: a live run pauses its worker, a played-back
 * run pauses its timer. Once the class has answered, one more generation is let through (the run
 * bar's step for a live run, one generation of the playback), after which the source is paused
 * again. So the charts, the samples and the announcer never show a generation the class has not
 * predicted, with no component of theirs changed, and both sources behave alike. A live
 * generation can still finish before the pause reaches the worker (the count model's take a few
 * milliseconds); the class is then asked about the next one instead, never about one on screen.
 */
import type { RunStatus } from '../../store/live-run';
import { pauseRun, stepRun } from '../../session/session';
import { pausePlayback, stepPlayback, type PlaybackState } from '../../runs/playback/show-run';

export interface PredictionSource {
  kind: 'live' | 'playback';
  /** Generations the run will have when it is done. */
  planned: number;
  /** Whether generations are coming in now (not paused). */
  moving: boolean;
  /** The run in the page's words, for the history. */
  runLabel: string;
}

/** What the source needs to know of the live run (the app store's run, narrowed). */
export interface LiveRunState {
  /** Starting, running or paused (isRunActive). */
  active: boolean;
  status: RunStatus;
  /** The generations the run's config asks for; null before it has one. */
  planned: number | null;
}

/** The source of the run on screen, or null when no more generations will come (or none yet). */
export function predictionSource(
  live: LiveRunState,
  playback: Pick<PlaybackState, 'runId' | 'label' | 'total' | 'playing'>,
  playbackOnScreen: boolean,
): PredictionSource | null {
  if (playbackOnScreen && playback.runId !== null)
    return { kind: 'playback', planned: playback.total, moving: playback.playing, runLabel: playback.label };
  if (live.active && live.planned !== null)
    return {
      kind: 'live',
      planned: live.planned,
      moving: live.status !== 'paused',
      runLabel: 'Live run',
    };
  return null;
}

/** Stops new generations from appearing (the class has not answered yet). */
export function holdSource(kind: PredictionSource['kind']): void {
  if (kind === 'live') pauseRun();
  else pausePlayback();
}

/** Lets exactly one more generation through: the one the class just answered about. */
export function advanceSource(kind: PredictionSource['kind']): void {
  if (kind === 'live') stepRun();
  else stepPlayback();
}
