/**
 * Data-parallel training on real worker threads (wasm): two workers train the model one worker
 * trains, to float round-off; a run is reproducible; a worker that fails its backend check or
 * dies mid-run is dropped and training goes on.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeReplicaHost, portOfThread, startReplicaThread } from '../../../src/cli/node-replicas';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { modelShape, parameterCount } from '../../../src/engine/model/shape';
import { createGpt, type Gpt } from '../../../src/engine/model/gpt';
import { windowLogits } from '../../../src/engine/model/infer/logits';
import { DEFAULT_TRAINING, Trainer } from '../../../src/engine/model/train/trainer';
import { DataParallelTrainer } from '../../../src/engine/parallel/data-parallel-trainer';
import type { ReplicaPort } from '../../../src/engine/parallel/replica-messages';
import { startReplicas } from '../../../src/engine/parallel/replica-host';
import { ReplicaPool, type DroppedReplica } from '../../../src/engine/parallel/replica-pool';
import { createRng } from '../../../src/engine/rng';

const shape = modelShape('micro', 24);
const STEPS = 20;
/** A text with structure to learn: every symbol is a function of the two before it. */
const stream = Int32Array.from({ length: 6_000 }, (_, i) => (i * 7 + ((i * i) >> 4)) % 24);
const probeIds = Int32Array.from({ length: 2 * 32 }, (_, i) => stream[i * 3]);

interface Trained {
  losses: number[];
  logits: Float32Array;
  weights: Float32Array;
}

const pools: ReplicaPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

async function train(pool: ReplicaPool | null): Promise<Trained> {
  const model: Gpt = createGpt(shape, createRng('init'));
  const settings = { ...DEFAULT_TRAINING, steps: STEPS, batchSize: 8, reportEvery: 1 };
  const trainer = pool
    ? new DataParallelTrainer(model, settings, createRng('train'), pool)
    : new Trainer(model, settings, createRng('train'));
  const losses: number[] = [];
  try {
    await trainer.train(stream, (p) => {
      losses.push(p.loss);
    });
    const logits = tf.tidy(() => windowLogits(model, tf.tensor2d(probeIds, [2, 32], 'int32')));
    const weights = new Float32Array(parameterCount(shape));
    let at = 0;
    for (const v of model.variables) {
      weights.set(v.dataSync() as Float32Array, at);
      at += v.size;
    }
    const values = (await logits.data()) as Float32Array;
    logits.dispose();
    return { losses, logits: values, weights };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

async function pool(
  workers: number,
  host = nodeReplicaHost(),
  dropped: DroppedReplica[] = [],
): Promise<ReplicaPool> {
  const made = await startReplicas(host, workers, 'wasm', shape, (d) => dropped.push(d));
  if (!made) throw new Error('no pool for one worker');
  pools.push(made);
  return made;
}

const maxRelative = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(a[i]));
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
  }
  return worst / scale;
};

describe('data-parallel training', () => {
  beforeAll(() => useNodeBackend('wasm'));

  it(
    'two workers train the model one worker trains: losses and logits within 1e-4 after 20 steps',
    { timeout: 120_000 },
    async () => {
      const one = await train(null);
      const two = await train(await pool(2));
      expect(two.losses).toHaveLength(STEPS);
      one.losses.forEach((l, i) => expect(Math.abs(two.losses[i] - l) / l).toBeLessThan(1e-4));
      expect(maxRelative(one.logits, two.logits)).toBeLessThan(1e-4);
      // And the model learned: a broken gradient exchange would leave the loss where it started.
      expect(two.losses[STEPS - 1]).toBeLessThan(two.losses[0] - 0.3);
    },
  );

  it(
    'is reproducible: the same seed and worker count give identical weights',
    { timeout: 120_000 },
    async () => {
      const a = await train(await pool(3));
      const b = await train(await pool(3));
      expect(b.losses).toEqual(a.losses);
      expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    },
  );

  it(
    'drops a worker that fails its backend check and trains on the others',
    { timeout: 120_000 },
    async () => {
      const dropped: DroppedReplica[] = [];
      const good = portOfThread(startReplicaThread());
      // Node's training threads run wasm or cpu: asked for webgl, a thread fails its check.
      const made = await ReplicaPool.start([good], 'webgl', shape, parameterCount(shape), {
        shared: true,
        onDrop: (d) => dropped.push(d),
      });
      pools.push(made);
      expect(made.size).toBe(0);
      expect(dropped[0].reason).toMatch(/webgl backend failed its check/);
      const one = await train(null);
      expect((await train(made)).losses).toEqual(one.losses);
    },
  );

  it(
    'drops a worker that dies mid-run; the run finishes with the same numbers as one worker, to round-off',
    { timeout: 120_000 },
    async () => {
      const dropped: DroppedReplica[] = [];
      let requests = 0;
      const host = nodeReplicaHost((): ReplicaPort => {
        const thread = startReplicaThread();
        const port = portOfThread(thread);
        return {
          ...port,
          post: (message, transfer) => {
            port.post(message, transfer);
            // The thread dies while it computes its 6th shard, as a crashed worker would.
            if (message.type === 'gradients' && ++requests === 6) void thread.terminate();
          },
        };
      });
      const made = await pool(2, host, dropped);
      const one = await train(null);
      const survived = await train(made);
      expect(dropped).toHaveLength(1);
      expect(dropped[0].reason).toMatch(/exited/);
      expect(made.size).toBe(0);
      expect(survived.losses).toHaveLength(STEPS);
      expect(maxRelative(one.logits, survived.logits)).toBeLessThan(1e-4);
    },
  );
});
