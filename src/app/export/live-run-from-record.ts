/**
 * A run.json as the run on screen: a finished LiveRun the charts and the samples read like any
 * other. Pure. The label ("imported from run.json", "recorded: Seed paper: replace", "saved:
 * ...") rides as the first notice, since LiveRun has no field for it; shownRunLabel() reads it
 * back, and a new run (start-requested resets the LiveRun) drops it.
 */
import type { RunRecord } from '../../engine/record';
import { IDLE_RUN, type LiveRun } from '../store/live-run';

/** Where a run on screen that is not running here came from. */
export type ShownRunKind = 'imported' | 'recorded' | 'saved';

const PREFIX: Record<ShownRunKind, string> = {
  imported: 'imported from ',
  recorded: 'recorded: ',
  saved: 'saved: ',
};

export interface ShownRunExtras {
  kind?: ShownRunKind;
  /** Real documents, when kept (run.json has none): the samples view shows them beside the model's. */
  realSamples?: string[];
}

export function liveRunFromRecord(
  record: Omit<RunRecord, 'theory'>,
  label: string,
  extras: ShownRunExtras = {},
): LiveRun {
  const last = record.generations.at(-1);
  return {
    ...IDLE_RUN,
    status: record.status,
    config: record.config,
    vocabularySize: record.vocabulary.length,
    realChars: record.config.corpus.realChars,
    heldOutChars: record.config.corpus.heldOutChars,
    // run.json keeps no real documents; the samples view then shows no real continuation.
    realSamples: extras.realSamples ?? [],
    baseline: Number.isFinite(record.baseline.perplexity) ? record.baseline : null,
    generations: record.generations,
    nStar: record.nStar,
    current: { ...IDLE_RUN.current, generation: last?.generation ?? 0 },
    notices: [`${PREFIX[extras.kind ?? 'imported']}${label}`, ...record.notices],
    error: record.error ?? null,
  };
}

/**
 * For a run made by liveRunFromRecord: where it came from, its label line ("recorded: Seed paper:
 * replace") and the name alone; else null.
 */
export function shownRunLabel(run: LiveRun): { kind: ShownRunKind; text: string; name: string } | null {
  const first = run.notices[0];
  if (run.status === 'idle' || run.startedAt !== null || first === undefined) return null;
  const kind = (Object.keys(PREFIX) as ShownRunKind[]).find((k) => first.startsWith(PREFIX[k]));
  return kind ? { kind, text: first, name: first.slice(PREFIX[kind].length) } : null;
}

/** "imported from run.json" for a run made by liveRunFromRecord from a file, else null. */
export function importedLabel(run: LiveRun): string | null {
  const shown = shownRunLabel(run);
  return shown?.kind === 'imported' ? shown.text : null;
}
