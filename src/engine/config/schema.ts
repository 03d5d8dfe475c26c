import { z } from 'zod';

// No code generation: zod would otherwise probe `new Function`, which the page's
// Content-Security-Policy (no unsafe-eval) reports as a violation. Config parsing is rare and tiny.
z.config({ jitless: true });

/**
 * The one source of truth for a run. The URL, presets, the CLI and exported runs are all this
 * object; nothing else decides behaviour. Bump CONFIG_VERSION when a field changes meaning.
 */
export const CONFIG_VERSION = 1;

export const PARADIGMS = ['replace', 'accumulate', 'accumulate-subsample', 'fresh-data'] as const;
export const MODEL_FAMILIES = ['transformer', 'ngram'] as const;
export const MODEL_SIZE_NAMES = ['micro', 'tiny', 'small', 'medium'] as const;
export const CORPUS_SOURCES = ['tiny-tales', 'markov', 'user'] as const;
export const SAMPLERS = ['auto', 'kv-cache', 'fixed-shape'] as const;
/**
 * How the training budget follows the training set's size: `fixed-steps` trains every
 * generation for `steps` steps (a growing corpus gets fewer passes); `fixed-epochs` reads
 * `steps` as the budget for N0 characters and scales it with the training set, so every
 * generation makes the same number of passes over its data.
 */
export const BUDGET_RULES = ['fixed-steps', 'fixed-epochs'] as const;

const share = (min: number, max = 1) => z.number().min(min).max(max);
const count = (min: number, max: number) => z.number().int().min(min).max(max);

export const corpusSchema = z.object({
  /** Built-in generator, or text the user supplied (pasted, a file or a URL). */
  source: z.enum(CORPUS_SOURCES),
  /** Characters of real text in D0, the corpus the first model trains on. */
  realChars: count(2_000, 5_000_000),
  /** Characters of held-out real text (never in any training corpus) for perplexity. */
  heldOutChars: count(500, 1_000_000),
});

export const trainingSchema = z.object({
  steps: count(1, 100_000),
  batchSize: count(1, 512),
  learningRate: z.number().gt(0).max(1),
  warmupSteps: count(0, 10_000),
  budgetRule: z.enum(BUDGET_RULES),
});

export const decodingSchema = z.object({
  temperature: z.number().min(0.05).max(5),
  /** 0 = no limit. */
  topK: count(0, 10_000),
  /** 1 = no limit. */
  topP: z.number().gt(0).max(1),
});

export const simulationConfigSchema = z.object({
  version: z.literal(CONFIG_VERSION),
  seed: count(0, 2 ** 31 - 1),
  generations: count(1, 1_000_000),
  corpus: corpusSchema,
  model: z.object({
    family: z.enum(MODEL_FAMILIES),
    size: z.enum(MODEL_SIZE_NAMES),
    /** Count model: n-gram order (0 = unigram) and add-alpha smoothing. */
    ngramOrder: count(0, 4),
    ngramAlpha: z.number().min(0).max(1000),
    /** false (the paper): every generation starts from a fresh random initialisation. */
    continueTraining: z.boolean(),
  }),
  paradigm: z.enum(PARADIGMS),
  /** Generated text written back per generation, as a share of D0 (lambda = m / N0). */
  contamination: share(0.001, 4),
  /** replace: share of each training set drawn from the original real data (Shumailov: 0.1). */
  realKept: share(0, 1),
  /** fresh-data: new real text entering per generation, as a share of D0. */
  freshShare: share(0, 4),
  /** accumulate-subsample and fresh-data: training sample size M as a share of D0. */
  trainingSample: share(0.05, 4),
  training: trainingSchema,
  decoding: decodingSchema,
  /**
   * The paper's remedy, data quality: before generated text enters the corpus, only the share
   * `keep` that a judge trained on real text alone scores best enters (1 = no filter), after
   * dropping duplicates when `dedupe` is on. The amount written stays m. With `byClass` the class
   * keeps or discards the first few documents itself (the page asks it), in the filter's place.
   */
  filter: z.object({ keep: share(0.05, 1), dedupe: z.boolean(), byClass: z.boolean() }),
  sampling: z.object({
    /** Longest generated document in characters; longer ones are cut and counted as capped. */
    maxLength: count(8, 4_096),
    sampler: z.enum(SAMPLERS),
  }),
  evaluation: z.object({
    /**
     * Characters of generated text every distribution metric (divergences, tails, distinct-n,
     * real-word share) is computed on, each generation, and of held-out real text for the
     * reference: estimates of the same size compare across generations and presets.
     */
    sampleChars: count(500, 200_000),
  }),
  /** Independent seeds run side by side (count model: up to 100). */
  runs: count(1, 100),
  compute: z.object({
    /**
     * Threads that train the transformer on wasm or cpu, each computing the gradient of its share
     * of every batch (data parallelism); 0 = one per hardware thread. Results depend on it only
     * within float round-off, and are reproducible for a given count.
     */
    workers: count(0, 32),
  }),
});

export type SimulationConfig = z.infer<typeof simulationConfigSchema>;
export type Paradigm = SimulationConfig['paradigm'];
export type ModelFamily = SimulationConfig['model']['family'];
export type CorpusSource = SimulationConfig['corpus']['source'];
