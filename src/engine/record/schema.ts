/**
 * run.json as a zod schema, for importing a file the CLI or the page wrote. Tolerant of extra
 * fields (a later version may add some; zod drops them) and strict on every field the charts
 * and the samples read. JSON has no NaN or Infinity: JSON.stringify writes them as null (the
 * count model's training loss is NaN), so metric numbers accept null and read it back as NaN,
 * which is what the run had in memory: export then import gives the same generations.
 */
import { z } from 'zod';
import { storedConfigSchema } from '../config/validate';
import type { GenerationReport, RunRecord } from './run-record';

/** The run.json version this page reads and writes (RunRecord['version']). */
export const RUN_RECORD_VERSION = 1;

/** A metric: a number, or null for what was NaN or infinite when written. */
const metric = z
  .number()
  .nullable()
  .transform((v) => v ?? NaN);
const count = z.number().int().min(0);
const byCharOrder = z.object({ 1: metric, 2: metric, 3: metric });
const byDistinctOrder = z.object({ 2: metric, 3: metric, 4: metric });
const bySupportKind = z.object({ chars: metric, bigrams: metric, words: metric });
/** A measurement added after runs were first recorded: absent in an older file, read as NaN (not measured). */
const addedMetric = z
  .number()
  .nullish()
  .transform((v) => v ?? NaN);

const perplexitySpread = z.object({
  documents: count,
  median: metric,
  p90: metric,
  shareAboveError: metric,
  binsPerDecade: z.number().int().positive(),
  counts: z.array(count),
});
const frequencySpectrum = z.object({ counts: z.array(count), types: z.array(count) });
/** A generation's word census (metrics/word-census.ts); a run.json written before it has none. */
const wordCensus = z.object({
  died: z.array(z.string()),
  revived: z.array(z.string()),
  spectrum: frequencySpectrum,
  realSpectrum: frequencySpectrum,
  real: z.object({ words: z.array(z.string()), counts: z.array(count) }).optional(),
});

export const generationReportSchema = z.object({
  generation: count,
  perplexity: metric,
  nllPerChar: metric,
  bitsPerChar: metric,
  exactKl: z.number().nullable(),
  js: byCharOrder,
  kl: byCharOrder,
  tv: byCharOrder,
  entropy: metric,
  entropyBigram: metric,
  collision: metric,
  distinct: byDistinctOrder,
  lostSupport: bySupportKind,
  lostMass: bySupportKind,
  loopShare: metric,
  meanSampleLength: metric,
  capHitShare: metric,
  endedShare: addedMetric,
  realWordShare: addedMetric,
  precision: metric,
  recall: metric,
  sampleCount: count,
  generatedChars: count,
  realShare: metric,
  trainingRealShare: metric,
  corpusChars: count,
  trainingChars: count,
  writtenChars: count,
  generatedBudgetChars: addedMetric,
  writtenDocuments: addedMetric,
  // Before budgets were cut, the last document was always written whole.
  writtenCut: z.boolean().default(false),
  heldOutTokens: addedMetric,
  flooredTokens: z
    .number()
    .nullish()
    .transform((v) => v ?? null),
  filter: z
    .object({
      candidates: count,
      duplicates: count,
      rejected: count,
      judgeNllAll: metric,
      judgeNllKept: metric,
    })
    .nullish()
    .transform((v) => v ?? null),
  classFilter: z
    .object({
      offered: count,
      kept: count,
      discarded: count,
      keptChars: count,
      filledChars: count,
      discardedTexts: z.array(z.string()),
    })
    .optional(),
  provenance: z.array(z.object({ origin: z.union([z.literal('human'), count]), chars: count })),
  extinct: z.object({ chars: count, bigrams: count, words: count }),
  extinctChars: z.array(z.object({ symbol: z.string(), since: count, realCount: count })),
  trainLoss: metric,
  samples: z.array(z.string()),
  promptSamples: z.array(z.object({ prompt: z.string(), continuation: z.string() })),
  sampleNonWords: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? null),
  // Absent in a file written before it was recorded: stays absent (not measured).
  underGenerationZero: z.object({ samples: perplexitySpread, real: perplexitySpread }).nullish(),
  wordCensus: wordCensus.optional(),
  durationMs: metric,
});

export const runRecordSchema = z.object({
  version: z.literal(RUN_RECORD_VERSION),
  config: storedConfigSchema,
  vocabulary: z.array(z.string()),
  baseline: z.object({ perplexity: metric, nllPerChar: metric }),
  generations: z.array(generationReportSchema),
  nStar: count.nullable(),
  notices: z.array(z.string()),
  status: z.enum(['complete', 'cancelled', 'failed']),
  error: z.string().optional(),
  // theory (theory mode's bands) is not shown by this page's charts: an imported file keeps its
  // generations, and theory is dropped like any other field this schema does not name.
});

/** What an import yields: run.json without theory mode's extra. */
export type ImportedRunRecord = z.output<typeof runRecordSchema>;

// Compile-time checks that the schema and the contract types agree both ways.
type Assert<T extends true> = T;
export type _ReportMatches = Assert<
  z.output<typeof generationReportSchema> extends GenerationReport ? true : false
>;
export type _RecordMatches = Assert<ImportedRunRecord extends Omit<RunRecord, 'theory'> ? true : false>;
export type _RecordFits = Assert<Omit<RunRecord, 'theory'> extends ImportedRunRecord ? true : false>;
