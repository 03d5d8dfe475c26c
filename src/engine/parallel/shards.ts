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

/**
 * The batch's mean loss and gradient from its shards' (in shard order), the gradient into `out`
 * when given, with the gradient's squared L2 norm (which AdamW's clipping needs): one pass over
 * the values. Each element is summed in float32 shard by shard, as a Float32Array accumulating
 * in place would, so the result does not depend on how the loop is arranged.
 */
export function combineShards(
  parts: readonly WeightedPart[],
  out?: Float32Array,
): { loss: number; gradient: Float32Array; squaredNorm: number } {
  const total = parts.reduce((n, p) => n + p.batch, 0);
  const size = parts[0].gradient.length;
  const gradient = out ?? new Float32Array(size);
  if (gradient.length !== size)
    throw new RangeError(`combined gradient of ${gradient.length} values for shards of ${size}`);
  for (const part of parts) {
    if (part.gradient.length !== size)
      throw new RangeError(`shard gradients of ${part.gradient.length} and ${size} values`);
  }
  const weights = parts.map((p) => p.batch / total);
  const loss = parts.reduce((sum, p, i) => sum + weights[i] * p.loss, 0);
  let squaredNorm = 0;
  if (parts.length === 2) {
    // The common case (two workers), without the inner loop over shards.
    const [w0, w1] = weights;
    const g0 = parts[0].gradient;
    const g1 = parts[1].gradient;
    for (let j = 0; j < size; j++) {
      const x = Math.fround(Math.fround(w0 * g0[j]) + w1 * g1[j]);
      gradient[j] = x;
      squaredNorm += x * x;
    }
    return { loss, gradient, squaredNorm };
  }
  const grads = parts.map((p) => p.gradient);
  for (let j = 0; j < size; j++) {
    let x = 0;
    for (let i = 0; i < grads.length; i++) x = Math.fround(x + weights[i] * grads[i][j]);
    gradient[j] = x;
    squaredNorm += x * x;
  }
  return { loss, gradient, squaredNorm };
}
