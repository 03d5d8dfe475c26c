/**
 * The transformer's own contamination sweep, recorded with the CLI (`npm run simulate -- --sweep
 * contamination=...`, merged from its parts) and shipped in public/recorded/: reading and checking
 * the file, and the rows its chart and table show. Hours of CPU cannot run in a lesson, so the
 * page shows the recording beside theory mode's live count-model sweep. Failures come back as
 * sentences, never as exceptions.
 */
import { z } from 'zod';

/** Where the recording lives, relative to the page (which may be served from a sub-path). */
export const RECORDED_SWEEP_URL = 'recorded/sweep-transformer-replace.json';

const nullableCount = z.number().nullable();

const outcomeSchema = z.object({
  runs: z.number().int().min(0),
  reached: z.number().int().min(0),
  median: nullableCount,
  p10: nullableCount,
  p90: nullableCount,
  law: nullableCount,
});

/** The part of sweep.json (src/cli/sweep/result.ts) the page reads; other fields are ignored. */
const recordedSweepSchema = z.object({
  format: z.literal('collapse-lab-sweep'),
  version: z.literal(1),
  command: z.string(),
  definition: z.object({
    seeds: z.array(z.number().int()).min(1),
    thresholds: z.object({ ratio: z.number().positive() }),
    points: z
      .array(
        z.object({
          config: z.object({
            generations: z.number().int().min(1),
            paradigm: z.string(),
            corpus: z.object({ source: z.string(), realChars: z.number().int() }),
            model: z.object({ family: z.string(), size: z.string() }),
            training: z.object({ steps: z.number().int(), budgetRule: z.string() }),
          }),
        }),
      )
      .min(1),
  }),
  parts: z.array(z.object({ command: z.string() })).optional(),
  complete: z.literal(true, { message: 'the recording stopped before its last run' }),
  runs: z.array(z.object({ point: z.number().int().min(0), seconds: z.number().min(0) })).min(1),
  summaries: z
    .array(
      z.object({
        point: z.number().int().min(0),
        paradigm: z.string(),
        contamination: z.number().positive(),
        outcomes: z.object({ ratio: outcomeSchema }),
      }),
    )
    .min(1),
  law: z.array(
    z.object({
      paradigm: z.string(),
      threshold: z.string(),
      form: z.string(),
      inverse: z.object({ c: z.number(), logRms: z.number() }).nullable(),
    }),
  ),
});

/** One share lambda: generations until perplexity reached the threshold, over seeds. */
export interface RecordedSweepRow {
  lambda: number;
  median: number | null;
  /** [p10, p90]; null where a quantile falls among runs that never got there. */
  band: [number, number] | null;
  /** c / lambda, fitted across the grid. */
  law: number | null;
  runs: number;
  reached: number;
}

export interface RecordedSweep {
  rows: RecordedSweepRow[];
  /** The commands that wrote it: each part's (a sweep spread over processes), then the merge. */
  commands: string[];
  /** Threshold ratio: perplexity at least this many times generation 0's. */
  ratio: number;
  seeds: number;
  generations: number;
  model: string;
  realChars: number;
  steps: number;
  /** Sum of every run's wall time, seconds: what the recording cost in CPU time. */
  cpuSeconds: number;
  /** The fitted c of T = c / lambda, null when fewer than one grid point crossed. */
  lawC: number | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Checks the recording's text and folds it into the rows the chart and table show. */
export function parseRecordedSweep(text: string): Parsed<RecordedSweep> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The recorded transformer sweep is damaged (not JSON).' };
  }
  const parsed = recordedSweepSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `The recorded transformer sweep is damaged (${issue.path.join('.') || 'file'}: ${issue.message}).`,
    };
  }
  const sweep = parsed.data;
  const fit = sweep.law.find(
    (l) => l.paradigm === 'replace' && l.threshold === 'ratio' && l.form === 'c/lambda',
  );
  const rows = sweep.summaries
    .filter((s) => s.paradigm === 'replace')
    .map((s): RecordedSweepRow => {
      const o = s.outcomes.ratio;
      return {
        lambda: s.contamination,
        median: o.median,
        band: o.p10 === null || o.p90 === null ? null : [o.p10, o.p90],
        law: o.law,
        runs: o.runs,
        reached: o.reached,
      };
    })
    .sort((a, b) => a.lambda - b.lambda);
  if (rows.length === 0)
    return { ok: false, message: 'The recorded transformer sweep has no replace runs to show.' };
  const first = sweep.definition.points[0].config;
  return {
    ok: true,
    value: {
      rows,
      commands: [...(sweep.parts ?? []).map((p) => p.command), sweep.command],
      ratio: sweep.definition.thresholds.ratio,
      seeds: sweep.definition.seeds.length,
      generations: first.generations,
      model: first.model.size,
      realChars: first.corpus.realChars,
      steps: first.training.steps,
      cpuSeconds: sweep.runs.reduce((sum, r) => sum + r.seconds, 0),
      lawC: fit?.inverse?.c ?? null,
    },
  };
}

type FetchText = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** Fetches and checks the recording; a missing file or a network failure is a sentence too. */
export async function fetchRecordedSweep(
  fetchFn: FetchText = (url) => fetch(url),
): Promise<Parsed<RecordedSweep>> {
  try {
    const response = await fetchFn(RECORDED_SWEEP_URL);
    if (!response.ok)
      return {
        ok: false,
        message: `The recorded transformer sweep could not be loaded (HTTP ${response.status}).`,
      };
    return parseRecordedSweep(await response.text());
  } catch {
    return {
      ok: false,
      message: 'The recorded transformer sweep could not be loaded (no connection to the page’s server).',
    };
  }
}
