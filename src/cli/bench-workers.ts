/**
 * The data-parallel part of `npm run bench`: the same model trained and sampled by 1 and by k
 * workers (worker threads, shared buffers) in one process, so the ratio compares like with like
 * (the figures themselves: src/bench/worker-figures.ts, shared with the benchmark page).
 */
import { nodeReplicaHost } from './node-replicas';
import type { ModelShape } from '../engine/model/shape';
import { createGpt } from '../engine/model/gpt';
import { startReplicas } from '../engine/parallel/replica-host';
import { createRng } from '../engine/rng';
import { compareWorkerCounts, type WorkerFigures } from '../bench/worker-figures';
import type { ReplicaPool } from '../engine/parallel/replica-pool';
import { DEFAULT_CONFIG } from '../engine/config/defaults';
import { runSimulation } from '../engine/loop/run';

/**
 * Seconds of generation 0 of the default preset (its baseline not counted: from the start of
 * the generation to its report) with each worker count, in one process on wasm.
 */
export async function benchGeneration(
  counts: readonly number[],
): Promise<{ workers: number; seconds: number }[]> {
  const out: { workers: number; seconds: number }[] = [];
  for (const workers of counts) {
    const config = { ...DEFAULT_CONFIG, generations: 1, compute: { workers } };
    let started = 0;
    let seconds = NaN;
    for await (const event of runSimulation(config, { replicaHost: nodeReplicaHost() })) {
      if (event.type === 'phase' && event.phase === 'sampling-corpus' && started === 0)
        started = performance.now();
      if (event.type === 'generationDone') seconds = (performance.now() - started) / 1000;
      if (event.type === 'error') throw new Error(`the default preset failed: ${event.message}`);
    }
    console.error(`default preset, generation 0 with ${workers} worker(s): ${seconds.toFixed(1)} s`);
    out.push({ workers, seconds: +seconds.toFixed(1) });
  }
  return out;
}

/**
 * Training and sampling figures for each worker count, on the current backend (wasm or cpu): a
 * pool per count, started together and measured in alternating rounds (compareWorkerCounts).
 */
export async function benchWorkers(
  backend: 'wasm' | 'cpu',
  shape: ModelShape,
  stream: Int32Array,
  counts: readonly number[],
  timedSteps: number,
): Promise<WorkerFigures[]> {
  const pools: (ReplicaPool | null)[] = [];
  const model = createGpt(shape, createRng('bench-init'));
  try {
    for (const workers of counts)
      pools.push(
        await startReplicas(nodeReplicaHost(), workers, backend, shape, (d) => {
          throw new Error(`a training worker was dropped during the benchmark: ${d.reason}`);
        }),
      );
    const out = await compareWorkerCounts(model, pools, stream, timedSteps);
    for (const figures of out)
      console.error(
        `${backend} ${figures.workers} worker(s): ${figures.trainMsPerStep.toFixed(1)} ms/step (median of ${figures.timedSteps}), kv-cache sampling ${figures.sampleCharsPerSec} chars/s over ${figures.workers} call(s)`,
      );
    return out;
  } finally {
    model.dispose();
    for (const pool of pools) pool?.dispose();
  }
}
