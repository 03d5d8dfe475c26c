/**
 * The run on screen as run.json (the CLI's format, src/engine/record) and metrics.csv. LiveRun holds all
 * of it but two things: the vocabulary (the page keeps only its size) is written as [] as
 * RunRecorder starts it, and an unfinished run (stopped, paused or still running) is recorded as
 * 'cancelled', run.json's word for "ended before all generations", with a notice saying which.
 */
import Papa from 'papaparse';
import type { SimulationConfig } from '../../engine/config/schema';
import { runToRows, type RunRecord } from '../../engine/record';
import type { LiveRun } from '../store/live-run';
import { shownRunLabel } from './live-run-from-record';

function recordStatus(run: LiveRun): { status: RunRecord['status']; notice: string | null } {
  switch (run.status) {
    case 'complete':
      return { status: 'complete', notice: null };
    case 'failed':
      return { status: 'failed', notice: null };
    case 'cancelled':
      return { status: 'cancelled', notice: null };
    default:
      return {
        status: 'cancelled',
        notice: `exported while the run was ${run.status}, after ${run.generations.length} finished generation(s)`,
      };
  }
}

/** `fallbackConfig`: the settings, for a run that never reported its own config. */
export function recordFromLiveRun(run: LiveRun, fallbackConfig: SimulationConfig): RunRecord {
  const { status, notice } = recordStatus(run);
  // An imported, recorded or saved run's label is the page's, not the run's: re-exporting writes
  // the file as it came.
  const notices = shownRunLabel(run) ? run.notices.slice(1) : run.notices;
  const record: RunRecord = {
    version: 1,
    config: run.config ?? fallbackConfig,
    vocabulary: [],
    baseline: run.baseline ?? { perplexity: NaN, nllPerChar: NaN },
    generations: run.generations,
    nStar: run.nStar,
    notices: notice ? [...notices, notice] : notices,
    status,
  };
  if (run.error !== null) record.error = run.error;
  return record;
}

/** metrics.csv exactly as the CLI writes it (src/cli/simulate.ts): one row per generation. */
export const metricsCsvText = (record: RunRecord): string => `${Papa.unparse(runToRows(record))}\n`;
