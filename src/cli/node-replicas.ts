/**
 * Data-parallel training in Node: training workers are worker_threads running replica-thread.ts.
 * Node always has SharedArrayBuffer, so weights and gradients travel through shared memory.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { replicaPort, type FromReplica, type ReplicaPort } from '../engine/parallel/replica-messages';
import type { ReplicaHost } from '../engine/parallel/replica-host';

/**
 * The thread loads the TypeScript source through tsx, as the CLI itself runs: a worker does not
 * inherit the parent's loader, and `--import tsx` in a worker's execArgv does not reach its
 * entry module, so a one-line script imports it through tsx's API.
 */
const THREAD_SCRIPT = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./replica-thread.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`;

/**
 * A new training worker thread. The bundled benchmark (bundle-bench.ts) names its own built
 * entry in COLLAPSE_LAB_REPLICA_ENTRY, where there is neither tsx nor TypeScript source.
 */
export function startReplicaThread(): Worker {
  const bundled = process.env.COLLAPSE_LAB_REPLICA_ENTRY;
  return bundled ? new Worker(new URL(bundled)) : new Worker(THREAD_SCRIPT, { eval: true });
}

/** The coordinator's end of a training worker thread: its death (an error, an exit) is a failure. */
export function portOfThread(worker: Worker): ReplicaPort {
  const { port, fail } = replicaPort({
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: (handler) => worker.on('message', (m: FromReplica) => handler(m)),
    terminate: () => void worker.terminate(),
  });
  worker.on('error', (e) => fail(`it crashed: ${e.message}`));
  worker.on('exit', (code) => fail(`it exited with code ${code}`));
  return port;
}

/** This machine's host for training workers (`os.availableParallelism()` threads). */
export function nodeReplicaHost(
  spawn: () => ReplicaPort = () => portOfThread(startReplicaThread()),
): ReplicaHost {
  return { hardwareThreads: os.availableParallelism(), shared: true, spawn };
}
