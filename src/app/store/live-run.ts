/**
 * The state of the run on screen, folded from the worker's events by a pure function (so it is
 * tested in Node and replayable). The UI reads it; nothing else writes it.
 */
import type { GenerationReport, PromptSample } from '../../engine/record';
import type { Phase, RunCheckpoint } from '../../engine/loop/types';
import type {
  BackendName,
  BackendRejection,
  ClassReviewAsked,
  SamplerKind,
  SimulationConfig,
  WorkerEvent,
} from '../../worker/simulation-protocol';

export type RunStatus =
  'idle' | 'starting' | 'running' | 'paused' | 'complete' | 'cancelled' | 'stopped' | 'failed';

export interface LossPoint {
  step: number;
  loss: number;
}

export interface LiveRun {
  status: RunStatus;
  /** The config the run is using now (changes mid-run are applied by generation). */
  config: SimulationConfig | null;
  backend: { name: BackendName; summary: string; rejected: BackendRejection[]; sampler: SamplerKind } | null;
  vocabularySize: number;
  realChars: number;
  heldOutChars: number;
  realSamples: string[];
  baseline: { perplexity: number; nllPerChar: number } | null;
  /** Finished generations, in order. */
  generations: GenerationReport[];
  nStar: number | null;
  /** Where the run is now. */
  current: {
    generation: number;
    phase: Phase | null;
    step: number;
    totalSteps: number;
    /** Characters generated so far / to generate, in the generating phase. */
    done: number;
    total: number;
    tokensPerSec: number;
  };
  /** Training loss of the generation under way. */
  lossCurve: LossPoint[];
  /** Samples of the generation under way, before its report arrives. */
  pendingSamples: { generation: number; samples: string[]; promptSamples: PromptSample[] } | null;
  /** The documents the class is asked to keep or discard now (the run waits for its answer). */
  classReview: ClassReviewAsked | null;
  /** Settings changes: from which generation each applies. */
  configChanges: { fromGeneration: number; changed: string[] }[];
  notices: string[];
  error: string | null;
  /**
   * The run's latest checkpoint (after its baseline, then after each finished generation): what
   * session.resumeFromCheckpoint needs to go on in a fresh worker after a crash or a reload.
   */
  checkpoint: RunCheckpoint | null;
  /** performance.now() when the run started and when the current generation started. */
  startedAt: number | null;
  generationStartedAt: number | null;
}

export const IDLE_RUN: LiveRun = {
  status: 'idle',
  config: null,
  backend: null,
  vocabularySize: 0,
  realChars: 0,
  heldOutChars: 0,
  realSamples: [],
  baseline: null,
  generations: [],
  nStar: null,
  current: { generation: 0, phase: null, step: 0, totalSteps: 0, done: 0, total: 0, tokensPerSec: 0 },
  lossCurve: [],
  pendingSamples: null,
  classReview: null,
  configChanges: [],
  notices: [],
  error: null,
  checkpoint: null,
  startedAt: null,
  generationStartedAt: null,
};

/** Events the page itself adds to the worker's: the user's commands and the worker's fate. */
export type PageEvent =
  | { type: 'start-requested'; config: SimulationConfig; at: number }
  /** A fresh worker continues the run from a checkpoint (after a crash or a reload). */
  | { type: 'resume-requested'; checkpoint: RunCheckpoint; at: number }
  | { type: 'paused-by-user' }
  | { type: 'resumed-by-user' }
  | { type: 'stopped-by-user' }
  /** The page sent the class's answer to review `id`. */
  | { type: 'class-review-answered'; id: number }
  | { type: 'worker-crashed'; message: string };

export type RunInput = WorkerEvent | PageEvent;
