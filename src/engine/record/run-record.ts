import type { SimulationConfig } from '../config/schema';
import type { Origin } from '../corpus/corpus';
import type { ClassFilterRecord } from '../loop/class-review';
import type { GenerationMetrics } from '../metrics/generation-metrics';
import type { PerplexitySpread } from '../metrics/perplexity-spread';
import type { TheoryRecord } from './theory-record';

/**
 * How generation 0's model sees a generation's text (loop/generation-zero-view.ts): the spread of
 * per-document perplexity of its evaluation documents, and of the real held-out documents of the
 * same size (the same in every generation of a run).
 */
export interface GenerationZeroView {
  samples: PerplexitySpread;
  real: PerplexitySpread;
}

export interface PromptSample {
  prompt: string;
  continuation: string;
}

/** Everything measured about one generation: one element of run.json's "generations". */
export interface GenerationReport extends GenerationMetrics {
  generation: number;
  /** Held-out perplexity: exp(mean NLL per character) of real text never trained on. */
  perplexity: number;
  nllPerChar: number;
  /** Held-out tokens (characters and each document's end) the perplexity was computed on. */
  heldOutTokens: number;
  /**
   * Of those, tokens the count model gave probability 0, scored at its evaluation floor (1e-6)
   * instead: each adds 13.8 nats, so a few of them set its perplexity. null for the transformer.
   */
  flooredTokens: number | null;
  bitsPerChar: number;
  /** Exact per-token KL(source || model) when the corpus is the markov source, else null. */
  exactKl: number | null;
  /** Share of human text in the corpus this generation's training set was drawn from. */
  realShare: number;
  /** Share of human text in the training set itself. */
  trainingRealShare: number;
  corpusChars: number;
  trainingChars: number;
  /**
   * Characters of generated text written back: exactly generatedBudgetChars (the last document
   * cut to fit), fewer only when the model wrote nothing but empty documents (a notice says so).
   */
  writtenChars: number;
  /** m, the characters of generated text the paradigm writes back each generation. */
  generatedBudgetChars: number;
  /** Documents written back, the cut one included. */
  writtenDocuments: number;
  /** Whether the last document written back was cut at the budget (not ended by the model). */
  writtenCut: boolean;
  /**
   * The quality filter's choice (null when it is off): documents offered, dropped as
   * duplicates, dropped by the judge, and the judge's mean NLL per character (nats) of all
   * candidates and of the kept ones.
   */
  filter: {
    candidates: number;
    duplicates: number;
    rejected: number;
    judgeNllAll: number;
    judgeNllKept: number;
  } | null;
  /** What the class kept and discarded (absent when it did not choose, and in older run.json files). */
  classFilter?: ClassFilterRecord;
  provenance: { origin: Origin; chars: number }[];
  /** Symbols of the held-out text absent from this and every generation since they went. */
  extinct: { chars: number; bigrams: number; words: number };
  /** Each real character absent since some generation, with that generation (rarest first within it). */
  extinctChars: { symbol: string; since: number; realCount: number }[];
  /** Last reported training loss, nats per character (NaN for the count model). */
  trainLoss: number;
  /** A few of the generation's documents, whole, as text. */
  samples: string[];
  /** The run's prompts (beginnings of held-out documents), each continued by this model. */
  promptSamples: PromptSample[];
  /**
   * Words of `samples` and the prompt continuations that occur nowhere in the real text (D0 and
   * held-out), folded as tokenizeWords folds them, sorted: the samples view marks them. null in
   * a run.json written before they were recorded.
   */
  sampleNonWords: string[] | null;
  /**
   * This generation's documents as generation 0's model sees them, beside real text. null when
   * generation 0's model was not there to ask (a resumed run); absent in a run.json written
   * before it was recorded.
   */
  underGenerationZero?: GenerationZeroView | null;
  durationMs: number;
}

/** run.json: the CLI writes it, the page reads and writes it. Field names are a contract. */
export interface RunRecord {
  version: 1;
  config: SimulationConfig;
  vocabulary: string[];
  baseline: { perplexity: number; nllPerChar: number };
  generations: GenerationReport[];
  /** First generation within 5% of the baseline perplexity (or worse), or null. */
  nStar: number | null;
  notices: string[];
  /** How it ended: all generations, cancelled by the user, or stopped by an error. */
  status: 'complete' | 'cancelled' | 'failed';
  error?: string;
  /** Theory mode's many-run bands and closed forms (count model, runs > 1 or long order-0 runs). */
  theory?: TheoryRecord;
}
