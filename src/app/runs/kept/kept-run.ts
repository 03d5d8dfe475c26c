/**
 * A run kept in the runs list: everything the charts and the samples view need to draw it again
 * (config, baseline, finished generations with their samples), plus how the list shows it. Plain
 * data, so it goes into IndexedDB as it is (structured clone keeps NaN, which JSON would not).
 * The list's words for it are here too: pure, tested with the reducer.
 */
import type { SimulationConfig } from '../../../engine/config/schema';
import type { GenerationReport } from '../../../engine/record';

/** Where a kept run came from: run here, imported from a file, or shipped with the page. */
export type RunOrigin = 'live' | 'imported' | 'recorded';

/** The list's words for a run's state. */
export type KeptRunStatus =
  'running' | 'paused' | 'complete' | 'stopped' | 'cancelled' | 'failed' | 'interrupted';

export interface KeptRun {
  id: string;
  label: string;
  origin: RunOrigin;
  status: KeptRunStatus;
  config: SimulationConfig;
  baseline: { perplexity: number; nllPerChar: number } | null;
  generations: GenerationReport[];
  nStar: number | null;
  notices: string[];
  /** A few real documents (live runs only), shown beside the model's samples. */
  realSamples?: string[];
  /** Date.now() when it entered the list: the oldest unpinned run is dropped first. */
  createdAt: number;
  pinned: boolean;
  /** Drawn over the charts of the run on screen. */
  overlaid: boolean;
  /** Palette slot (colour and dash), fixed for the run's life so its lines never change colour. */
  styleIndex: number;
  /**
   * The latest resumable state of a live run, stored as it comes (opaque here): reserved for
   * "an interrupted run resumes after reload", which reads it back.
   */
  checkpoint?: unknown;
}

/** Final held-out perplexity, or null before generation 0 finishes. */
export function finalPerplexity(run: Pick<KeptRun, 'generations'>): number | null {
  const p = run.generations.at(-1)?.perplexity;
  return p !== undefined && Number.isFinite(p) ? p : null;
}

export const ORIGIN_WORDS: Record<KeptRun['origin'], string> = {
  live: 'run here',
  imported: 'imported',
  recorded: 'recorded',
};

/** "8 generations, final perplexity 12.3" / "no finished generation yet". */
export function runFacts(run: KeptRun): string {
  const n = run.generations.length;
  if (n === 0) return 'no finished generation yet';
  const p = finalPerplexity(run);
  return `${n} generation${n === 1 ? '' : 's'}${p === null ? '' : `, final perplexity ${p.toFixed(p < 100 ? 2 : 1)}`}`;
}
