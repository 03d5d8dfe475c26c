/**
 * The contamination sweep's state: its controls, which threshold the chart shows, and the run
 * folded from worker events. The last finished sweep stays on screen while the next computes.
 */
import { create } from 'zustand';
import type { ContaminationSweep } from '../../../engine/theory/contamination-sweep';
import type { SweepRequest } from './sweep-job';
import type { SweepEvent } from './sweep-protocol';
import { DEFAULT_SWEEP_PARAMS, type SweepParams } from './sweep-settings';

export type SweepThreshold = 'tv' | 'realShare';

export interface SweepRunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  id: number | null;
  done: number;
  total: number;
  startedAt: number | null;
  elapsedMs: number | null;
  sweep: ContaminationSweep | null;
  /** What the shown sweep was asked with. */
  request: SweepRequest | null;
  /** What the sweep in progress was asked with. */
  pending: SweepRequest | null;
  error: string | null;
}

export const INITIAL_SWEEP_RUN: SweepRunState = {
  status: 'idle',
  id: null,
  done: 0,
  total: 0,
  startedAt: null,
  elapsedMs: null,
  sweep: null,
  request: null,
  pending: null,
  error: null,
};

export function sweepStarted(
  state: SweepRunState,
  id: number,
  request: SweepRequest,
  now: number,
): SweepRunState {
  return {
    ...state,
    status: 'running',
    id,
    done: 0,
    total: 0,
    startedAt: now,
    pending: request,
    error: null,
  };
}

export function sweepCancelled(state: SweepRunState): SweepRunState {
  return state.status === 'running' ? { ...state, status: 'cancelled', id: null, pending: null } : state;
}

/** Folds one worker event; events of another sweep than the current one change nothing. */
export function foldSweepEvent(state: SweepRunState, event: SweepEvent, now: number): SweepRunState {
  if (event.id !== null && event.id !== state.id) return state;
  switch (event.type) {
    case 'progress':
      return { ...state, done: event.done, total: event.total };
    case 'result':
      return {
        ...state,
        status: 'done',
        id: null,
        sweep: event.sweep,
        request: state.pending,
        pending: null,
        elapsedMs: state.startedAt === null ? null : now - state.startedAt,
      };
    case 'error':
      return { ...state, status: 'error', id: null, pending: null, error: event.message };
  }
}

/** The aria-live line under the sweep's controls. */
export function sweepStatusText(state: SweepRunState): string {
  switch (state.status) {
    case 'idle':
      return 'Not run yet: press Run the sweep.';
    case 'running':
      return state.total > 0
        ? `Sweeping: ${state.done.toLocaleString('en')} of ${state.total.toLocaleString('en')} runs.`
        : 'Sweeping: preparing the corpus.';
    case 'cancelled':
      return 'Sweep cancelled.';
    case 'error':
      return `The sweep failed: ${state.error ?? 'unknown error'}`;
    case 'done': {
      const s = state.sweep;
      if (!s) return 'Done.';
      const secs = state.elapsedMs === null ? '' : ` in ${(state.elapsedMs / 1000).toFixed(1)} s`;
      return `Done: ${s.replace.length} contamination levels × ${s.runs} runs × 2 ways of writing back${secs}.`;
    }
  }
}

export interface SweepStore {
  params: SweepParams;
  threshold: SweepThreshold;
  run: SweepRunState;
  setParams(patch: Partial<SweepParams>): void;
  setThreshold(threshold: SweepThreshold): void;
  started(id: number, request: SweepRequest, now: number): void;
  cancelled(): void;
  receive(event: SweepEvent, now: number): void;
}

export const useSweepStore = create<SweepStore>()((set, get) => ({
  params: DEFAULT_SWEEP_PARAMS,
  threshold: 'tv',
  run: INITIAL_SWEEP_RUN,
  setParams: (patch) => set({ params: { ...get().params, ...patch } }),
  setThreshold: (threshold) => set({ threshold }),
  started: (id, request, now) => set({ run: sweepStarted(get().run, id, request, now) }),
  cancelled: () => set({ run: sweepCancelled(get().run) }),
  receive: (event, now) => {
    const run = get().run;
    const next = foldSweepEvent(run, event, now);
    if (next !== run) set({ run: next });
  },
}));
