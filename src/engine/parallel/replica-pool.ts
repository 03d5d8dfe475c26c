/**
 * The coordinator's side of data-parallel training: its replicas, the weights they hold and the
 * work in flight on each. A replica that fails its backend check, dies or answers with an error
 * is dropped; the work it held comes back as `null`, for the coordinator to do itself, so a
 * run goes on with the replicas that are left (and, with none left, on the coordinator alone).
 */
import type { BackendName } from '../backend';
import type { Windows } from '../model/train/batches';
import type { ModelShape } from '../model/shape';
import type { SampledDocuments } from '../model/infer/sample';
import type { FromReplica, ReplicaPort, SampleRequest, SharedBuffers } from './replica-messages';

export interface ShardGradient {
  /** Mean loss over the shard's positions. */
  loss: number;
  /**
   * The packed gradient of that mean loss. With shared buffers it is a view of the replica's
   * gradient buffer, valid until the next request to the pool.
   */
  gradient: Float32Array;
}

/** Why a replica left the pool, for the run's notices. */
export interface DroppedReplica {
  index: number;
  reason: string;
}

interface Pending {
  resolve(message: FromReplica | null): void;
}

class Member {
  readonly pending = new Map<number, Pending>();
  alive = true;
  /** Requests in flight (sampling takes the least busy replica). */
  busy = 0;

  constructor(
    readonly index: number,
    readonly port: ReplicaPort,
    readonly shared: SharedBuffers | null,
  ) {}
}

/** How long a replica may take to load its backend and pass the check before it is dropped. */
const READY_TIMEOUT_MS = 120_000;

export class ReplicaPool {
  private readonly members: Member[] = [];
  private readonly sharedWeights: Float32Array | null;
  private nextId = 0;
  readonly dropped: DroppedReplica[] = [];

  private constructor(
    ports: readonly ReplicaPort[],
    readonly parameterCount: number,
    shared: boolean,
    private readonly onDrop: (d: DroppedReplica) => void,
  ) {
    this.sharedWeights = shared ? new Float32Array(new SharedArrayBuffer(parameterCount * 4)) : null;
    ports.forEach((port, index) => {
      const buffers = this.sharedWeights
        ? {
            weights: this.sharedWeights.buffer as SharedArrayBuffer,
            gradients: new SharedArrayBuffer(parameterCount * 4),
          }
        : null;
      const member = new Member(index + 1, port, buffers);
      port.onMessage((m) => this.receive(member, m));
      port.onFailure((reason) => this.drop(member, reason));
      this.members.push(member);
    });
  }

  /**
   * Starts replicas on `ports`: each loads `backend`, checks it and builds a model of `shape`.
   * Resolves with the pool of those that became ready (possibly none).
   */
  static async start(
    ports: readonly ReplicaPort[],
    backend: BackendName,
    shape: ModelShape,
    parameterCount: number,
    options: { shared: boolean; onDrop?: (d: DroppedReplica) => void },
  ): Promise<ReplicaPool> {
    const pool = new ReplicaPool(ports, parameterCount, options.shared, options.onDrop ?? (() => {}));
    await Promise.all(
      pool.members.map(async (member) => {
        const ready = pool.request(member, -1);
        member.port.post({ type: 'init', backend, shape, shared: member.shared }, []);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<null>(
          (resolve) => (timer = setTimeout(() => resolve(null), READY_TIMEOUT_MS)),
        );
        const answer = await Promise.race([ready, timeout]);
        clearTimeout(timer);
        if (answer === null)
          pool.drop(member, `its ${backend} backend was not ready within ${READY_TIMEOUT_MS / 1000} s`);
        else if (answer.type === 'failed')
          pool.drop(member, `its ${backend} backend failed its check: ${answer.reason}`);
      }),
    );
    return pool;
  }

  /** Replicas taking work now. */
  get size(): number {
    return this.live().length;
  }

  private live(): Member[] {
    return this.members.filter((m) => m.alive);
  }

  private receive(member: Member, message: FromReplica): void {
    const id = message.type === 'ready' || message.type === 'failed' ? -1 : message.id;
    if (message.type === 'error' && id === -1) {
      this.drop(member, message.message);
      return;
    }
    const pending = member.pending.get(id);
    if (!pending) return;
    member.pending.delete(id);
    if (message.type === 'error') {
      this.drop(member, message.message);
      pending.resolve(null);
    } else pending.resolve(message);
  }

  /** The answer to request `id`, or null if the replica is dropped first. */
  private request(member: Member, id: number): Promise<FromReplica | null> {
    if (!member.alive) return Promise.resolve(null);
    return new Promise((resolve) => member.pending.set(id, { resolve }));
  }

  private drop(member: Member, reason: string): void {
    if (!member.alive) return;
    member.alive = false;
    member.port.terminate();
    for (const pending of member.pending.values()) pending.resolve(null);
    member.pending.clear();
    const dropped = { index: member.index, reason };
    this.dropped.push(dropped);
    this.onDrop(dropped);
  }

  /** Every live replica takes these weights (packed in AdamW's order) before its next request. */
  setWeights(weights: Float32Array): void {
    if (weights.length !== this.parameterCount)
      throw new RangeError(`weights have ${weights.length} values, the model ${this.parameterCount}`);
    if (this.sharedWeights) {
      this.sharedWeights.set(weights);
      for (const m of this.live()) m.port.post({ type: 'weights', values: null }, []);
      return;
    }
    for (const m of this.live()) {
      const copy = weights.slice();
      m.port.post({ type: 'weights', values: copy }, [copy.buffer]);
    }
  }

  /**
   * The gradients of the shards, the i-th on the i-th live replica (there must be no more shards
   * than replicas): null for a shard whose replica was dropped before answering.
   */
  gradients(shards: readonly Windows[]): Promise<(ShardGradient | null)[]> {
    const live = this.live();
    if (shards.length > live.length)
      throw new RangeError(`${shards.length} shards for ${live.length} replicas`);
    return Promise.all(
      shards.map(async (shard, i) => {
        const member = live[i];
        const id = this.nextId++;
        const answer = this.request(member, id);
        // Copies: the caller's windows stay usable, and the copies' buffers can be transferred.
        const inputs = shard.inputs.slice();
        const targets = shard.targets.slice();
        member.port.post({ type: 'gradients', id, batch: shard.batch, inputs, targets }, [
          inputs.buffer,
          targets.buffer,
        ]);
        const message = await answer;
        if (!message || message.type !== 'gradients') return null;
        const gradient = message.values ?? (member.shared ? new Float32Array(member.shared.gradients) : null);
        if (!gradient || gradient.length !== this.parameterCount) {
          this.drop(member, 'it answered with a gradient of the wrong size');
          return null;
        }
        return { loss: message.loss, gradient };
      }),
    );
  }

  /**
   * Documents sampled by the least busy live replica with the weights it holds, or null when no
   * replica is left (or the one asked was dropped before answering).
   */
  async sample(request: SampleRequest): Promise<SampledDocuments | null> {
    const live = this.live();
    if (live.length === 0) return null;
    const member = live.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    const answer = this.request(member, id);
    member.busy++;
    member.port.post({ type: 'sample', id, request }, []);
    try {
      const message = await answer;
      return message && message.type === 'sampled'
        ? { documents: message.documents, hitCap: message.hitCap }
        : null;
    } finally {
      member.busy--;
    }
  }

  /** Ends every replica's worker. */
  dispose(): void {
    for (const m of this.members) {
      if (m.alive) m.port.terminate();
      m.alive = false;
    }
  }
}
