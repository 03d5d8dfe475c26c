/**
 * Data-parallel figures shared by `npm run bench` (worker threads) and the benchmark page (nested
 * Web Workers): the median time of a training step, and the KV-cache characters per second of
 * one sampling call per worker at once, for a model and its pool of replicas (null: one worker).
 */
import type { Gpt } from '../engine/model/gpt';
import { sampleDocuments } from '../engine/model/infer/sample';
import { sampleWindows } from '../engine/model/train/batches';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/train/trainer';
import { DataParallelTrainer } from '../engine/parallel/data-parallel-trainer';
import { startReplicas, type ReplicaHost } from '../engine/parallel/replica-host';
import type { ReplicaPool } from '../engine/parallel/replica-pool';
import type { ModelShape } from '../engine/model/shape';
import { createRng } from '../engine/rng';
import { SAMPLE_BATCH } from '../engine/loop/families/transformer';

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One sampling call of a generation: SAMPLE_BATCH sequences together, here each 256 characters. */
const SAMPLE = {
  count: SAMPLE_BATCH,
  maxLength: 256,
  decoding: { temperature: 1, topK: 0, topP: 1 },
  batchSize: SAMPLE_BATCH,
  sampler: 'kv-cache' as const,
  stopAtEod: false,
};

/** Milliseconds of each timed step (after `warmup` untimed ones), the loss read back every step. */
export async function trainStepTimes(
  model: Gpt,
  pool: ReplicaPool | null,
  stream: Int32Array,
  warmup: number,
  timed: number,
): Promise<number[]> {
  const settings = { ...DEFAULT_TRAINING, steps: warmup + timed, reportEvery: 1 };
  const rng = createRng('bench-train');
  const trainer = pool
    ? new DataParallelTrainer(model, settings, rng, pool)
    : new Trainer(model, settings, rng);
  const stamps: number[] = [];
  try {
    await trainer.train(stream, () => {
      stamps.push(performance.now());
    });
  } finally {
    trainer.dispose();
  }
  return stamps.slice(warmup).map((t, i) => t - stamps[warmup + i - 1]);
}

/** Characters per second of one sampling call per worker at once (SAMPLE each): one here, the rest on the replicas. */
export async function samplingRate(model: Gpt, pool: ReplicaPool | null, round: number): Promise<number> {
  const t0 = performance.now();
  const local = sampleDocuments(model, SAMPLE, createRng(`bench-sample-${round}-0`));
  const remote = Array.from({ length: pool?.size ?? 0 }, (_, i) =>
    pool!.sample({ ...SAMPLE, seed: createRng(`bench-sample-${round}-${i + 1}`).seed }),
  );
  const results = [await local, ...(await Promise.all(remote))];
  const chars = results.reduce((n, r) => n + (r ? r.documents.reduce((m, d) => m + d.length + 1, 0) : 0), 0);
  return chars / ((performance.now() - t0) / 1000);
}

export interface WorkerFigures {
  workers: number;
  trainMsPerStep: number;
  trainTokensPerSec: number;
  sampleCharsPerSec: number;
  /** How many step times the median is over. */
  timedSteps: number;
}

/** Untimed steps before the timed ones of each block (the first block has more: see below). */
const BLOCK_WARMUP_STEPS = 3;
/**
 * Untimed steps of each worker count before anything is timed. V8 first runs new code on its
 * baseline compilers and optimises what is hot on background threads; with every core training
 * those threads get little time, and two workers only reach their steady step after about a
 * hundred steps (a generation trains 1,400).
 */
const FIRST_WARMUP_STEPS = 150;
/** Sampling calls timed per pool in each round. */
const SAMPLING_CALLS = 3;
/** Untimed sampling calls of each worker count first, for the same reason as its first steps. */
const SAMPLING_WARMUP_CALLS = 6;

/**
 * Training and sampling figures of one model with each of `pools` (null: this thread alone),
 * measured in `rounds` alternating rounds (every pool's block in each round) so that drift on a
 * shared machine falls on every worker count alike; each figure is the median over all rounds.
 */
