/**
 * Which backend and which sampler to use, decided by a short timing on this very machine rather
 * than by a fixed order: a discrete GPU beats wasm by far, an integrated one may not, and a
 * software renderer never does. Each candidate (already past the capability check) trains the
 * run's model for a few steps and samples a short burst with each sampler; the ranking orders
 * every (backend, sampler) pair by the time a generation of the run would take.
 *
 * Every tensor made here is disposed, and the backend that was active on entry is active again
 * on return: the caller switches to the winner itself.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, type BackendName, type BackendRejection } from '../engine/backend';
import type { SimulationConfig } from '../engine/config/schema';
import { documentsToStream } from '../engine/model/train/batches';
import { modelShape, type ModelShape } from '../engine/model/shape';
import { createGpt, type Gpt } from '../engine/model/gpt';
import { sampleDocuments, type SamplerKind } from '../engine/model/infer/sample';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/train/trainer';
import { createRng, type Rng } from '../engine/rng';

export interface TimingEntry {
  backend: BackendName;
  sampler: SamplerKind;
  /** Median milliseconds per training step of the timed model. */
  msPerStep: number;
  /** Characters per second of this sampler on this backend. */
  charsPerSec: number;
  /** Estimated seconds one generation of the workload takes with this pair: the ranking key. */
  secondsPerGeneration: number;
}

export interface TimingFailure {
  backend: BackendName;
  reason: string;
}

export interface BackendTiming {
  /** Fastest first. */
  ranking: TimingEntry[];
  winner: TimingEntry;
  /** Candidates that could not be timed (failed to initialise, or threw while timed). */
  failures: TimingFailure[];
}

/** What one generation of the run does: the ranking weighs training and sampling by it. */
export interface TimingWorkload {
  trainingSteps: number;
  sampledChars: number;
}

export interface TimingOptions {
  /** The run's model; default the classroom's `tiny` over a 64-symbol vocabulary. */
  shape?: ModelShape;
  batchSize?: number;
  /** Untimed steps first: the first steps compile shaders and warm the JIT. */
  warmupSteps?: number;
  timedSteps?: number;
  samplers?: readonly SamplerKind[];
  /** The sampling burst: sequences advanced together, and symbols each. */
  sampleCount?: number;
  sampleLength?: number;
  workload?: TimingWorkload;
  /** One line per measurement, for a progress display. */
  onProgress?: (line: string) => void;
}

/** The default preset's generation: 300 steps, and about as many sampled characters as real ones. */
export const DEFAULT_WORKLOAD: TimingWorkload = { trainingSteps: 300, sampledChars: 10_000 };
/**
 * The timing that matches a run's settings: its model size and batch, and a generation's work
 * (its training steps, and about as many sampled characters as the real corpus holds). The
 * vocabulary is not known before the corpus is prepared; ~64 symbols is typical of them all.
 */
export function timingOptionsFor(
  config: SimulationConfig,
): Pick<TimingOptions, 'shape' | 'batchSize' | 'workload'> {
  return {
    shape: modelShape(config.model.size, 64),
    batchSize: config.training.batchSize,
    workload: { trainingSteps: config.training.steps, sampledChars: config.corpus.realChars },
  };
}

const DEFAULT_SAMPLERS: readonly SamplerKind[] = ['kv-cache', 'fixed-shape'];

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Random symbols over the vocabulary (EOD excluded): the timing measures arithmetic, not text. */
export function syntheticStream(vocabSize: number, length: number, rng: Rng): Int32Array {
  const ids = new Int32Array(length);
  for (let i = 0; i < length; i++) ids[i] = 1 + rng.int(Math.max(1, vocabSize - 1));
  return documentsToStream([ids]);
}

/**
 * Milliseconds of each of `timed` training steps after `warmup` untimed ones. The loss is read
 * back every step, so the device's work is inside the timing (GPUs queue work asynchronously).
 */
