/**
 * The loop's shared types: the state a run keeps between generations, what it tells its consumer
 * (events), what it leaves to resume from (a checkpoint) and how it is started (options). Types
 * only, and the two constants that name them, so every part of the loop and every consumer can
 * import them without importing each other.
 */
import type { SimulationConfig } from '../config/schema';
import type { Corpus, Origin } from '../corpus/corpus';
import type { ParadigmContext } from '../corpus/paradigms';
import type { PreparedCorpus } from '../corpus/prepare';
import type { Judge } from '../corpus/quality-filter';
import type { ExtinctionState, ExtinctionTracker } from '../metrics/extinction';
import type { MetricsReference } from '../metrics/generation-metrics';
import type { SamplerKind } from '../model/infer/sample';
import type { ParallelTraining, ReplicaHost } from '../parallel/replica-host';
import type { GenerationReport, PromptSample } from '../record';
import type { Rng } from '../rng';
import type { ClassReviewer } from './class-review';
import type { LoopControl } from './control/loop-control';
import type { ModelFamily } from './families/types';
import type { GenerationZeroScorer } from './generation-zero-view';

/** The phases of a generation, in order. */
export const PHASES = ['sampling-corpus', 'training', 'evaluating', 'generating', 'writing-back'] as const;
export type Phase = (typeof PHASES)[number];

/** What the loop tells its consumer (the worker forwards these; the CLI prints them). */
export type SimulationEvent =
  | {
      type: 'runStarted';
      config: SimulationConfig;
      vocabulary: string[];
      realChars: number;
      heldOutChars: number;
      /** A few held-out real documents, to read beside the generated ones. */
      realSamples: string[];
    }
  | { type: 'configChanged'; config: SimulationConfig; fromGeneration: number; changed: string[] }
  | { type: 'notice'; message: string }
  | { type: 'baseline'; perplexity: number; nllPerChar: number }
  | { type: 'phase'; generation: number; phase: Phase; done?: number; total?: number }
  | {
      type: 'trainStep';
      generation: number;
      step: number;
      totalSteps: number;
      loss: number;
      learningRate: number;
      tokensPerSec: number;
    }
  | { type: 'samples'; generation: number; samples: string[]; promptSamples: PromptSample[] }
  | {
      type: 'corpusChanged';
      generation: number;
      provenance: { origin: Origin; chars: number }[];
      chars: number;
      humanShare: number;
    }
  | { type: 'generationDone'; report: GenerationReport; nStar: number | null }
  /** After the baseline and after each finished generation: what a fresh worker needs to go on. */
  | { type: 'checkpoint'; checkpoint: RunCheckpoint }
  | { type: 'paused'; generation: number }
  | { type: 'resumed'; generation: number }
  | { type: 'runDone'; status: 'complete' | 'cancelled'; generations: number; nStar: number | null }
  /** fault 'backend': the computing backend failed, not the run (another backend may go on). */
  | { type: 'error'; message: string; generation: number | null; fault?: 'backend' };

/** Everything a run keeps from one generation to the next. */
export interface RunState {
  config: SimulationConfig;
  prepared: PreparedCorpus;
  corpus: Corpus;
  paradigm: ParadigmContext;
  family: ModelFamily;
  heldOutIds: Int32Array[];
  /** The held-out evaluation sample and the real vocabulary; its size is every generation's sample size. */
  reference: MetricsReference;
  extinction: ExtinctionTracker;
  /** Beginnings of held-out documents: every generation continues the same ones. */
  prompts: { text: string; ids: Int32Array }[];
  /** Entropy rate of the source, when the corpus has an exact law (markov). */
  sourceEntropyRate: number | null;
  rng: Rng;
  control: LoopControl;
  emit: (event: SimulationEvent) => void;
  /** Asks the class which documents enter (config.filter.byClass); absent where no class can be asked. */
  reviewByClass?: ClassReviewer;
  /** The quality filter's judge (a count model of D0), made the first time the filter is on. */
  judge?: Judge;
  /** Generation 0's model, kept to score later generations' text (generation-zero-view.ts). */
  generationZero?: GenerationZeroScorer;
  /**
   * What the model family said while it was set up (how many workers train), held until the run
   * has started (the page clears its notices when a run starts); once released, it says them at once.
   */
  setupNotices: { held: string[]; release(): void };
}

export const CHECKPOINT_VERSION = 1;

/**
 * A checkpoint: everything a run needs to continue in a fresh worker (after a backend fault, a
 * crashed worker or a reload), taken after the baseline and after each finished generation
 * (control/checkpoint.ts takes, restores and stores it). Plain data only, so it survives
 * postMessage, IndexedDB and JSON. Model weights are not in it: a run that continues training
 * from the previous model starts the next generation from a fresh one (and says so).
 */
export interface RunCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  /** The generation a resumed run trains first; 0 means only the baseline was done. */
  nextGeneration: number;
  /** The settings in force (mid-run changes included). */
  config: SimulationConfig;
  /** The run's real text as it was dealt: held-out, D0, and the vocabulary's symbols by id. */
  heldOut: string[];
  real: string[];
  vocabulary: string[];
  /** The corpus, in order (the order decides which documents later draws pick). */
  corpus: { text: string; origin: Origin; source?: number }[];
  /** Fresh real documents not yet used (fresh-data). */
  reserve: string[];
  corpusCap: number | null;
  capReached: boolean;
  extinction: ExtinctionState;
  baseline: { perplexity: number; nllPerChar: number };
  /** Held-out perplexity of each finished generation, for n*. */
  perplexities: number[];
  nStar: number | null;
}

export interface RunOptions {
  /** The user's own documents, when config.corpus.source is 'user'. */
  userDocuments?: readonly string[];
  control?: LoopControl;
  /** The sampler the backend prefers ('auto' in the config resolves to it). */
  preferredSampler?: SamplerKind;
  /** Makes the model family instead of the config's own (tests inject faults through it). */
  createFamily?: (
    config: SimulationConfig,
    prepared: PreparedCorpus,
    parallel?: ParallelTraining,
  ) => Promise<ModelFamily>;
  /**
   * Continue a run from its checkpoint instead of starting it: the baseline is not measured
   * again and the loop goes on at checkpoint.nextGeneration. The run's settings are the
   * checkpoint's; live settings of the config passed beside it apply from that generation.
   */
  resumeFrom?: RunCheckpoint;
  /**
   * The settings never change mid-run (the CLI): a resumed run may then train generation 0's
   * model again, exactly, to go on scoring each generation's text with it (generation-zero-view.ts).
   */
  settingsNeverChange?: boolean;
  /**
   * Asks the class which of a generation's first documents enter the corpus, when
   * config.filter.byClass says so (the page's worker forwards it to the page and waits).
   */
  reviewByClass?: ClassReviewer;
  /** Where training workers come from (data parallelism on wasm and cpu); absent: this thread alone. */
  replicaHost?: ReplicaHost;
}
