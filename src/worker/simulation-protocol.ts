/**
 * The messages between the page and the simulation worker. Both sides import only this file's
 * types, so a renamed field is a compile error on both ends, and the version lets the client
 * refuse a worker from another build (a stale cached chunk) with a clear message instead of
 * misreading it.
 *
 * Type-only imports from the engine: they vanish at build time, so the UI bundle never pulls in
 * TensorFlow.js through this file.
 */
import type { BackendName, BackendRejection } from '../engine/backend';
import type { SimulationConfig } from '../engine/config/schema';
import type { ClassReviewRequest } from '../engine/loop/class-review';
import type { RunCheckpoint, SimulationEvent } from '../engine/loop/types';
import type { FaultPlan } from '../engine/loop/control/fault-injection';
import type { SamplerKind } from '../engine/model/infer/sample';
import type { TimingEntry } from './backend-timing';

export type {
  BackendName,
  BackendRejection,
  FaultPlan,
  RunCheckpoint,
  SamplerKind,
  SimulationConfig,
  SimulationEvent,
};

/**
 * Bump on any change to the shapes below. (3: checkpoints, resume, fault injection; 5: reports
 * carry the written budget, real words and the samples' non-words; 6: the class as the filter, and
 * reports carry how generation 0's model sees their text.)
 */
export const PROTOCOL_VERSION = 6;

/** The loop asks the class which documents enter; the page answers with `classReviewed` and this id. */
export type ClassReviewAsked = ClassReviewRequest & { id: number };

export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(value);
}

export interface StartRequest {
  /** The whole run: the same object the CLI takes (validated by the page before sending). */
  config: SimulationConfig;
  /** The user's documents when config.corpus.source is 'user'. */
  userDocuments?: string[];
  /** Only this backend is tried (tests, or a user who knows better); absent: best available. */
  backend?: BackendName;
  /**
   * With no `backend`: the pair an earlier start-up timing chose in this browser, used without
   * timing again. Absent too: the worker times the candidates and reports the ranking in `ready`.
   */
  remembered?: { backend: BackendName; sampler: SamplerKind };
  /** Continue this run from its checkpoint (config is then the checkpoint's, or later settings). */
  resumeFrom?: RunCheckpoint;
  /** A fault to inject on purpose (the page's ?fault=, for tests); absent in normal use. */
  fault?: FaultPlan;
}

// ---- page -> worker ---------------------------------------------------------------------------

export type WorkerCommand =
  | { type: 'start'; version: typeof PROTOCOL_VERSION; request: StartRequest }
  | { type: 'pause'; version: typeof PROTOCOL_VERSION }
  | { type: 'resume'; version: typeof PROTOCOL_VERSION }
  /** Run until the current generation is done, then pause. */
  | { type: 'step'; version: typeof PROTOCOL_VERSION }
  /** New settings, taken from the next generation on. */
  | { type: 'updateConfig'; version: typeof PROTOCOL_VERSION; config: SimulationConfig }
  /** The class's answer to a `classReview`: the indices of the offered documents it keeps. */
  | { type: 'classReviewed'; version: typeof PROTOCOL_VERSION; id: number; kept: number[] };

// ---- worker -> page ---------------------------------------------------------------------------

export type WorkerEvent =
  | {
      type: 'ready';
      version: typeof PROTOCOL_VERSION;
      backend: BackendName;
      rejected: BackendRejection[];
      summary: string;
      sampler: SamplerKind;
      /** The start-up timing's ranking, fastest first, when this start ran it (the page remembers it). */
      timings?: TimingEntry[];
    }
  /** The run waits for the class to keep or discard these documents (config.filter.byClass). */
  | { type: 'classReview'; version: typeof PROTOCOL_VERSION; request: ClassReviewAsked }
  /** An event of the generation loop, forwarded as it is. */
  | { type: 'loop'; version: typeof PROTOCOL_VERSION; event: SimulationEvent }
  /** Something failed outside the loop (backend, worker load, protocol). */
  | { type: 'error'; version: typeof PROTOCOL_VERSION; message: string };

/** Distributes over the union, so each event keeps its own fields when the version is left out. */
type WithoutVersion<T> = T extends unknown ? Omit<T, 'version'> : never;
export type WorkerEventBody = WithoutVersion<WorkerEvent>;
export type WorkerCommandBody = WithoutVersion<WorkerCommand>;

/** True for any object that claims to be a message of this protocol version. */
export function hasProtocolVersion(data: unknown): data is { type: string; version: number } {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    'version' in data &&
    data.version === PROTOCOL_VERSION
  );
}
