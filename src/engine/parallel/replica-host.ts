/**
 * What the environment gives data-parallel training: how to start a training worker, how many
 * hardware threads there are, and whether buffers can be shared. The page's simulation worker
 * and the CLI each provide one (src/worker/, src/cli/); the engine decides how many to start.
 */
import type { BackendName } from '../backend';
import type { ModelShape } from '../model/shape';
import { parameterCount } from '../model/shape';
import type { ReplicaPort } from './replica-messages';
import { ReplicaPool, type DroppedReplica } from './replica-pool';

export interface ReplicaHost {
  /** navigator.hardwareConcurrency in a page, os.availableParallelism() in Node. */
  hardwareThreads: number;
  /** SharedArrayBuffer can be posted (Node; a cross-origin-isolated page). */
  shared: boolean;
  /** Starts one training worker. */
  spawn(): ReplicaPort;
}

/** Data-parallel training's environment, and where its notices go (the count used, a worker dropped). */
export interface ParallelTraining {
  host: ReplicaHost;
  notice(message: string): void;
}

/**
 * Backends whose kernels run on this thread's CPU, where more threads mean more arithmetic. On
 * WebGL and WebGPU every worker would queue on the same GPU: one worker trains there.
 */
const PARALLEL_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

/** More threads than this gain nothing on the default model: a batch of 32 dealt 8 ways is 4 windows each. */
const MOST_AUTOMATIC_WORKERS = 8;

/** Workers a run uses, the coordinator included: the setting, or one per hardware thread (0 = automatic). */
export function workerCount(
  setting: number,
  host: Pick<ReplicaHost, 'hardwareThreads'>,
  backend: BackendName,
  batchSize: number,
): number {
  if (!PARALLEL_BACKENDS.includes(backend)) return 1;
  const wanted =
    setting > 0 ? setting : Math.min(MOST_AUTOMATIC_WORKERS, Math.max(1, Math.floor(host.hardwareThreads)));
  return Math.max(1, Math.min(wanted, batchSize));
}

/** The replicas beside the coordinator for a run of `workers` workers (none for one worker). */
export async function startReplicas(
  host: ReplicaHost,
  workers: number,
  backend: BackendName,
  shape: ModelShape,
  onDrop: (d: DroppedReplica) => void,
): Promise<ReplicaPool | null> {
  if (workers <= 1) return null;
  const ports = Array.from({ length: workers - 1 }, () => host.spawn());
  return ReplicaPool.start(ports, backend, shape, parameterCount(shape), { shared: host.shared, onDrop });
}
