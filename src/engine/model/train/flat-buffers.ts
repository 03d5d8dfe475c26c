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

/** What writing a variable in place uses of the cpu backend (MathBackendCPU). */
interface CpuBackendShape {
  refCount(dataId: tf.DataId): number;
  data: { get(dataId: tf.DataId): { values?: unknown } | undefined };
}

/**
 * The variable's own float32 values, where the cpu backend keeps them and no other tensor shares
 * them (a reshape of a variable shares its data); null elsewhere. Not on wasm: its XNNPACK
 * matmuls keep a packed copy of a weight tensor, keyed by the tensor, and would go on using the
 * old values after an in-place write.
 */
function ownValuesOnCpu(variable: tf.Variable): Float32Array | null {
  if (variable.dtype !== 'float32' || tf.getBackend() !== 'cpu') return null;
  const backend = tf.backend() as unknown as CpuBackendShape;
  if (backend.refCount(variable.dataId) !== 1) return null;
  const values = backend.data.get(variable.dataId)?.values;
  return values instanceof Float32Array && values.length === variable.size ? values : null;
}

/**
 * Gives the variable these values (its size, row-major): written over its own values on the cpu
 * backend (no allocation), else assigned as a new tensor.
 */
export function overwriteVariable(variable: tf.Variable, values: Float32Array): void {
  if (values.length !== variable.size)
    throw new RangeError(`${values.length} values for a variable of ${variable.size}`);
  const storage = ownValuesOnCpu(variable);
  if (storage) {
    storage.set(values);
    return;
  }
  // A copy: the cpu backend keeps the array it is given, and `values` may be a buffer the caller reuses.
  tf.tidy(() => variable.assign(tf.tensor(values.slice(), variable.shape, 'float32')));
}

/** Gives each variable its slice of `flat` (laid out in `order`). */
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
    overwriteVariable(variables[i], flat.subarray(at, at + variables[i].size));
    at += variables[i].size;
  }
}
