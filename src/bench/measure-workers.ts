/**
 * The benchmark page's data-parallel figure: on wasm and cpu, the model trained and sampled by
 * one worker per logical core (nested Web Workers, as the simulator starts them) and by one
 * worker, in alternating rounds.
 */
import { parameterCount, type ModelShape } from '../engine/model/shape';
import { createGpt } from '../engine/model/gpt';
import { startReplicas } from '../engine/parallel/replica-host';
import { createRng } from '../engine/rng';
import { browserReplicaHost } from '../worker/training-workers';
import type { BackendName, DataParallelFigures } from './protocol';
import { compareWorkerCounts, describeCeiling, measureCeiling } from './worker-figures';

/** The figures with every core, or null where one worker is all there is (or a GPU backend). */
export async function measureWorkers(
  backend: BackendName,
  shape: ModelShape,
  stream: Int32Array,
  timedSteps: number,
  say: (line: string) => void,
): Promise<DataParallelFigures | null> {
  const host = browserReplicaHost();
  if ((backend !== 'wasm' && backend !== 'cpu') || host.hardwareThreads < 2) return null;
  const pool = await startReplicas(host, host.hardwareThreads, backend, shape, (d) =>
    say(`${backend}: a training worker was dropped (${d.reason})`),
  );
  const model = createGpt(shape, createRng('bench-init'));
  try {
    const [figures, one] = await compareWorkerCounts(model, [pool, null], stream, timedSteps);
    const ceiling = await measureCeiling(host, backend, shape, stream, figures.workers);
    const result = {
      workers: figures.workers,
      sharedBuffers: host.shared,
      trainMsPerStep: figures.trainMsPerStep,
      singleTrainMsPerStep: one.trainMsPerStep,
      trainSpeedup: +(one.trainMsPerStep / figures.trainMsPerStep).toFixed(2),
      kvCacheCharsPerSec: figures.sampleCharsPerSec,
      singleKvCacheCharsPerSec: one.sampleCharsPerSec,
      sampleSpeedup: +(figures.sampleCharsPerSec / one.sampleCharsPerSec).toFixed(2),
      ceiling,
    };
    say(
      `${backend} with ${result.workers} workers (${host.shared ? 'shared' : 'transferred'} buffers, ${parameterCount(shape).toLocaleString('en-US')} parameters): ` +
        `${result.trainMsPerStep} ms/step against ${result.singleTrainMsPerStep} for one (${result.trainSpeedup}x), ` +
        `kv-cache ${result.kvCacheCharsPerSec} chars/s against ${result.singleKvCacheCharsPerSec} (${result.sampleSpeedup}x); ` +
        describeCeiling(ceiling),
    );
    return result;
  } finally {
    model.dispose();
    pool?.dispose();
  }
}