export async function timeTrainingSteps(
  trainer: Trainer,
  stream: Int32Array,
  warmup: number,
  timed: number,
): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < warmup + timed; i++) {
    const t0 = performance.now();
    const loss = trainer.step(stream);
    await loss.data();
    loss.dispose();
    if (i >= warmup) ms.push(performance.now() - t0);
  }
  return ms;
}

/** Characters per second of one sampler over count x length symbols (EOD does not stop a row). */
export async function timeSampling(
  model: Gpt,
  sampler: SamplerKind,
  count: number,
  length: number,
  rng: Rng,
): Promise<number> {
  const options = {
    count,
    maxLength: length,
    decoding: { temperature: 1, topK: 0, topP: 1 },
    batchSize: count,
    stopAtEod: false,
    sampler,
  };
  const t0 = performance.now();
  const sampled = await sampleDocuments(model, options, rng);
  const chars = sampled.documents.reduce((n, d) => n + d.length + 1, 0);
  return chars / Math.max((performance.now() - t0) / 1000, 1e-6);
}

/** Orders measured pairs by the time a generation of the workload would take (pure). */
export function rankTimings(
  measured: readonly Omit<TimingEntry, 'secondsPerGeneration'>[],
  workload: TimingWorkload,
): TimingEntry[] {
  return measured
    .map((m) => ({
      ...m,
      secondsPerGeneration:
        (workload.trainingSteps * m.msPerStep) / 1000 + workload.sampledChars / Math.max(m.charsPerSec, 1e-9),
    }))
    .sort((a, b) => a.secondsPerGeneration - b.secondsPerGeneration);
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function timeOneBackend(
  backend: BackendName,
  options: Required<Omit<TimingOptions, 'onProgress' | 'workload'>>,
  onProgress: (line: string) => void,
) {
  if (!(await tf.setBackend(backend))) throw new Error('failed to initialise');
  await tf.ready();
  const rng = createRng(`backend-timing:${backend}`);
  const { shape } = options;
  const stream = syntheticStream(
    shape.vocabSize,
    4 * options.batchSize * (shape.contextLength + 1),
    rng.split('text'),
  );
  const model = createGpt(shape, rng.split('init'));
  const trainer = new Trainer(
    model,
    { ...DEFAULT_TRAINING, batchSize: options.batchSize, steps: 1_000 },
    rng.split('train'),
  );
  try {
    const msPerStep = median(
      await timeTrainingSteps(trainer, stream, options.warmupSteps, options.timedSteps),
    );
    onProgress(`${backend}: ${msPerStep.toFixed(1)} ms per training step`);
    const entries: Omit<TimingEntry, 'secondsPerGeneration'>[] = [];
    for (const sampler of options.samplers) {
      // An untimed pass first: it compiles the shaders of every shape the timed pass meets, as
      // earlier generations of a run will have (programs stay cached for the worker's life).
      await timeSampling(
        model,
        sampler,
        options.sampleCount,
        options.sampleLength,
        rng.split(`warm:${sampler}`),
      );
      const charsPerSec = await timeSampling(
        model,
        sampler,
        options.sampleCount,
        options.sampleLength,
        rng.split(sampler),
      );
      onProgress(`${backend}: ${sampler} sampler ${Math.round(charsPerSec)} chars/s`);
      entries.push({ backend, sampler, msPerStep, charsPerSec });
    }
    return entries;
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

/**
 * Times every candidate in the given order and ranks the (backend, sampler) pairs. A candidate
 * that fails is listed in `failures` and the others still count; throws only if none could be
 * timed.
 */
export async function timeBackends(
  candidates: readonly BackendName[],
  options: TimingOptions = {},
): Promise<BackendTiming> {
  const settings = {
    shape: options.shape ?? modelShape('tiny', 64),
    batchSize: options.batchSize ?? DEFAULT_TRAINING.batchSize,
    warmupSteps: options.warmupSteps ?? 1,
    timedSteps: options.timedSteps ?? 3,
    samplers: options.samplers ?? DEFAULT_SAMPLERS,
    sampleCount: options.sampleCount ?? 16,
    sampleLength: options.sampleLength ?? 16,
  };
  const onProgress = options.onProgress ?? (() => undefined);
  const initial = tf.getBackend();
  const measured: Omit<TimingEntry, 'secondsPerGeneration'>[] = [];
  const failures: TimingFailure[] = [];
  try {
    for (const backend of candidates) {
      try {
        measured.push(...(await timeOneBackend(backend, settings, onProgress)));
      } catch (e) {
        failures.push({ backend, reason: messageOf(e) });
        onProgress(`${backend}: not timed (${messageOf(e)})`);
      }
    }
  } finally {
    if (initial && tf.getBackend() !== initial) await tf.setBackend(initial);
  }
  const ranking = rankTimings(measured, options.workload ?? DEFAULT_WORKLOAD);
  if (ranking.length === 0)
    throw new Error(
      `no backend could be timed: ${failures.map((f) => `${f.backend}: ${f.reason}`).join('; ')}`,
    );
  return { ranking, winner: ranking[0], failures };
}

export interface TimedChoice {
  backend: BackendName;
  sampler: SamplerKind;
  timing: BackendTiming;
  /** Candidates that failed the capability check or the timing, and why. */
  rejected: BackendRejection[];
  /** One sentence for the page: what was chosen, and from what. */
  summary: string;
}

/**
 * The start-up choice: every candidate goes through the engine's capability check (train against
 * the cpu reference, sample), those that pass are timed (cpu only when it is the sole one), and
 * the fastest pair is made the active backend. Leave software-rendered GPU backends out of the
 * candidates: they are never faster than wasm, and a WebGPU fallback adapter takes ~20 s a step.
 * Throws only if no candidate passes.
 */
export async function chooseTimedBackend(
  candidates: readonly BackendName[],
  options: TimingOptions = {},
): Promise<TimedChoice> {
  const rejected: BackendRejection[] = [];
  const passed: BackendName[] = [];
  for (const backend of candidates) {
    try {
      await chooseBackend([backend]);
      passed.push(backend);
    } catch (e) {
      rejected.push({
        backend,
        reason: messageOf(e).replace(/^no TensorFlow\.js backend works here: \w+: /, ''),
      });
    }
  }
  if (passed.length === 0)
    throw new Error(
      `no TensorFlow.js backend works here: ${rejected.map((r) => `${r.backend}: ${r.reason}`).join('; ')}`,
    );
  // cpu runs the same arithmetic as wasm without SIMD: 10-30x slower wherever both were measured,
  // and timing it would cost a minute. It is timed only when nothing else passed.
  const timing = await timeBackends(passed.length > 1 ? passed.filter((b) => b !== 'cpu') : passed, options);
  rejected.push(...timing.failures);
  const { winner } = timing;
  if (!(await tf.setBackend(winner.backend)))
    throw new Error(`${winner.backend} failed to initialise again after its timing`);
  await tf.ready();
  return {
    backend: winner.backend,
    sampler: winner.sampler,
    timing,
    rejected,
    summary: describeTimedChoice(timing, rejected),
  };
}

export function describeTimedChoice(timing: BackendTiming, rejected: readonly BackendRejection[]): string {
  const { winner } = timing;
  // The best pair of each backend, in ranking order: "wasm 150 ms/step, cpu 4,400 ms/step".
  const seen = new Set<BackendName>();
  const others = timing.ranking
    .filter((e) => !seen.has(e.backend) && seen.add(e.backend))
    .map((e) => `${e.backend} ${Math.round(e.msPerStep).toLocaleString('en-US')} ms/step`);
  let text = `Using ${winner.backend} with the ${winner.sampler} sampler, the fastest when timed (${others.join(', ')}).`;
  if (rejected.length > 0)
    text += ` Passed over ${rejected.map((r) => `${r.backend} (${r.reason})`).join(', ')}.`;
  return text;
}
