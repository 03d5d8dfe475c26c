/**
 * Data-parallel training: each step's batch is dealt into shards, one for this thread and one per
 * replica; the replicas compute their shards' gradients while this thread computes its own, the
 * gradients are summed in shard order (shards.ts), and one AdamW update is applied here. The new
 * weights then go to every replica, so all of them start the next step, and sample, from the
 * same weights. docs/ARCHITECTURE.md ("Using every core") describes the design.
 */
import * as tf from '@tensorflow/tfjs';
import type { Windows } from '../model/train/batches';
import { packToArray } from '../model/train/flat-buffers';
import type { Gpt } from '../model/gpt';
import { lossAndGradients } from '../model/train/step';
import { Trainer, type TrainingSettings } from '../model/train/trainer';
import type { Rng } from '../rng';
import type { ReplicaPool } from './replica-pool';
import { combineShards, splitWindows, type WeightedPart } from './shards';

export class DataParallelTrainer extends Trainer {
  /** Whether the replicas hold the weights of the last update. */
  private replicasCurrent = false;
  /** This thread's shard gradient and the batch's, reused every step (no garbage per step). */
  private readonly localGradient: Float32Array;
  private readonly batchGradient: Float32Array;

  constructor(
    model: Gpt,
    settings: TrainingSettings,
    rng: Rng,
    private readonly pool: ReplicaPool,
  ) {
    super(model, settings, rng);
    this.localGradient = new Float32Array(this.optimizer.packedSize);
    this.batchGradient = new Float32Array(this.optimizer.packedSize);
  }

  /** One shard's mean loss and packed gradient, computed on this thread (into `into` when given). */
  private async localShard(windows: Windows, into?: Float32Array): Promise<WeightedPart> {
    const { loss, grads } = lossAndGradients(this.model, windows);
    try {
      const gradient = await packToArray(grads, this.optimizer.packingOrder, into);
      return { batch: windows.batch, loss: (await loss.data())[0], gradient };
    } finally {
      tf.dispose([loss, ...grads]);
    }
  }

  /** Sends the current weights to every replica (before the first step, and after each update). */
  async syncReplicas(): Promise<void> {
    if (this.pool.size === 0) return;
    const host = this.optimizer.hostWeights();
    if (host) {
      this.pool.setWeights(host);
      this.replicasCurrent = true;
      return;
    }
    const flat = this.optimizer.flatWeights();
    try {
      this.pool.setWeights((await flat.data()) as Float32Array);
    } finally {
      flat.dispose();
    }
    this.replicasCurrent = true;
  }

  protected override async trainingStep(stream: Int32Array): Promise<tf.Scalar | number> {
    if (this.pool.size === 0) return this.step(stream);
    if (!this.replicasCurrent) await this.syncReplicas();
    const { windows, lr } = this.nextBatch(stream);
    const shards = splitWindows(windows, this.pool.size + 1, this.model.shape.contextLength);
    const remote = this.pool.gradients(shards.slice(1));
    const parts: WeightedPart[] = [await this.localShard(shards[0], this.localGradient)];
    const answers = await remote;
    for (let i = 0; i < answers.length; i++) {
      const shard = shards[i + 1];
      const answer = answers[i];
      // A replica dropped mid-step: its shard is computed here, so the step is the same step.
      parts.push(answer ? { batch: shard.batch, ...answer } : await this.localShard(shard));
    }
    const { loss, gradient, squaredNorm } = combineShards(parts, this.batchGradient);
    this.replicasCurrent = false;
    // On the host the new weights go out before this thread writes its own copy of them.
    this.optimizer.applyPackedValues(gradient, lr, {
      squaredNorm,
      updated: (weights) => {
        this.pool.setWeights(weights);
        this.replicasCurrent = true;
      },
    });
    if (!this.replicasCurrent) await this.syncReplicas();
    return loss;
  }
}
