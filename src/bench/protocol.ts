/**
 * Messages between the benchmark page (bench.html) and its worker, and the figures it reports.
 * The page only relays them: the Node script (npm run bench:browser) reads them from the page.
 */
import type { BackendName } from '../engine/backend';
import type { KernelCheckResult } from './kernel-checks';
import type { ParallelCeiling } from './worker-figures';

export type { BackendName };

/** How long each measurement runs on one backend: SwiftShader backends get far smaller budgets. */
export interface BackendPlan {
  backend: BackendName;
  warmupSteps: number;
  timedSteps: number;
  /** Sequences advanced together by every sampler. */
  sampleCount: number;
  /** Symbols per sequence for the KV-cache sampler. */
  kvLength: number;
  /** Symbols per sequence for the fixed-shape sampler, and for the naive one when it runs. */
  fixedLength: number;
  /** Whether to time the naive sampler too (a full forward pass per token, new shape each time). */
  naive: boolean;
}

export interface NaiveComparison {
  /** Both samplers' first pass after training: each new shape compiles its shaders. */
  fixedShapeColdCharsPerSec: number;
  naiveColdCharsPerSec: number;
  /** Second pass over the same shapes (shaders cached). */
  naiveWarmCharsPerSec: number;
  /** fixed-shape / naive, first passes: what a generation meets (goal >= 4). */
  fixedVsNaive: number;
  /** fixed-shape / naive, second passes. */
  fixedVsNaiveWarm: number;
  sample: string;
}

export interface BackendFigures {
  available: true;
  /** Why the page would demote this backend (a software renderer), or null. */
  softwareRenderer: string | null;
  trainMsPerStep: number;
  timedSteps: number;
  trainTokensPerSec: number;
  kernelsPerStep: number;
  /**
   * On WebGL and WebGPU, the GPU launches one training step makes (loss read back included): WebGL
   * draw calls (one shader program each) or WebGPU compute dispatches, counted where the browser
   * receives them (launch-counter.ts). tf.profile counts a fused kernel once, though it may run
   * several programs, and WebGL packs and unpacks textures with programs of its own.
   */
  programsPerStep?: number;
  /** The same for one step of the kv-cache sampler (a token for each of the plan's sampleCount sequences). */
  programsPerToken?: number;
  /** programsPerStep by the tf kernel that launched them, most first, "name count" ("(read back)": the loss's download). */
  programsByKernel?: string[];
  /** The most launched kernels, "name count". */
  topKernels: string[];
  kvCacheCharsPerSec: number;
  kvCacheSample: string;
  fixedShapeCharsPerSec: number;
  fixedShapeSample: string;
  naive?: NaiveComparison;
  numTensorsDelta: number;
  /** wasm and cpu with more than one core: training and sampling on every core (measure-workers.ts). */
  dataParallel?: DataParallelFigures;
}

export interface DataParallelFigures {
  workers: number;
  /** SharedArrayBuffer (a cross-origin-isolated page) rather than transferred buffers. */
  sharedBuffers: boolean;
  trainMsPerStep: number;
  singleTrainMsPerStep: number;
  trainSpeedup: number;
  /** KV-cache characters per second of one 16 x 256 call per worker at once, and of one call alone. */
  kvCacheCharsPerSec: number;
  singleKvCacheCharsPerSec: number;
  sampleSpeedup: number;
  /** The most this many workers could gain here, measured without our step (worker-figures.ts). */
  ceiling: ParallelCeiling;
}

export type BackendResult = BackendFigures | { available: false; reason: string };

/** bench.html?check=kernels: the GPU kernels against the plain ops on cpu, per backend (check-run.ts). */
export type KernelChecks =
  { available: true; checks: KernelCheckResult[] } | { available: false; reason: string };

export type BenchCommand = { type: 'run'; plans: BackendPlan[] } | { type: 'check'; backends: BackendName[] };

export interface BenchModel {
  name: string;
  params: number;
  batch: number;
  context: number;
}

export type BenchEvent =
  | { type: 'model'; model: BenchModel }
  | { type: 'progress'; line: string }
  | { type: 'result'; backend: BackendName; result: BackendResult }
  | { type: 'checks'; backend: BackendName; checks: KernelChecks }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** What the page exposes to the Node script (window.__collapseBench). */
export interface BenchState {
  lines: string[];
  results: Partial<Record<BackendName, BackendResult>>;
  checks: Partial<Record<BackendName, KernelChecks>>;
  model: BenchModel | null;
  done: boolean;
  error: string | null;
}
