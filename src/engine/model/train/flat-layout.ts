import * as tf from '@tensorflow/tfjs';

/**
 * The flat buffers AdamW updates and data-parallel workers exchange: where each variable lives in
 * them, and the concatenations that build them from tensors.
 */

/**
 * Most inputs one concat gets: WebGPU gives a shader one storage buffer per input and has 8 per
 * stage by default; past that the pipeline fails silently (wrong numbers, then NaN).
 */
const MAX_OP_INPUTS = 7;

/** Concat along `axis` (default 0) in chunks of at most MAX_OP_INPUTS inputs per kernel. */
export function concatRows(tensors: tf.Tensor[], axis = 0): tf.Tensor {
  let level = tensors;
  while (level.length > 1) {
    const next: tf.Tensor[] = [];
    for (let i = 0; i < level.length; i += MAX_OP_INPUTS) {
      const chunk = level.slice(i, i + MAX_OP_INPUTS);
      next.push(chunk.length === 1 ? chunk[0] : tf.concat(chunk, axis));
    }
    level = next;
  }
  return level[0];
}

/** x as [1, rows, columns] (a reshape only where it is not already). */
export function asRows3(x: tf.Tensor, rows: number, columns: number): tf.Tensor {
  return x.rank === 3 && x.shape[0] === 1 && x.shape[1] === rows && x.shape[2] === columns
    ? x
    : tf.reshape(x, [1, rows, columns]);
}

/**
 * Where each variable lives in the optimizer's flat buffers: variables grouped by shape class
 * (matrices by column count, then vectors), each group contiguous. Writing new values back then
 * costs one split of the whole buffer into groups, one reshape per matrix group and one split per
 * group (pieces come out in their variables' shapes, so assign needs no reshape).
 */
export interface Layout {
  /** Variable indices in buffer order. */
  order: number[];
  groups: { indices: number[]; rows: number[]; columns: number | null; size: number }[];
  total: number;
  /** 1 where weight decay applies (matrices), 0 elsewhere, in buffer order. */
  decayMask: Float32Array;
}

export function layoutOf(variables: tf.Variable[]): Layout {
  const byKey = new Map<string, number[]>();
  variables.forEach((variable, i) => {
    if (variable.rank > 2)
      throw new RangeError(`AdamW handles rank <= 2 variables, got shape [${variable.shape}]`);
    const key = variable.rank === 2 ? `matrix:${variable.shape[1]}` : 'vector';
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  // Vectors last: decay applies to a leading part of the buffer.
  const keys = [...byKey.keys()].sort((a, b) => Number(a === 'vector') - Number(b === 'vector'));
  const groups = keys.map((key) => {
    const indices = byKey.get(key)!;
    const columns = key === 'vector' ? null : variables[indices[0]].shape[1]!;
    const rows = indices.map((i) => (columns === null ? variables[i].size : variables[i].shape[0]));
    return { indices, rows, columns, size: indices.reduce((n, i) => n + variables[i].size, 0) };
  });
  const total = groups.reduce((n, g) => n + g.size, 0);
  const decayMask = new Float32Array(total);
  let at = 0;
  for (const g of groups) {
    if (g.columns !== null) decayMask.fill(1, at, at + g.size);
    at += g.size;
  }
  return { order: groups.flatMap((g) => g.indices), groups, total, decayMask };
}

/**
 * Variable indices in the order of AdamW's flat buffers, for code that packs gradients or unpacks
 * weights without an optimizer (a data-parallel replica).
 */
export const packingOrderOf = (variables: tf.Variable[]): number[] => layoutOf(variables).order;
