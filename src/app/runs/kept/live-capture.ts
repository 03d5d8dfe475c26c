/**
 * Keeps the runs list in step with the run on screen: a live run enters the list when it starts
 * and is updated as each generation finishes (so its finished generations are saved as they
 * arrive), and its status follows it to the end. Cheap per store change: only a new generations
 * array, status or config is work.
 */
import { findPreset } from '../../../engine/config/presets';
import { useAppStore } from '../../store/app-store';
import type { LiveRun } from '../../store/live-run';
import type { KeptRun, KeptRunStatus } from './kept-run';
import { freeStyleIndex } from './runs-reducer';
import { useRunsStore } from './runs-store';

const STATUS: Record<LiveRun['status'], KeptRunStatus | null> = {
  idle: null,
  starting: 'running',
  running: 'running',
  paused: 'paused',
  complete: 'complete',
  cancelled: 'cancelled',
  stopped: 'stopped',
  failed: 'failed',
};

export const newRunId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function presetLabel(presetId: string | null): string {
  if (presetId === null) return 'Custom settings';
  try {
    return findPreset(presetId).label;
  } catch {
    return 'Custom settings';
  }
}

/** "Seed paper: replace, 14:05": what it ran and when, until the user renames it. */
export function liveRunLabel(presetId: string | null, at: Date): string {
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${presetLabel(presetId)}, ${time}`;
}

/** The kept-run fields a live run supplies (the list's own fields are set on first entry). */
export function keptFromLive(
  run: LiveRun,
  base: Pick<KeptRun, 'id' | 'label' | 'origin' | 'createdAt' | 'styleIndex'>,
): KeptRun | null {
  const status = STATUS[run.status];
  if (status === null || run.config === null) return null;
  return {
    ...base,
    status,
    config: run.config,
    baseline: run.baseline,
    generations: run.generations,
    nStar: run.nStar,
    notices: run.notices,
    realSamples: run.realSamples,
    // Stored with the generations it follows, so an interrupted run can resume after a reload.
    ...(run.checkpoint ? { checkpoint: run.checkpoint } : {}),
    pinned: false,
    overlaid: false,
  };
}

let liveId: string | null = null;
let liveStartedAt: number | null = null;
let seen: { generations: unknown; status: unknown; config: unknown; checkpoint: unknown } | null = null;
/** A kept run whose resumed continuation is the next live run: it keeps that run's place in the list. */
let adopt: string | null = null;

/** The next live run to start continues the kept run `id` (its list entry, name and colour). */
export function continueInNextLiveRun(id: string): void {
  adopt = id;
}

function observe(run: LiveRun): void {
  const runs = useRunsStore.getState();
  if (run.startedAt === null) {
    // Reset, or a run put on screen from a file or the list: the live run is no longer on screen.
    if (run.status === 'idle' && runs.onScreenId !== null) runs.dispatch({ type: 'on-screen', id: null });
    liveStartedAt = null;
    return;
  }
  if (run.startedAt !== liveStartedAt) {
    liveStartedAt = run.startedAt;
    liveId = adopt ?? newRunId('live');
    adopt = null;
    seen = null;
    runs.dispatch({ type: 'on-screen', id: liveId });
  }
  if (
    seen &&
    seen.generations === run.generations &&
    seen.status === run.status &&
    seen.config === run.config &&
    seen.checkpoint === run.checkpoint
  )
    return;
  const existing = runs.runs.find((r) => r.id === liveId);
  const removedByUser = seen !== null && !existing;
  seen = { generations: run.generations, status: run.status, config: run.config, checkpoint: run.checkpoint };
  if (removedByUser) return; // removed from the list while running: it stays out
  const { presetId } = useAppStore.getState();
  const kept = keptFromLive(run, {
    id: liveId as string,
    label: existing?.label ?? liveRunLabel(presetId, new Date()),
    origin: 'live',
    createdAt: existing?.createdAt ?? Date.now(),
    styleIndex: existing?.styleIndex ?? freeStyleIndex(runs.runs),
  });
  if (kept) runs.dispatch({ type: 'upsert', run: kept });
}

let stop: (() => void) | null = null;

/** Starts following the app store (idempotent); returns the unsubscribe. */
export function captureLiveRuns(): () => void {
  if (stop) return stop;
  observe(useAppStore.getState().run);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.run !== previous.run) observe(state.run);
  });
  stop = () => {
    unsubscribe();
    stop = null;
  };
  return stop;
}