export async function compareWorkerCounts(
  model: Gpt,
  pools: readonly (ReplicaPool | null)[],
  stream: Int32Array,
  timedSteps: number,
  rounds = 2,
): Promise<WorkerFigures[]> {
  const steps = pools.map(() => [] as number[]);
  const rates = pools.map(() => [] as number[]);
  for (const pool of pools) {
    await trainStepTimes(model, pool, stream, FIRST_WARMUP_STEPS, 0);
    for (let call = 0; call < SAMPLING_WARMUP_CALLS; call++) await samplingRate(model, pool, -1 - call);
  }
  for (let round = 0; round < rounds; round++) {
    for (const [i, pool] of pools.entries()) {
      steps[i].push(...(await trainStepTimes(model, pool, stream, BLOCK_WARMUP_STEPS, timedSteps)));
      for (let call = 0; call < SAMPLING_CALLS; call++)
        rates[i].push(await samplingRate(model, pool, round * SAMPLING_CALLS + call));
    }
  }
  return pools.map((pool, i) => {
    const ms = median(steps[i]);
    return {
      workers: 1 + (pool?.size ?? 0),
      trainMsPerStep: +ms.toFixed(2),
      trainTokensPerSec: Math.round((DEFAULT_TRAINING.batchSize * model.shape.contextLength * 1000) / ms),
      sampleCharsPerSec: Math.round(median(rates[i])),
      timedSteps: steps[i].length,
    };
  });
}

/** What the cores of this machine allow k workers, measured with no code of ours in between. */
export interface ParallelCeiling {
  workers: number;
  /** Median ms of one whole-batch gradient on one replica while the others are idle. */
  aloneMs: number;
  /** Median ms until every replica has computed one whole-batch gradient, all at once. */
  togetherMs: number;
  /** workers x aloneMs / togetherMs: the most a k-worker step could gain over one worker here. */
  ceiling: number;
}

/**
 * The machine's ceiling for data parallelism: each replica computes the gradient of a whole batch
 * by itself (nothing summed, no update, no weights sent), first one replica alone and then all of
 * them at once, alternating so that drift on a shared machine falls on both. Where cores slow
 * each other (shared caches and memory bandwidth, a virtual machine's neighbours) the ceiling is
 * under k, and no division of the work between workers can beat it. `warmups` untimed rounds of
 * every replica at once come first.
 */
export async function parallelCeiling(
  pool: ReplicaPool,
  stream: Int32Array,
  contextLength: number,
  rounds: number,
  warmups = 1,
): Promise<ParallelCeiling> {
  const rng = createRng('bench-ceiling');
  const batch = () => sampleWindows(stream, DEFAULT_TRAINING.batchSize, contextLength, rng);
  const timed = async (shards: number) => {
    const windows = Array.from({ length: shards }, batch);
    const t0 = performance.now();
    const answers = await pool.gradients(windows);
    if (answers.some((a) => a === null))
      throw new Error('a training worker was dropped while the ceiling was measured');
    return performance.now() - t0;
  };
  for (let i = 0; i < warmups; i++) await timed(pool.size);
  const alone: number[] = [];
  const together: number[] = [];
  for (let round = 0; round < rounds; round++) {
    alone.push(await timed(1));
    together.push(await timed(pool.size));
  }
  const aloneMs = median(alone);
  const togetherMs = median(together);
  return {
    workers: pool.size,
    aloneMs: +aloneMs.toFixed(2),
    togetherMs: +togetherMs.toFixed(2),
    ceiling: +((pool.size * aloneMs) / togetherMs).toFixed(2),
  };
}

/** Rounds of the ceiling's measurement (each: one worker alone, then all at once). */
const CEILING_ROUNDS = 9;
/** Untimed whole-batch gradients on every replica at once first: as many windows as FIRST_WARMUP_STEPS's. */
const CEILING_WARMUPS = 75;

/**
 * The ceiling for `workers` workers on a pool of their own, started for it and ended after:
 * `workers` replicas do all the work while this thread only waits.
 */
export async function measureCeiling(
  host: ReplicaHost,
  backend: 'wasm' | 'cpu',
  shape: ModelShape,
  stream: Int32Array,
  workers: number,
  rounds = CEILING_ROUNDS,
): Promise<ParallelCeiling> {
  // startReplicas counts this thread among its workers: one more gives `workers` replicas. A
  // replica dropped meanwhile is reported by parallelCeiling, whose request it leaves unanswered.
  const pool = await startReplicas(host, workers + 1, backend, shape, () => {});
  if (!pool) throw new RangeError(`the ceiling needs at least one worker, not ${workers}`);
  try {
    return await parallelCeiling(pool, stream, shape.contextLength, rounds, CEILING_WARMUPS);
  } finally {
    pool.dispose();
  }
}

/** The ceiling in one line, as both benchmarks print it. */
export const describeCeiling = (c: ParallelCeiling): string =>
  `ceiling ${c.ceiling}x (${c.workers} workers each computing a whole batch's gradient at once: ${c.togetherMs} ms against ${c.aloneMs} ms for one alone)`;
