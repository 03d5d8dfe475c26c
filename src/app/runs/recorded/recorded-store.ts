/**
 * The recorded runs the page ships with: the manifest, loaded once, and "watch": fetch one run,
 * keep it in the runs list (labelled recorded) and play it back or overlay it.
 */
import { create } from 'zustand';
import { useAppStore } from '../../store/app-store';
import type { KeptRun } from '../kept/kept-run';
import { fetchRecordedManifest, fetchRecordedRun, type RecordedEntry } from './recorded-manifest';
import { freeStyleIndex } from '../kept/runs-reducer';
import { useRunsStore } from '../kept/runs-store';
import { showKeptRun, type Pace } from '../playback/show-run';

export interface RecordedState {
  entries: RecordedEntry[] | null;
  problem: string | null;
}

export const useRecordedStore = create<RecordedState>()(() => ({ entries: null, problem: null }));

let loading: Promise<void> | null = null;

export function loadRecordedManifest(): Promise<void> {
  loading ??= fetchRecordedManifest().then((result) => {
    useRecordedStore.setState(
      result.ok ? { entries: result.value, problem: null } : { entries: [], problem: result.message },
    );
  });
  return loading;
}

export const recordedRunId = (entry: RecordedEntry) => `recorded-${entry.id}`;

/** "Recorded: Seed paper: replace": the word is part of the name, so it shows wherever the name does. */
export const recordedLabel = (entry: RecordedEntry) => `Recorded: ${entry.label}`;

/** The recorded run in the runs list, fetching it the first time. Null (with a message) on failure. */
export async function keepRecordedRun(entry: RecordedEntry): Promise<KeptRun | null> {
  const kept = useRunsStore.getState().runs.find((r) => r.id === recordedRunId(entry));
  if (kept) return kept;
  const result = await fetchRecordedRun(entry);
  if (!result.ok) {
    useAppStore.getState().say(result.message);
    return null;
  }
  const record = result.value;
  const run: KeptRun = {
    id: recordedRunId(entry),
    label: recordedLabel(entry),
    origin: 'recorded',
    status: record.status === 'failed' ? 'failed' : record.status === 'cancelled' ? 'cancelled' : 'complete',
    config: record.config,
    baseline: Number.isFinite(record.baseline.perplexity) ? record.baseline : null,
    generations: record.generations,
    nStar: record.nStar,
    notices: [`produced by: ${entry.command} (${entry.date.slice(0, 10)})`, ...record.notices],
    createdAt: Date.now(),
    pinned: false,
    overlaid: false,
    styleIndex: freeStyleIndex(useRunsStore.getState().runs),
  };
  useRunsStore.getState().dispatch({ type: 'upsert', run });
  return useRunsStore.getState().runs.find((r) => r.id === run.id) ?? run;
}

/** Loads a recorded run and plays it back on screen at `pace` (null: all at once). */
export async function watchRecorded(entry: RecordedEntry, pace: Pace): Promise<void> {
  const run = await keepRecordedRun(entry);
  if (run) showKeptRun(run, pace);
}

/** A recorded pair: `a` on screen, `b` overlaid, at once. */
export async function showRecordedPair(a: RecordedEntry, b: RecordedEntry): Promise<void> {
  const [runA, runB] = [await keepRecordedRun(a), await keepRecordedRun(b)];
  if (!runA || !runB) return;
  if (!showKeptRun(runA, null)) return;
  useRunsStore.getState().dispatch({ type: 'set-overlaid', id: runB.id, overlaid: true });
}
