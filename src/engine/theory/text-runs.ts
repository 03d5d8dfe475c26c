/**
 * Theory mode for n-gram orders >= 1: the count model has no closed-form recursion over
 * contexts here, so R runs of the ordinary generation loop over text (runSimulation) are run,
 * one after the other, with seeds seed .. seed + R - 1, and every numeric column of their
 * reports is summarised as median / p10 / p90 per generation. Much slower than the unigram
 * chain: fine for tens of generations, not for thousands.
 */
import type { SimulationConfig } from '../config/schema';
import { generatedCharsPerGeneration } from '../corpus/paradigms';
import { LoopControl } from '../loop/control/loop-control';
import { reportToRow, type Band, type FormulaCurve, type RunRecord, type TextTheory } from '../record';
import { RunRecorder } from '../loop/recorder';
import { runSimulation } from '../loop/run';
import { bandOf } from './bands';

export interface TextRunsOptions {
  userDocuments?: readonly string[];
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Each finished run's ordinary run.json record (the CLI keeps the first seed's). */
  onTextRun?(runIndex: number, record: RunRecord): void;
}

export interface TextRunsResult {
  text: TextTheory;
  runs: number;
  cancelled: boolean;
  /** N0 of the first run, in characters, for the real-share formula. */
  realChars: number;
}

/** Columns that are bookkeeping, not a measurement. */
const SKIPPED_COLUMNS = new Set(['generation', 'duration_ms']);

export const seedOfRun = (seed: number, run: number) => (seed + run) % 2 ** 31;

export async function runTextLoops(
  config: SimulationConfig,
  options: TextRunsOptions = {},
): Promise<TextRunsResult> {
  const runs = config.runs;
  const generations = config.generations;
  const records: RunRecord[] = [];
  let realChars = 0;
  let cancelled = false;
  for (let r = 0; r < runs && !cancelled; r++) {
    const control = new LoopControl();
    const stop = () => control.cancel();
    options.signal?.addEventListener('abort', stop);
    if (options.signal?.aborted) control.cancel();
    const seed = seedOfRun(config.seed, r);
    const recorder = new RunRecorder({ ...config, seed, runs: 1 });
    try {
      for await (const event of runSimulation(recorder.record.config, {
        userDocuments: options.userDocuments,
        control,
      })) {
        recorder.observe(event);
        if (event.type === 'runStarted' && r === 0) realChars = event.realChars;
        if (event.type === 'generationDone')
          options.onProgress?.(r * generations + event.report.generation + 1, runs * generations);
      }
    } finally {
      options.signal?.removeEventListener('abort', stop);
    }
    const record = recorder.record;
    if (record.status === 'failed')
      throw new Error(`run ${r + 1} of ${runs} (seed ${seed}) failed: ${record.error}`);
    if (record.status === 'cancelled') cancelled = true;
    else {
      records.push(record);
      options.onTextRun?.(r, record);
    }
  }
  if (records.length === 0) throw new Error('cancelled before the first run finished');
  return { text: textBands(records, generations), runs: records.length, cancelled, realChars };
}

/** Bands of every numeric metrics.csv column over finished runs (all of them have every generation). */
export function textBands(records: readonly RunRecord[], generations: number): TextTheory {
  const runs = records.length;
  const rows = records.map((rec) => rec.generations.map(reportToRow));
  const columns = Object.keys(rows[0][0] ?? {}).filter((c) => !SKIPPED_COLUMNS.has(c));
  const bands: Record<string, Band> = {};
  for (const column of columns) {
    const values = new Float64Array(generations * runs);
    let any = false;
    for (let r = 0; r < runs; r++) {
      for (let g = 0; g < generations; g++) {
        const v = rows[r][g]?.[column];
        const x = typeof v === 'number' ? v : NaN; // null (e.g. no exact KL) counts as missing
        if (Number.isFinite(x)) any = true;
        values[g * runs + r] = x;
      }
    }
    if (any) bands[column] = bandOf(values, generations, runs);
  }
  return {
    seeds: records.map((rec) => rec.config.seed),
    baselinePerplexity: records.map((rec) => rec.baseline.perplexity),
    nStar: records.map((rec) => rec.nStar),
    finalPerplexity: records.map((rec) => rec.generations[rec.generations.length - 1]?.perplexity ?? NaN),
    bands,
  };
}

/**
 * Real share of the text corpus at generation n (before its model trains, after n write-backs),
 * in characters as the text loop counts them. Documents move whole, so the measured share
 * follows it to within about one document's share.
 */
export function textRealShareCurve(
  config: SimulationConfig,
  realChars: number,
  recorded: readonly number[],
): FormulaCurve {
  const n0 = realChars;
  const m = generatedCharsPerGeneration(config, realChars);
  switch (config.paradigm) {
    case 'replace': {
      const lambda = Math.min(1, m / n0);
      return {
        formula: '(1 - lambda)^n, lambda = m / N0 (the corpus; its training sets also hold realKept of D0)',
        values: recorded.map((n) => (1 - lambda) ** n),
      };
    }
    case 'accumulate':
    case 'accumulate-subsample':
      return { formula: 'N0 / (N0 + n m)', values: recorded.map((n) => n0 / (n0 + n * m)) };
    case 'fresh-data': {
      const k = config.freshShare * n0;
      return {
        formula:
          '(N0 + n k) / (N0 + n (k + m)): the text corpus keeps everything and gains k fresh real characters',
        values: recorded.map((n) => (n0 + n * k) / (n0 + n * (k + m))),
      };
    }
  }
}
