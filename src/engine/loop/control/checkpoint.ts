/**
 * Checkpoints (RunCheckpoint, in ../types): what a run leaves after its baseline and after each
 * finished generation to continue from in a fresh worker. Taking one, restoring a run's real
 * text and corpus from one, what a resumed run says first, and storing one as JSON.
 */
import { z } from 'zod';
import { storedConfigSchema } from '../../config/validate';
import { charCount } from '../../corpus/corpus';
import { makeDocuments } from '../../corpus/corpus';
import type { PreparedCorpus } from '../../corpus/prepare';
import { createMarkovSource } from '../../text/markov-source';
import { vocabularyFromSymbols } from '../../text/vocabulary';
import { generationZeroRebuilt, resumedWithoutGenerationZero } from '../generation-zero-view';
import { CHECKPOINT_VERSION, type RunCheckpoint, type RunState } from '../types';

/** The run's state after `nextGeneration - 1` finished (copied: the run goes on changing it). */
export function takeCheckpoint(
  state: RunState,
  progress: {
    nextGeneration: number;
    baseline: RunCheckpoint['baseline'];
    perplexities: readonly number[];
    nStar: number | null;
  },
): RunCheckpoint {
  const { prepared, paradigm } = state;
  return {
    version: CHECKPOINT_VERSION,
    nextGeneration: progress.nextGeneration,
    config: structuredClone(state.config),
    heldOut: [...prepared.heldOut],
    real: prepared.real.map((d) => d.text),
    vocabulary: [...prepared.vocabulary.symbols],
    corpus: state.corpus.documents.map((d) => ({
      text: d.text,
      origin: d.origin,
      ...(d.source !== undefined ? { source: d.source } : {}),
    })),
    reserve: paradigm.reserve.map((d) => d.text),
    corpusCap: paradigm.corpusCap ?? null,
    capReached: paradigm.capReached ?? false,
    extinction: state.extinction.toJSON(),
    baseline: { ...progress.baseline },
    perplexities: [...progress.perplexities],
    nStar: progress.nStar,
  };
}

/** The real text of a checkpointed run, as prepareCorpus had dealt it. */
export function preparedFromCheckpoint(checkpoint: RunCheckpoint): PreparedCorpus {
  const { config } = checkpoint;
  return {
    vocabulary: vocabularyFromSymbols(checkpoint.vocabulary),
    heldOut: [...checkpoint.heldOut],
    real: makeDocuments(checkpoint.real, 'human', true),
    reserve: makeDocuments(checkpoint.reserve, 'human'),
    // The markov source is a function of the seed alone.
    source: config.corpus.source === 'markov' ? createMarkovSource(config.seed) : undefined,
    notices: [],
  };
}

/** What a resumed run says first: where it goes on, and what it could not keep (or trained again). */
export function resumeNotices(
  state: RunState,
  checkpoint: RunCheckpoint,
  rebuildsGenerationZero = false,
): string[] {
  const g = checkpoint.nextGeneration;
  const kept = g === 1 ? 'generation 0 is kept' : `generations 0-${g - 1} are kept`;
  const notices = [
    g === 0
      ? 'The run starts again at generation 0 (its baseline is kept).'
      : `The run goes on from generation ${g}; ${kept}.`,
  ];
  if (g > 0) notices.push(rebuildsGenerationZero ? generationZeroRebuilt : resumedWithoutGenerationZero(g));
  if (g > 0 && state.config.model.continueTraining && state.family.name === 'transformer') {
    notices.push(
      `Model weights are not kept between workers: generation ${g} trains from a fresh model instead of continuing generation ${g - 1}'s.`,
    );
  }
  return notices;
}

export const corpusFromCheckpoint = (checkpoint: RunCheckpoint) =>
  checkpoint.corpus.map((d) => ({
    text: d.text,
    chars: charCount(d.text),
    origin: d.origin,
    ...(d.source !== undefined ? { source: d.source } : {}),
  }));

// ---- (de)serialisation ------------------------------------------------------------------------

/** JSON has no NaN: a perplexity that was not a number is written as null and read back as NaN. */
const numberOrNaN = z
  .number()
  .nullable()
  .transform((v) => v ?? NaN);
const pairs = <T extends z.ZodType>(value: T) => z.array(z.tuple([z.string(), value]));
const extinctionKind = z.object({
  support: pairs(z.number()),
  extinct: pairs(z.number()),
  revivals: z.number(),
});

const checkpointSchema = z.object({
  version: z.literal(CHECKPOINT_VERSION),
  nextGeneration: z.number().int().min(0),
  config: storedConfigSchema,
  heldOut: z.array(z.string()).min(1),
  real: z.array(z.string()).min(1),
  vocabulary: z.array(z.string()).min(3),
  corpus: z.array(
    z.object({
      text: z.string(),
      origin: z.union([z.literal('human'), z.number().int().min(0)]),
      source: z.number().int().min(0).optional(),
    }),
  ),
  reserve: z.array(z.string()),
  corpusCap: z.number().positive().nullable(),
  capReached: z.boolean(),
  extinction: z.object({
    version: z.literal(1),
    lastGeneration: z.number().int().nullable(),
    kinds: z.object({ chars: extinctionKind, bigrams: extinctionKind, words: extinctionKind }),
  }),
  baseline: z.object({ perplexity: numberOrNaN, nllPerChar: numberOrNaN }),
  perplexities: z.array(numberOrNaN),
  nStar: z.number().int().nullable(),
});

export function checkpointToJson(checkpoint: RunCheckpoint): string {
  return JSON.stringify(checkpoint);
}

/** Reads a checkpoint back; throws one sentence saying what is wrong with it. */
export function checkpointFromJson(text: string): RunCheckpoint {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('the saved checkpoint is not JSON');
  }
  return parseCheckpoint(data);
}

/** Checks a checkpoint that arrived as data (from storage or another build). */
export function parseCheckpoint(data: unknown): RunCheckpoint {
  if (typeof data === 'object' && data !== null && 'version' in data && data.version !== CHECKPOINT_VERSION) {
    throw new Error(
      `the saved checkpoint has version ${String(data.version)}; this page reads version ${CHECKPOINT_VERSION}`,
    );
  }
  const parsed = checkpointSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `the saved checkpoint is damaged: ${issue.path.join('.') || 'its top level'}: ${issue.message}`,
    );
  }
  const checkpoint = parsed.data as RunCheckpoint;
  if (checkpoint.perplexities.length !== checkpoint.nextGeneration) {
    throw new Error(
      `the saved checkpoint is damaged: it follows generation ${checkpoint.nextGeneration - 1} but holds ${checkpoint.perplexities.length} perplexities`,
    );
  }
  return checkpoint;
}
