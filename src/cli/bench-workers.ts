/**
 * The data-parallel part of `npm run bench`: the same model trained and sampled by 1 and by k
 * workers (worker threads, shared buffers) in one process, so the ratio compares like with like.
 * Training: the median wall time of a step over the timed steps. Sampling: KV-cache characters
 * per second of k sampling calls at once (one per worker), against one call on one worker.
 */
import { nodeReplicaHost } from './node-replicas';
import type { ModelShape } from '../engine/model/config';
import { createGpt, type Gpt } from '../engine/model/gpt';
import { sampleDocuments } from '../engine/model/sample';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/trainer';
import { DataParallelTrainer } from '../engine/parallel/data-parallel-trainer';
import { startReplicas } from '../engine/parallel/replica-host';
import type { ReplicaPool } from '../engine/parallel/replica-pool';
import { createRng } from '../engine/rng';
import { DEFAULT_CONFIG } from '../engine/config/defaults';
import { runSimulation } from '../engine/loop/run';

export interface WorkerFigures {
  workers: number;
  trainMsPerStep: number;
  trainTokensPerSec: number;
  sampleCharsPerSec: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const SAMPLE = { count: 16, maxLength: 256, decoding: { temperature: 1, topK: 0, topP: 1 }, batchSize: 16, sampler: 'kv-cache' as const, stopAtEod: false };

async function trainTimes(model: Gpt, pool: ReplicaPool | null, stream: Int32Array, warmup: number, timed: number): Promise<number[]> {
  const settings = { ...DEFAULT_TRAINING, steps: warmup + timed, reportEvery: 1 };
  const rng = createRng('bench-train');
  const trainer = pool ? new DataParallelTrainer(model, settings, rng, pool) : new Trainer(model, settings, rng);
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

/** Characters per second of `calls` sampling calls at once: one here, the rest on the replicas. */
async function sampleRate(model: Gpt, pool: ReplicaPool | null, round: number): Promise<number> {
  const t0 = performance.now();
  const local = sampleDocuments(model, SAMPLE, createRng(`bench-sample-${round}-0`));
  const remote = Array.from({ length: pool?.size ?? 0 }, (_, i) => pool!.sample({ ...SAMPLE, seed: createRng(`bench-sample-${round}-${i + 1}`).seed }));
  const results = [await local, ...(await Promise.all(remote))];
  const chars = results.reduce((n, r) => n + (r ? r.documents.reduce((m, d) => m + d.length + 1, 0) : 0), 0);
  return chars / ((performance.now() - t0) / 1000);
}

/**
 * Seconds of generation 0 of the default preset (its baseline not counted: from the start of
 * the generation to its report) with each worker count, in one process on wasm.
 */
export async function benchGeneration(counts: readonly number[]): Promise<{ workers: number; seconds: number }[]> {
  const out: { workers: number; seconds: number }[] = [];
  for (const workers of counts) {
    const config = { ...DEFAULT_CONFIG, generations: 1, compute: { workers } };
    let started = 0;
    let seconds = NaN;
    for await (const event of runSimulation(config, { replicaHost: nodeReplicaHost() })) {
      if (event.type === 'phase' && event.phase === 'sampling-corpus' && started === 0) started = performance.now();
      if (event.type === 'generationDone') seconds = (performance.now() - started) / 1000;
      if (event.type === 'error') throw new Error(`the default preset failed: ${event.message}`);
    }
    console.error(`default preset, generation 0 with ${workers} worker(s): ${seconds.toFixed(1)} s`);
    out.push({ workers, seconds: +seconds.toFixed(1) });
  }
  return out;
}

/** Training and sampling figures for each worker count, on the current backend (wasm or cpu). */
export async function benchWorkers(backend: 'wasm' | 'cpu', shape: ModelShape, stream: Int32Array, counts: readonly number[], timedSteps: number): Promise<WorkerFigures[]> {
  const out: WorkerFigures[] = [];
  for (const workers of counts) {
    const pool = await startReplicas(nodeReplicaHost(), workers, backend, shape, (d) => {
      throw new Error(`a training worker was dropped during the benchmark: ${d.reason}`);
    });
    const model = createGpt(shape, createRng('bench-init'));
    try {
      const steps = await trainTimes(model, pool, stream, 3, timedSteps);
      const rates: number[] = [];
      await sampleRate(model, pool, -1); // warm-up: the JIT settles over the first few thousand kernel calls
      for (let round = 0; round < 3; round++) rates.push(await sampleRate(model, pool, round));
      const ms = median(steps);
      const figures = {
        workers: 1 + (pool?.size ?? 0),
        trainMsPerStep: +ms.toFixed(2),
        trainTokensPerSec: Math.round((DEFAULT_TRAINING.batchSize * shape.contextLength * 1000) / ms),
        sampleCharsPerSec: Math.round(median(rates)),
      };
      console.error(`${backend} ${figures.workers} worker(s): ${ms.toFixed(1)} ms/step (median of ${timedSteps}), kv-cache sampling ${figures.sampleCharsPerSec} chars/s over ${figures.workers} call(s)`);
      out.push(figures);
    } finally {
      model.dispose();
      pool?.dispose();
    }
  }
  return out;
}
