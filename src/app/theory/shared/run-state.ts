/**
 * The Theory view's run state and the pure fold of worker events into it (tested in Node).
 * The last finished record stays on screen while the next run computes, so moving the slider
 * never blanks the charts.
 */
import type { TheoryRecord } from '../../../engine/record';
import type { TheoryEvent } from '../../../worker/theory-protocol';
import type { TheorySettings } from './theory-settings';

export interface TheoryRunState {
  /** waiting: settings changed, the debounce has not fired yet. */
  status: 'idle' | 'waiting' | 'running' | 'done' | 'error';
  runId: number | null;
  done: number;
  total: number;
  startedAt: number | null;
  /** Wall time of the last finished run, page-side (worker start-up and transfer included). */
  elapsedMs: number | null;
  record: TheoryRecord | null;
  /** The settings `record` was computed with (the controls may already show others). */
  recordSettings: TheorySettings | null;
  /** Settings of the run in progress. */
  runningSettings: TheorySettings | null;
  error: string | null;
}

export const INITIAL_RUN_STATE: TheoryRunState = {
  status: 'idle',
  runId: null,
  done: 0,
  total: 0,
  startedAt: null,
  elapsedMs: null,
  record: null,
  recordSettings: null,
  runningSettings: null,
  error: null,
};

export function runStarted(
  state: TheoryRunState,
  runId: number,
  settings: TheorySettings,
  now: number,
): TheoryRunState {
  return {
    ...state,
    status: 'running',
    runId,
    done: 0,
    total: settings.runs * settings.generations,
    startedAt: now,
    runningSettings: settings,
    error: null,
  };
}

/** Folds one worker event; events of another run than the current one change nothing. */
export function foldTheoryEvent(state: TheoryRunState, event: TheoryEvent, now: number): TheoryRunState {
  if (event.runId !== null && event.runId !== state.runId) return state;
  switch (event.type) {
    case 'progress':
      return { ...state, done: event.done, total: event.total };
    case 'result':
      return {
        ...state,
        status: 'done',
        done: state.total,
        record: event.record,
        recordSettings: state.runningSettings,
        runningSettings: null,
        elapsedMs: state.startedAt === null ? null : now - state.startedAt,
        error: null,
      };
    case 'error':
      return { ...state, status: 'error', runningSettings: null, error: event.message };
  }
}

/** "Simulating: 42% (210,000 of 500,000 generations)" and the like, for the aria-live line. */
export function progressText(state: TheoryRunState): string {
  switch (state.status) {
    case 'idle':
      return 'Not run yet.';
    case 'waiting':
      return 'Settings changed: a new run starts in a moment.';
    case 'running': {
      const pct = state.total > 0 ? Math.floor((100 * state.done) / state.total) : 0;
      return `Simulating: ${pct}% (${state.done.toLocaleString('en')} of ${state.total.toLocaleString('en')} generations over all runs).`;
    }
    case 'done': {
      const r = state.record;
      if (!r) return 'Done.';
      const secs = state.elapsedMs === null ? r.seconds : state.elapsedMs / 1000;
      return `Done: ${r.runs} runs × ${r.generations.toLocaleString('en')} generations in ${secs.toFixed(1)} s.`;
    }
    case 'error':
      return `The run failed: ${state.error ?? 'unknown error'}`;
  }
}
