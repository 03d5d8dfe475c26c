/**
 * The Theory view's own small store (the main simulator's store is another component's): the
 * controls, the run state folded from worker events, and pinned curves kept for comparison.
 */
import { create } from 'zustand';
import type { TheoryRecord } from '../../../engine/record';
import type { TheoryEvent } from '../../../worker/theory-protocol';
import type { ChartMetric } from './chart-metrics';
import { formatPercent } from './log-slider';
import { foldTheoryEvent, INITIAL_RUN_STATE, runStarted, type TheoryRunState } from './run-state';
import { DEFAULT_THEORY_SETTINGS, type TheorySettings } from './theory-settings';

/** A finished run kept on the divergence chart beside the current one. */
export interface PinnedRun {
  id: number;
  label: string;
  record: TheoryRecord;
}

/** More pinned curves than this make the chart unreadable (and Okabe-Ito has few colours left). */
export const MAX_PINS = 4;

export interface TheoryStore {
  settings: TheorySettings;
  metric: ChartMetric;
  logX: boolean;
  run: TheoryRunState;
  pins: PinnedRun[];
  setSettings(patch: Partial<TheorySettings>): void;
  setMetric(metric: ChartMetric): void;
  setLogX(logX: boolean): void;
  /** The debounce is waiting to start a run. */
  markWaiting(): void;
  started(runId: number, settings: TheorySettings, now: number): void;
  receive(event: TheoryEvent, now: number): void;
  pinCurrent(): void;
  unpin(id: number): void;
}

/** "replace, 10%, α = 0": what a pinned curve's legend says. */
export function runLabel(s: TheorySettings): string {
  return `${s.paradigm}, ${formatPercent(s.contribution)}${s.alpha > 0 ? `, α = ${s.alpha}` : ''}`;
}

let nextPinId = 1;

export const useTheoryStore = create<TheoryStore>()((set, get) => ({
  settings: DEFAULT_THEORY_SETTINGS,
  metric: 'tv',
  logX: true,
  run: INITIAL_RUN_STATE,
  pins: [],
  setSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
  setMetric: (metric) => set({ metric }),
  setLogX: (logX) => set({ logX }),
  markWaiting: () => {
    const run = get().run;
    if (run.status !== 'running') set({ run: { ...run, status: 'waiting' } });
  },
  started: (runId, settings, now) => set({ run: runStarted(get().run, runId, settings, now) }),
  receive: (event, now) => {
    const run = get().run;
    const next = foldTheoryEvent(run, event, now);
    if (next !== run) set({ run: next });
  },
  pinCurrent: () => {
    const { run, pins } = get();
    if (!run.record || !run.recordSettings) return;
    const label = runLabel(run.recordSettings);
    if (pins.some((p) => p.record === run.record)) return;
    const pin = { id: nextPinId++, label, record: run.record };
    set({ pins: [...pins, pin].slice(-MAX_PINS) });
  },
  unpin: (id) => set({ pins: get().pins.filter((p) => p.id !== id) }),
}));
