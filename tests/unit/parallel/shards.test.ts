import { describe, expect, it } from 'vitest';
import { combineShards, splitWindows } from '../../../src/engine/parallel/shards';
import { createRng } from '../../../src/engine/rng';

const windows = (batch: number, t: number) => ({
  batch,
  inputs: Int32Array.from({ length: batch * t }, (_, i) => i),
  targets: Int32Array.from({ length: batch * t }, (_, i) => i + 1),
});

describe('splitting a batch across workers', () => {
  it('deals 5 windows 3 ways as 2, 2, 1 contiguous windows, each with its own targets', () => {
    const shards = splitWindows(windows(5, 4), 3, 4);
    expect(shards.map((s) => s.batch)).toEqual([2, 2, 1]);
    expect(Array.from(shards[1].inputs)).toEqual([8, 9, 10, 11, 12, 13, 14, 15]);
    expect(Array.from(shards[2].targets)).toEqual([17, 18, 19, 20]);
  });

  it('never makes an empty shard: 2 windows for 4 workers are 2 shards', () => {
    expect(splitWindows(windows(2, 3), 4, 3).map((s) => s.batch)).toEqual([1, 1]);
  });
});

describe('combining shard gradients', () => {
  it("weights each shard's mean by its share of the windows (a hand-computed case)", () => {
    // Shards of 3 and 1 windows: the batch mean is 3/4 of the first's mean plus 1/4 of the second's.
    const { loss, gradient } = combineShards([
      { batch: 3, loss: 2, gradient: Float32Array.from([4, 0, -8]) },
      { batch: 1, loss: 6, gradient: Float32Array.from([0, 4, 8]) },
    ]);
    expect(loss).toBeCloseTo(3, 12);
    expect(Array.from(gradient)).toEqual([3, 1, -4]);
  });

  it("gives the combined gradient's squared norm, for AdamW's clipping", () => {
    const { squaredNorm } = combineShards([
      { batch: 3, loss: 2, gradient: Float32Array.from([4, 0, -8]) },
      { batch: 1, loss: 6, gradient: Float32Array.from([0, 4, 8]) },
    ]);
    expect(squaredNorm).toBe(9 + 1 + 16);
  });

  it('sums in float32, shard after shard, the same for two shards as for more', () => {
    const rng = createRng('shards');
    const random = () => Float32Array.from({ length: 1_000 }, () => rng.next() * 2 - 1);
    for (const batches of [
      [16, 16],
      [11, 11, 10],
      [5, 9, 7, 11],
    ]) {
      const parts = batches.map((batch) => ({ batch, loss: rng.next(), gradient: random() }));
      // The plain way: a float32 buffer that accumulates each shard's weighted gradient in turn.
      const total = batches.reduce((a, b) => a + b, 0);
      const expected = new Float32Array(1_000);
      for (const p of parts)
        for (let j = 0; j < expected.length; j++) expected[j] += (p.batch / total) * p.gradient[j];
      const { gradient, squaredNorm } = combineShards(parts);
      expect(gradient).toEqual(expected);
      expect(squaredNorm).toBeCloseTo(
        expected.reduce((sum, x) => sum + x * x, 0),
        9,
      );
    }
  });

  it('refuses gradients of different sizes', () => {
    expect(() =>
      combineShards([
        { batch: 1, loss: 0, gradient: new Float32Array(3) },
        { batch: 1, loss: 0, gradient: new Float32Array(2) },
      ]),
    ).toThrow(/gradients of 2 and 3 values/);
  });
});
