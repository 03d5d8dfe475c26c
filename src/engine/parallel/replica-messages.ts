/**
 * Messages between a coordinator (the simulation worker, or the CLI's main thread) and its
 * training replicas (one worker each). A replica holds a copy of the model: it computes the
 * gradient of its share of each batch, and samples documents, with the weights it was last sent.
 *
 * Buffers travel one of two ways. With SharedArrayBuffer (Node, and a page that is
 * cross-origin isolated) the weights and each replica's gradient live in shared memory set up at
 * `init`, and messages carry no array. Without it (a static host that cannot send COOP/COEP
 * headers) the arrays are transferred with the messages.
 */
import type { BackendName } from '../backend';
import type { DecodingSettings } from '../decoding';
import type { ModelShape } from '../model/shape';
import type { SamplerKind } from '../model/infer/sample';

export interface SharedBuffers {
  /** The coordinator's weights after its last update, in AdamW's packing order. */
  weights: SharedArrayBuffer;
  /** This replica's packed gradient of its last shard. */
  gradients: SharedArrayBuffer;
}

export interface SampleRequest {
  count: number;
  maxLength: number;
  decoding: DecodingSettings;
  prompt?: Int32Array;
  batchSize: number;
  sampler: SamplerKind;
  /** false: an EOD does not end a document (benchmarks that need full-length sequences). */
  stopAtEod?: boolean;
  /** Seed of a fresh random stream (Rng.seed of the split the caller would have used). */
  seed: number;
}

export type ToReplica =
  | { type: 'init'; backend: BackendName; shape: ModelShape; shared: SharedBuffers | null }
  /** New weights: in `values`, or (shared) in the shared weights buffer. */
  | { type: 'weights'; values: Float32Array | null }
  | { type: 'gradients'; id: number; batch: number; inputs: Int32Array; targets: Int32Array }
  | { type: 'sample'; id: number; request: SampleRequest };

export type FromReplica =
  /** The backend initialised and passed its check: the replica takes work. */
  | { type: 'ready' }
  | { type: 'failed'; reason: string }
  /** Mean loss of the shard; the packed gradient in `values` or (shared) in the gradient buffer. */
  | { type: 'gradients'; id: number; loss: number; values: Float32Array | null }
  | { type: 'sampled'; id: number; documents: Int32Array[]; hitCap: boolean[] }
  | { type: 'error'; id: number; message: string };

/** The coordinator's end of one replica's channel (a Web Worker or a worker_threads Worker). */
export interface ReplicaPort {
  post(message: ToReplica, transfer: ArrayBuffer[]): void;
  /** Every message of the replica, in order. */
  onMessage(handler: (message: FromReplica) => void): void;
  /** The worker died (an uncaught error, a crash, an exit): called at most once. */
  onFailure(handler: (reason: string) => void): void;
  terminate(): void;
}

/** The replica's end of its channel. */
export interface CoordinatorPort {
  post(message: FromReplica, transfer: ArrayBuffer[]): void;
  onMessage(handler: (message: ToReplica) => void): void;
}

/** What a port needs of a worker, whichever kind it is. */
export interface WorkerHandle {
  post(message: ToReplica, transfer: ArrayBuffer[]): void;
  listen(handler: (message: FromReplica) => void): void;
  terminate(): void;
}

/**
 * A ReplicaPort over a worker, and the `fail` its environment calls when the worker dies (an
 * uncaught error, an exit): the pool hears of a death once, and not after it ended the worker.
 */
export function replicaPort(worker: WorkerHandle): { port: ReplicaPort; fail(reason: string): void } {
  let failed: ((reason: string) => void) | null = null;
  let ended = false;
  return {
    port: {
      post: (message, transfer) => worker.post(message, transfer),
      onMessage: (handler) => worker.listen(handler),
      onFailure: (handler) => (failed = handler),
      terminate: () => {
        ended = true;
        worker.terminate();
      },
    },
    fail(reason) {
      if (ended) return;
      ended = true;
      failed?.(reason);
    },
  };
}
