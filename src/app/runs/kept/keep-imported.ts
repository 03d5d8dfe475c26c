/** An imported run.json enters the runs list (labelled imported) as the run on screen. */
import type { ImportedRunRecord } from '../../../engine/record';
import type { KeptRun } from './kept-run';
import { newRunId } from './live-capture';
import { freeStyleIndex } from './runs-reducer';
import { useRunsStore } from './runs-store';

export function keptFromImport(
  record: ImportedRunRecord,
  fileName: string,
  id: string,
  createdAt: number,
  styleIndex: number,
): KeptRun {
  return {
    id,
    label: fileName,
    origin: 'imported',
    status: record.status,
    config: record.config,
    baseline: Number.isFinite(record.baseline.perplexity) ? record.baseline : null,
    generations: record.generations,
    nStar: record.nStar,
    notices: record.notices,
    createdAt,
    pinned: false,
    overlaid: false,
    styleIndex,
  };
}

export function keepImportedRun(record: ImportedRunRecord, fileName: string): void {
  const store = useRunsStore.getState();
  const run = keptFromImport(record, fileName, newRunId('imported'), Date.now(), freeStyleIndex(store.runs));
  store.dispatch({ type: 'upsert', run });
  store.dispatch({ type: 'on-screen', id: run.id });
}
