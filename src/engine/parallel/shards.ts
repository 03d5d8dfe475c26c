/**
 * Splitting a batch across workers and putting the gradients back together. The loss of a batch
 * is the mean over its B windows, so with shard i holding b_i windows and g_i the gradient of
 * its own mean, the batch's gradient is sum_i (b_i / B) g_i. The sum runs in shard order, so a
 * run is reproducible for a given number of workers.
 */
import type { Windows } from '../model/train/batches';

/** The windows dealt into `parts` contiguous shards whose sizes differ by at most one (none empty). */
export function splitWindows(windows: Windows, parts: number, t: number): Windows[] {
  const count = Math.max(1, Math.min(parts, windows.batch));
  const shards: Windows[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const batch = Math.floor(windows.batch / count) + (i < windows.batch % count ? 1 : 0);
    const from = start * t;
    const to = (start + batch) * t;
    shards.push({
      batch,
      inputs: windows.inputs.subarray(from, to),
      targets: windows.targets.subarray(from, to),
    });
    start += batch;
  }
  return shards;
}

export interface WeightedPart {
  /** Windows in the shard. */
  batch: number;
  loss: number;
  gradient: Float32Array;
}

/** The batch's mean loss and gradient from its shards' (in shard order), the gradient into `out` when given. */
export function combineShards(
  parts: readonly WeightedPart[],
  out?: Float32Array,
): { loss: number; gradient: Float32Array } {
  const total = parts.reduce((n, p) => n + p.batch, 0);
  const size = parts[0].gradient.length;
  const gradient = out ?? new Float32Array(size);
  if (gradient.length !== size)
    throw new RangeError(`combined gradient of ${gradient.length} values for shards of ${size}`);
  gradient.fill(0);
  let loss = 0;
  for (const part of parts) {
    if (part.gradient.length !== size)
      throw new RangeError(`shard gradients of ${part.gradient.length} and ${size} values`);
    const w = part.batch / total;
    loss += w * part.loss;
    const g = part.gradient;
    for (let j = 0; j < size; j++) gradient[j] += w * g[j];
  }
  return { loss, gradient };
}
