/**
 * The runs list as a pure reducer, so every rule (the cap, which run is dropped, pins, renames,
 * overlays) is tested in Node. The store (runs-store.ts) applies it; persistence writes what changed.
 */
import type { KeptRun } from './kept-run';

/** Runs kept at most; past it an unpinned run (recorded first, then the oldest; never the one on screen) is dropped. */
export const MAX_KEPT_RUNS = 8;
/** Longest run name the list accepts. */
export const MAX_LABEL_LENGTH = 80;

export interface RunsState {
  /** Oldest first. */
  runs: KeptRun[];
  /** The run the charts show as the main run (null: none of the kept ones). */
  onScreenId: string | null;
}

export const EMPTY_RUNS: RunsState = { runs: [], onScreenId: null };

export type RunsAction =
  | { type: 'loaded'; runs: KeptRun[] }
  /** Adds a run, or replaces the kept run with the same id (a live run as it grows). */
  | { type: 'upsert'; run: KeptRun }
  | { type: 'rename'; id: string; label: string }
  | { type: 'remove'; id: string }
  | { type: 'set-pinned'; id: string; pinned: boolean }
  | { type: 'set-overlaid'; id: string; overlaid: boolean }
  | { type: 'on-screen'; id: string | null }
  | { type: 'clear' };

export interface RunsResult {
  state: RunsState;
  /** Runs the action pushed out of the list (the cap), for a notice and for storage. */
  dropped: KeptRun[];
}

const update = (state: RunsState, id: string, patch: (run: KeptRun) => KeptRun): RunsState => ({
  ...state,
  runs: state.runs.map((r) => (r.id === id ? patch(r) : r)),
});

/** The lowest palette slot no kept run uses, so overlaid runs never share a colour while slots last. */
export function freeStyleIndex(runs: readonly KeptRun[]): number {
  const used = new Set(runs.map((r) => r.styleIndex));
  let i = 0;
  while (used.has(i)) i++;
  return i;
}

/**
 * Which run goes first when the list is full: recorded runs (the page can fetch them again at
 * any time), then the oldest.
 */
const dropOrder = (a: KeptRun, b: KeptRun) =>
  Number(b.origin === 'recorded') - Number(a.origin === 'recorded') || a.createdAt - b.createdAt;

/** Drops unpinned runs (never `keepId` or the one on screen) until at most `max` remain. */
function enforceCap(state: RunsState, keepId: string | null, max: number): RunsResult {
  const dropped: KeptRun[] = [];
  let runs = state.runs;
  while (runs.length > max) {
    const victim = [...runs]
      .sort(dropOrder)
      .find((r) => !r.pinned && r.id !== keepId && r.id !== state.onScreenId);
    if (!victim) break; // everything is pinned: keep them all rather than drop a pinned run
    dropped.push(victim);
    runs = runs.filter((r) => r !== victim);
  }
  return { state: { ...state, runs }, dropped };
}

export function reduceRuns(state: RunsState, action: RunsAction, max = MAX_KEPT_RUNS): RunsResult {
  switch (action.type) {
    case 'loaded': {
      // Runs already in the list this session win over stored copies of the same id.
      const known = new Set(state.runs.map((r) => r.id));
      const merged = [...action.runs.filter((r) => !known.has(r.id)), ...state.runs].sort(
        (a, b) => a.createdAt - b.createdAt,
      );
      return enforceCap({ ...state, runs: merged }, null, max);
    }
    case 'upsert': {
      const existing = state.runs.find((r) => r.id === action.run.id);
      if (existing) {
        // The list's own choices (name, pin, overlay, colour) survive the run's updates.
        const run = {
          ...action.run,
          label: existing.label,
          pinned: existing.pinned,
          overlaid: existing.overlaid,
          styleIndex: existing.styleIndex,
          createdAt: existing.createdAt,
        };
        return { state: update(state, run.id, () => run), dropped: [] };
      }
      return enforceCap({ ...state, runs: [...state.runs, action.run] }, action.run.id, max);
    }
    case 'rename': {
      const label = action.label.trim().slice(0, MAX_LABEL_LENGTH);
      if (label === '') return { state, dropped: [] };
      return { state: update(state, action.id, (r) => ({ ...r, label })), dropped: [] };
    }
    case 'remove':
      return {
        state: {
          runs: state.runs.filter((r) => r.id !== action.id),
          onScreenId: state.onScreenId === action.id ? null : state.onScreenId,
        },
        dropped: [],
      };
    case 'set-pinned':
      return { state: update(state, action.id, (r) => ({ ...r, pinned: action.pinned })), dropped: [] };
    case 'set-overlaid':
      return { state: update(state, action.id, (r) => ({ ...r, overlaid: action.overlaid })), dropped: [] };
    case 'on-screen':
      return { state: { ...state, onScreenId: action.id }, dropped: [] };
    case 'clear':
      return { state: EMPTY_RUNS, dropped: [] };
  }
}

/** Runs drawn over the charts: overlaid ones, except the run already on screen. */
export function overlaidRuns(state: RunsState): KeptRun[] {
  return state.runs.filter((r) => r.overlaid && r.id !== state.onScreenId && r.generations.length > 0);
}
