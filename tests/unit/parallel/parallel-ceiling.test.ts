/**
 * The benchmarks' ceiling for data parallelism (src/bench/worker-figures.ts): k x the time of one
 * replica alone over the time of all k at once. Checked on stand-in pools whose "gradients" take a
 * known time, so the figure's direction and size are known.
 */
import { describe, expect, it } from 'vitest';
import { parallelCeiling } from '../../../src/bench/worker-figures';
import type { ReplicaPool } from '../../../src/engine/parallel/replica-pool';

const stream = Int32Array.from({ length: 2_000 }, (_, i) => i % 7);

/** A pool of `size` replicas whose request for n gradients at once takes msFor(n) ms. */
function standInPool(size: number, msFor: (shards: number) => number, answer = true): ReplicaPool {
  const pool = {
    size,
    gradients: (shards: readonly unknown[]) =>
      new Promise((resolve) =>
        setTimeout(
          () => resolve(shards.map(() => (answer ? { loss: 1, gradient: new Float32Array(1) } : null))),
          msFor(shards.length),
        ),
      ),
  };
  return pool as unknown as ReplicaPool;
}

describe('parallelCeiling', () => {
  it('is k where k replicas at once take as long as one alone (cores that do not slow each other)', async () => {
    const ceiling = await parallelCeiling(
      standInPool(2, () => 40),
      stream,
      16,
      5,
    );
    expect(ceiling.workers).toBe(2);
    expect(ceiling.ceiling).toBeGreaterThan(1.7);
    expect(ceiling.ceiling).toBeLessThan(2.3);
  });

  it('is 1 where k replicas at once take k times as long (one core shared by all)', async () => {
    const ceiling = await parallelCeiling(
      standInPool(2, (n) => 40 * n),
      stream,
      16,
      5,
    );
    expect(ceiling.aloneMs).toBeLessThan(ceiling.togetherMs);
    expect(ceiling.ceiling).toBeGreaterThan(0.8);
    expect(ceiling.ceiling).toBeLessThan(1.2);
  });

  it('says so when a replica is dropped during the measurement', async () => {
    await expect(
      parallelCeiling(
        standInPool(2, () => 1, false),
        stream,
        16,
        2,
      ),
    ).rejects.toThrow(/dropped/);
  });
});
