/**
 * The runs list's store (zustand, separate from the app store): the reducer's state, plus the
 * storage line. dispatch() applies an action and writes what it changed to IndexedDB in the
 * background; storage failures become a message in the panel, never an exception.
 */
import { create } from 'zustand';
import { useAppStore } from '../../store/app-store';
import type { KeptRun } from './kept-run';
import { EMPTY_RUNS, MAX_KEPT_RUNS, reduceRuns, type RunsAction, type RunsState } from './runs-reducer';
import {
  clearStoredRuns,
  deleteStoredRun,
  loadStoredRuns,
  storeRun,
  type StorageResult,
} from './runs-storage';

export interface RunsStore extends RunsState {
  /** Why saving does not work, or null. */
  storageProblem: string | null;
  dispatch(action: RunsAction): void;
}

export const useRunsStore = create<RunsStore>()((set, get) => ({
  ...EMPTY_RUNS,
  storageProblem: null,
  dispatch(action) {
    const before = get();
    const { state, dropped } = reduceRuns({ runs: before.runs, onScreenId: before.onScreenId }, action);
    set(state);
    for (const run of dropped) {
      useAppStore
        .getState()
        .say(
          `The runs list keeps ${MAX_KEPT_RUNS} runs: "${run.label}" was removed to make room (recorded runs go first, then the oldest). Pin a run to keep it.`,
        );
    }
    persist(action, before.runs, state.runs, dropped);
  },
}));

function report(result: StorageResult<unknown>): void {
  const problem = result.ok ? null : result.message;
  if (useRunsStore.getState().storageProblem !== problem) useRunsStore.setState({ storageProblem: problem });
}

/** Writes the runs an action changed (by identity), deletes removed and dropped ones. */
function persist(
  action: RunsAction,
  before: readonly KeptRun[],
  after: readonly KeptRun[],
  dropped: readonly KeptRun[],
): void {
  if (action.type === 'on-screen' || action.type === 'loaded') {
    for (const run of dropped) void deleteStoredRun(run.id).then(report);
    return;
  }
  if (action.type === 'clear') {
    void clearStoredRuns().then(report);
    return;
  }
  const old = new Set(before);
  for (const run of after) if (!old.has(run)) void storeRun(run).then(report);
  const kept = new Set(after.map((r) => r.id));
  for (const run of before) if (!kept.has(run.id)) void deleteStoredRun(run.id).then(report);
}

/** A run that was going when the page closed cannot go on by itself: it is listed as interrupted. */
const afterReload = (run: KeptRun): KeptRun =>
  run.status === 'running' || run.status === 'paused' ? { ...run, status: 'interrupted' } : run;

/** Reads the saved runs into the list (once, at start-up). */
export async function loadSavedRuns(): Promise<void> {
  const result = await loadStoredRuns();
  report(result);
  if (result.ok) useRunsStore.getState().dispatch({ type: 'loaded', runs: result.value.map(afterReload) });
}

/** "Forget all saved runs": empties the list and the database. */
export function forgetAllRuns(): void {
  useRunsStore.getState().dispatch({ type: 'clear' });
  useAppStore.getState().say('All saved runs are forgotten. The run on screen stays until you reset it.');
}
