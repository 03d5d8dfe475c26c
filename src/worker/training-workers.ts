/**
 * Data-parallel training in the page: the simulation worker starts training workers
 * (training.worker.ts) as nested workers. Buffers are shared where the page is cross-origin
 * isolated and transferred where it is not, so a static host without COOP/COEP headers still
 * trains on every core.
 */
import { replicaPort, type FromReplica, type ReplicaPort } from '../engine/parallel/replica-messages';
import type { ReplicaHost } from '../engine/parallel/replica-host';

function spawnTrainingWorker(): ReplicaPort {
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'training',
  });
  const { port, fail } = replicaPort({
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: (handler) =>
      worker.addEventListener('message', (e: MessageEvent<FromReplica>) => handler(e.data)),
    terminate: () => worker.terminate(),
  });
  worker.addEventListener('error', (e: ErrorEvent) => {
    e.preventDefault();
    fail(`it crashed: ${e.message || 'the worker script failed'}`);
  });
  worker.addEventListener('messageerror', () => fail('a message to it could not be read'));
  return port;
}

/** The host the simulation worker offers the engine: one thread per logical core. */
export function browserReplicaHost(): ReplicaHost {
  const scope = self as unknown as {
    crossOriginIsolated?: boolean;
    navigator: { hardwareConcurrency?: number };
  };
  return {
    hardwareThreads: scope.navigator.hardwareConcurrency ?? 1,
    shared: scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function',
    spawn: spawnTrainingWorker,
  };
}
