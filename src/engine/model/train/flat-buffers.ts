import * as tf from '@tensorflow/tfjs';

/**
 * Gradients and weights as one Float32Array in a packing order (AdamW's, packingOrderOf): what
 * data-parallel workers exchange. A variable's slice is its row-major values, whatever the
 * tensor's rank, so a gradient laid out [1, rows, columns] packs as its [rows, columns] variable.
 */

/** Reads the tensors back and lays them end to end in `order` (into `out` when given). */
export async function packToArray(
  tensors: readonly tf.Tensor[],
  order: readonly number[],
  out?: Float32Array,
): Promise<Float32Array> {
  const total = order.reduce((n, i) => n + tensors[i].size, 0);
  const flat = out ?? new Float32Array(total);
  if (flat.length !== total)
    throw new RangeError(`flat buffer has ${flat.length} values, the tensors ${total}`);
  let at = 0;
  for (const i of order) {
    flat.set((await tensors[i].data()) as Float32Array, at);
    at += tensors[i].size;
  }
  return flat;
}

/** Assigns each variable its slice of `flat` (laid out in `order`). */
export function assignFromArray(
  variables: readonly tf.Variable[],
  order: readonly number[],
  flat: Float32Array,
): void {
  const total = order.reduce((n, i) => n + variables[i].size, 0);
  if (flat.length !== total)
    throw new RangeError(`flat buffer has ${flat.length} values, the model ${total}`);
  let at = 0;
  for (const i of order) {
    const v = variables[i];
    // A copy: the cpu backend keeps the array it is given, and `flat` may be a shared buffer the sender reuses.
    tf.tidy(() => v.assign(tf.tensor(flat.slice(at, at + v.size), v.shape, 'float32')));
    at += v.size;
  }
}
