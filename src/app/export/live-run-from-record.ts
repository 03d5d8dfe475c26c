/**
 * A run.json as the run on screen: a finished LiveRun the charts and the samples read like any
 * other. Pure. The label ("imported from run.json") rides as the first notice, since LiveRun has
 * no field for it; importedLabel() reads it back, and a new run (start-requested resets the
 * LiveRun) drops it.
 */
import type { RunRecord } from '../../engine/loop/report';
import { IDLE_RUN, type LiveRun } from '../store/live-run';

const IMPORTED_PREFIX = 'imported from ';

export function liveRunFromRecord(record: Omit<RunRecord, 'theory'>, label: string): LiveRun {
  const last = record.generations.at(-1);
  return {
    ...IDLE_RUN,
    status: record.status,
    config: record.config,
    vocabularySize: record.vocabulary.length,
    realChars: record.config.corpus.realChars,
    heldOutChars: record.config.corpus.heldOutChars,
    // run.json keeps no real documents; the samples view then shows no real continuation.
    realSamples: [],
    baseline: Number.isFinite(record.baseline.perplexity) ? record.baseline : null,
    generations: record.generations,
    nStar: record.nStar,
    current: { ...IDLE_RUN.current, generation: last?.generation ?? 0 },
    notices: [`${IMPORTED_PREFIX}${label}`, ...record.notices],
    error: record.error ?? null,
  };
}

/** "imported from run.json" for a run made by liveRunFromRecord, else null. */
export function importedLabel(run: LiveRun): string | null {
  const first = run.notices[0];
  return run.status !== 'idle' && run.startedAt === null && first?.startsWith(IMPORTED_PREFIX) ? first : null;
}
