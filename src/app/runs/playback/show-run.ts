/**
 * Puts a kept run on screen as the main run: all at once, or played back one generation at a
 * time at an adjustable pace, with pause. Playback state is a small store the panel and the run
 * bar's banner read. Nothing is shown while a live run is going: its worker would keep folding
 * events into whatever is on screen.
 */
import { create } from 'zustand';
import type { RunRecord } from '../../../engine/record';
import { liveRunFromRecord, type ShownRunKind } from '../../export/live-run-from-record';
import { isRunActive, useAppStore } from '../../store/app-store';
import type { LiveRun } from '../../store/live-run';
import type { KeptRun } from '../kept/kept-run';
import { useRunsStore } from '../kept/runs-store';

/** Milliseconds between generations; null shows every generation at once. */
export type Pace = number | null;
export const PACES: readonly { value: Pace; label: string }[] = [
  { value: 500, label: 'fast (2 a second)' },
  { value: 1500, label: 'steady (one every 1.5 s)' },
  { value: 4000, label: 'slow (one every 4 s)' },
  { value: null, label: 'all at once' },
];
export const DEFAULT_PACE: Pace = 1500;

export interface PlaybackState {
  runId: string | null;
  label: string;
  kind: ShownRunKind | null;
  shown: number;
  total: number;
  playing: boolean;
  pace: Pace;
}

export const usePlaybackStore = create<PlaybackState>()(() => ({
  runId: null,
  label: '',
  kind: null,
  shown: 0,
  total: 0,
  playing: false,
  pace: DEFAULT_PACE,
}));

const KIND: Record<KeptRun['origin'], ShownRunKind> = {
  live: 'saved',
  imported: 'imported',
  recorded: 'recorded',
};

/** The first `shown` generations of a kept run, as run.json. */
export function recordPrefix(run: KeptRun, shown: number): Omit<RunRecord, 'theory'> {
  const generations = run.generations.slice(0, shown);
  const all = shown >= run.generations.length;
  const lastShown = generations.at(-1)?.generation ?? -1;
  return {
    version: 1,
    config: run.config,
    vocabulary: [],
    baseline: run.baseline ?? { perplexity: NaN, nllPerChar: NaN },
    generations,
    nStar: run.nStar !== null && run.nStar <= lastShown ? run.nStar : null,
    notices: run.notices,
    status: !all || run.status === 'complete' ? 'complete' : run.status === 'failed' ? 'failed' : 'cancelled',
  };
}

let timer: ReturnType<typeof setTimeout> | null = null;
let playing: KeptRun | null = null;
let lastPut: LiveRun | null = null;

function stopTimer(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

function put(run: KeptRun, shown: number): void {
  // "Recorded: " is already the page's word for where it came from (the notice's prefix).
  const label = usePlaybackStore.getState().label.replace(/^Recorded: /, '');
  lastPut = liveRunFromRecord(recordPrefix(run, shown), label, {
    kind: KIND[run.origin],
    realSamples: run.realSamples,
  });
  useAppStore.setState((s) => ({ run: lastPut as LiveRun, ui: { ...s.ui, selectedGeneration: null } }));
  usePlaybackStore.setState({ shown });
}

function schedule(): void {
  stopTimer();
  const { pace, shown, total } = usePlaybackStore.getState();
  if (!playing || pace === null || shown >= total) {
    usePlaybackStore.setState({ playing: false });
    return;
  }
  timer = setTimeout(() => {
    timer = null;
    // Something else took the screen (a new run, an import, a reset): playback ends quietly.
    if (!playing || useAppStore.getState().run !== lastPut) {
      endPlayback();
      return;
    }
    put(playing, usePlaybackStore.getState().shown + 1);
    schedule();
  }, pace);
}

/** Shows `run` on screen; with a pace, its generations appear one by one. False if refused. */
export function showKeptRun(run: KeptRun, pace: Pace = null): boolean {
  const app = useAppStore.getState();
  if (isRunActive(app.run)) {
    app.say(
      `"${run.label}" was not shown: a run is going. Stop it first, or overlay the run on its charts instead.`,
    );
    return false;
  }
  if (run.generations.length === 0) {
    app.say(`"${run.label}" has no finished generation to show.`);
    return false;
  }
  stopTimer();
  playing = run;
  const kind = KIND[run.origin];
  usePlaybackStore.setState({
    runId: run.id,
    label: run.label,
    kind,
    total: run.generations.length,
    playing: pace !== null,
    pace,
  });
  useRunsStore.getState().dispatch({ type: 'on-screen', id: run.id });
  put(run, pace === null ? run.generations.length : 1);
  schedule();
  return true;
}

export function pausePlayback(): void {
  stopTimer();
  usePlaybackStore.setState({ playing: false });
}

export function resumePlayback(): void {
  if (!playing || useAppStore.getState().run !== lastPut) return;
  const { shown, total, pace } = usePlaybackStore.getState();
  if (shown >= total) return;
  usePlaybackStore.setState({ playing: true, pace: pace ?? DEFAULT_PACE });
  schedule();
}

/** One more generation now, then paused (as the run bar's step is for a live run). */
export function stepPlayback(): void {
  if (!playing || useAppStore.getState().run !== lastPut) return;
  stopTimer();
  const { shown, total } = usePlaybackStore.getState();
  if (shown < total) put(playing, shown + 1);
  usePlaybackStore.setState({ playing: false });
}

export function setPace(pace: Pace): void {
  usePlaybackStore.setState({ pace });
  if (pace === null) showAllNow();
  else if (usePlaybackStore.getState().playing) schedule();
}

/** Every generation at once (ends the playback). */
export function showAllNow(): void {
  if (!playing || useAppStore.getState().run !== lastPut) return;
  stopTimer();
  put(playing, playing.generations.length);
  usePlaybackStore.setState({ playing: false });
}

function endPlayback(): void {
  stopTimer();
  playing = null;
  usePlaybackStore.setState({ runId: null, kind: null, playing: false, shown: 0, total: 0 });
}

/** True while the run on screen is the one this module put there. */
export const isPlaybackOnScreen = (run: LiveRun) => lastPut !== null && run === lastPut;
