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

export type { BackendName, BackendRejection };

/** Bump on any change to the shapes below. */
export const PROTOCOL_VERSION = 1;

export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(value);
}

export interface StartOptions {
  /** Only this backend is tried (tests, or a user who knows better); absent: best available. */
  backend?: BackendName;
  /** Training steps; absent: the demo default. */
  steps?: number;
  /** Seed of the text, the weights and the sampling; absent: a fixed default. */
  seed?: number;
}

// ---- page -> worker ---------------------------------------------------------------------------

export type WorkerCommand =
  | { type: 'start'; version: typeof PROTOCOL_VERSION; options: StartOptions }
  | { type: 'stop'; version: typeof PROTOCOL_VERSION };

// ---- worker -> page ---------------------------------------------------------------------------

/** What the worker is doing, for the status line (aria-live) of the page. */
export type RunPhase = 'choosing-backend' | 'preparing-text' | 'measuring-untrained' | 'training' | 'measuring-trained' | 'sampling';

export interface CorpusSummary {
  documents: number;
  trainingChars: number;
  heldOutChars: number;
  vocabSize: number;
  parameters: number;
}

export interface ProgressReport {
  step: number;
  totalSteps: number;
  /** Cross-entropy of this step's batch, nats per character. */
  loss: number;
  tokensPerSec: number;
  /** Wall time per step over the steps since the last report, in milliseconds. */
  msPerStep: number;
}

export interface RunResult {
  /** Held-out perplexity of the model before any training (about the vocabulary size). */
  untrainedPerplexity: number;
  trainedPerplexity: number;
  samples: string[];
  seconds: number;
}

export type WorkerEvent =
  | { type: 'ready'; version: typeof PROTOCOL_VERSION; backend: BackendName; rejected: BackendRejection[]; summary: string }
  | { type: 'phase'; version: typeof PROTOCOL_VERSION; phase: RunPhase }
  | { type: 'corpus'; version: typeof PROTOCOL_VERSION; corpus: CorpusSummary }
  | { type: 'perplexity'; version: typeof PROTOCOL_VERSION; untrainedPerplexity: number; trainedPerplexity: number }
  | ({ type: 'progress'; version: typeof PROTOCOL_VERSION } & ProgressReport)
  | ({ type: 'done'; version: typeof PROTOCOL_VERSION } & RunResult)
  | { type: 'stopped'; version: typeof PROTOCOL_VERSION }
  | { type: 'error'; version: typeof PROTOCOL_VERSION; message: string };

/** Distributes over the union, so each event keeps its own fields when the version is left out. */
type WithoutVersion<T> = T extends unknown ? Omit<T, 'version'> : never;
export type WorkerEventBody = WithoutVersion<WorkerEvent>;
export type WorkerCommandBody = WithoutVersion<WorkerCommand>;

/** True for any object that claims to be a message of this protocol version. */
export function hasProtocolVersion(data: unknown): data is { type: string; version: number } {
  return typeof data === 'object' && data !== null && 'type' in data && 'version' in data && data.version === PROTOCOL_VERSION;
}
