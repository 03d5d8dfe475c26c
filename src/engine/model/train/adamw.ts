import * as tf from '@tensorflow/tfjs';
import { adamWOnGpu } from '../kernels';

export interface AdamWSettings {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
  /** Clip gradients to this global L2 norm; 0 disables clipping. */
  clipNorm: number;
}

export const DEFAULT_ADAMW: AdamWSettings = {
  beta1: 0.9,
  beta2: 0.99,
  epsilon: 1e-8,
  weightDecay: 0.01,
  clipNorm: 1,
};

/**
 * Most inputs one concat gets: WebGPU gives a shader one storage buffer per input and has 8 per
 * stage by default; past that the pipeline fails silently (wrong numbers, then NaN).
 */
const MAX_OP_INPUTS = 7;

/** Concat along `axis` (default 0) in chunks of at most MAX_OP_INPUTS inputs per kernel. */
function concatRows(tensors: tf.Tensor[], axis = 0): tf.Tensor {
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
function asRows3(x: tf.Tensor, rows: number, columns: number): tf.Tensor {
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
interface Layout {
  /** Variable indices in buffer order. */
  order: number[];
  groups: { indices: number[]; rows: number[]; columns: number | null; size: number }[];
  total: number;
  /** 1 where weight decay applies (matrices), 0 elsewhere, in buffer order. */
  decayMask: Float32Array;
}

function layoutOf(variables: tf.Variable[]): Layout {
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

const flatVariable = (values: tf.Tensor) => {
  const v = tf.variable(values, false);
  values.dispose();
  return v;
};

/**
 * AdamW (decoupled weight decay) with clipping by global norm, written on tf ops so the whole
 * update stays on the device: the norm and the clip factor are tensors, never read back, so a
 * step issues no GPU->CPU synchronisation. Weight decay applies to matrices only (rank 2), as in
 * GPT-2/nanoGPT: decaying LayerNorm gains and biases only hurts.
 *
 * All parameters, moments and gradients are updated as one flat buffer (~35 kernels a step
 * however many variables; per-variable updates cost ~12 kernels each). The optimizer keeps its own
 * flat copy of the weights and writes them back to the variables after each update; if a
 * variable was assigned from elsewhere in between, the copy is rebuilt from the variables first.
 */
export class AdamW {
  private readonly layout: Layout;
  private readonly params: tf.Variable;
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  private readonly decayMask: tf.Tensor1D;
  /** The tensor data each variable held after our last write-back. */
  private written: unknown[] = [];
  /** The weights of the last update as read on the CPU backends (see hostWeights). */
  private hostValues: Float32Array | null = null;
  private t = 0;

  constructor(
    private readonly variables: tf.Variable[],
    private readonly settings: AdamWSettings = DEFAULT_ADAMW,
  ) {
    this.layout = layoutOf(variables);
    this.params = flatVariable(this.gatherVariables());
    this.m = flatVariable(tf.zeros([this.layout.total]));
    this.v = flatVariable(tf.zeros([this.layout.total]));
    this.decayMask = tf.tensor1d(this.layout.decayMask);
    this.written = variables.map((v) => v.dataId);
  }

  /** The variables' current values as one flat buffer in layout order. */
  private gatherVariables(): tf.Tensor1D {
    return tf.tidy(
      () => concatRows(this.layout.order.map((i) => tf.reshape(this.variables[i], [-1]))) as tf.Tensor1D,
    );
  }

  /**
   * The gradients as one flat buffer in layout order. A matrix group's gradients are stacked
   * along their rows and a vector group's along their length, then each group is flattened once:
   * gradients given as [1, rows, columns] (matrices) and [1, 1, size] (vectors), the layout of
   * the hand-written training step's products, cost no reshape each.
   */
  private packGradients(grads: tf.Tensor[]): tf.Tensor1D {
    const parts = this.layout.groups.map((group) => {
      const pieces = group.indices.map((i, j) =>
        group.columns === null
          ? asRows3(grads[i], 1, group.rows[j])
          : asRows3(grads[i], group.rows[j], group.columns),
      );
      return tf.reshape(concatRows(pieces, group.columns === null ? 2 : 1), [-1]);
    });
    return concatRows(parts) as tf.Tensor1D;
  }

  /**
   * Applies one update at learning rate lr from grads, one per variable in the same order, of the
   * variable's size in any shape (see packGradients for those that cost no reshape).
   */
  apply(grads: tf.Tensor[], lr: number): void {
    tf.tidy(() => this.applyPacked(this.packGradients(grads), lr));
  }

  /**
   * Variable indices in the order of the flat buffers: a packed gradient (applyPacked) and the
   * flat weights (flatWeights) are the variables' row-major values concatenated in this order.
   */
  get packingOrder(): readonly number[] {
    return this.layout.order;
  }

  /** Length of the flat buffers: the model's parameter count. */
  get packedSize(): number {
    return this.layout.total;
  }

  /**
   * The weights of the last update, flat in packingOrder, where they were read to the JS side
   * anyway (wasm and cpu); null elsewhere, or if a variable was assigned from elsewhere since.
   * The array is the optimizer's: read it, do not keep or change it.
   */
  hostWeights(): Float32Array | null {
    return this.variables.every((v, i) => v.dataId === this.written[i]) ? this.hostValues : null;
  }

  /** The weights as one flat buffer in packingOrder (a copy the caller disposes). */
  flatWeights(): tf.Tensor1D {
    if (this.variables.some((v, i) => v.dataId !== this.written[i])) return this.gatherVariables();
    return tf.clone(this.params) as tf.Tensor1D;
  }

  /**
   * Applies one update at learning rate lr from the gradient already packed in packingOrder (data-
   * parallel training sums the workers' packed gradients on the JS side and hands the sum here).
   */
  applyPacked(g: tf.Tensor1D, lr: number): void {
    if (g.size !== this.layout.total)
      throw new RangeError(`packed gradient has ${g.size} values, the model ${this.layout.total}`);
    if (this.variables.some((v, i) => v.dataId !== this.written[i]))
      this.params.assign(this.gatherVariables());
    this.t++;
    const { beta1, beta2, epsilon, weightDecay, clipNorm } = this.settings;
    const bias1 = 1 - beta1 ** this.t;
    const bias2 = 1 - beta2 ** this.t;
    // m / bias1 / (sqrt(v / bias2) + eps) = m * stepScale / (sqrt(v) + eps * sqrt(bias2))
    const stepScale = (lr * Math.sqrt(bias2)) / bias1;
    const denomEps = epsilon * Math.sqrt(bias2);
    tf.tidy(() => {
      // On WebGL and WebGPU: one kernel for the update (2 dispatches, 5 programs), one for the write-back.
      const decay = weightDecay > 0 ? 1 - lr * weightDecay : 1;
      const shapes = this.layout.order.map((i) => this.variables[i].shape);
      const fused = adamWOnGpu(
        { g, params: this.params, m: this.m, v: this.v },
        this.layout.decayMask,
        { beta1, beta2, clipNorm, stepScale, denomEps, decay },
        shapes,
      );
      if (fused) {
        this.m.assign(fused.m);
        this.v.assign(fused.v);
        this.params.assign(fused.params);
        this.layout.order.forEach((i, k) => this.variables[i].assign(fused.pieces[k]));
        this.written = this.variables.map((v) => v.dataId);
        return;
      }
      const gSquared = tf.square(g);
      // With clipping, g is scaled by s = min(1, clip / |g|): folded into the moments' coefficients.
      let mScale: tf.Tensor | number = 1 - beta1;
      let vScale: tf.Tensor | number = 1 - beta2;
      if (clipNorm > 0) {
        const s = tf.minimum(1, tf.div(clipNorm, tf.add(tf.sqrt(tf.sum(gSquared)), 1e-6)));
        mScale = tf.mul(s, 1 - beta1);
        vScale = tf.mul(tf.square(s), 1 - beta2);
      }
      const m = tf.add(tf.mul(this.m, beta1), tf.mul(g, mScale));
      const v = tf.add(tf.mul(this.v, beta2), tf.mul(gSquared, vScale));
      this.m.assign(m);
      this.v.assign(v);
      const step = tf.mul(tf.div(m, tf.add(tf.sqrt(v), denomEps)), stepScale);
      const decayed =
        weightDecay > 0
          ? tf.mul(this.params, tf.add(tf.mul(this.decayMask, -lr * weightDecay), 1))
          : this.params;
      const updated = tf.sub(decayed, step);
      this.params.assign(updated);
      this.writeBack(updated);
    });
  }

  private writeBack(flat: tf.Tensor): void {
    if (tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu') {
      // On the CPU backends the values are at hand: one read and a copy per variable cost less than
      // split's slices (several times less in a browser's wasm backend), and the values stay for
      // hostWeights.
      const values = flat.dataSync() as Float32Array;
      let at = 0;
      for (const i of this.layout.order) {
        const variable = this.variables[i];
        variable.assign(tf.tensor(values.slice(at, at + variable.size), variable.shape, 'float32'));
        at += variable.size;
      }
      this.written = this.variables.map((v) => v.dataId);
      this.hostValues = values;
      return;
    }
    this.hostValues = null;
    const { groups } = this.layout;
    const chunks =
      groups.length === 1
        ? [flat]
        : tf.split(
            flat,
            groups.map((g) => g.size),
          );
    groups.forEach((group, k) => {
      const chunk =
        group.columns === null
          ? chunks[k]
          : tf.reshape(chunks[k], [group.size / group.columns, group.columns]);
      const pieces = group.indices.length === 1 ? [chunk] : tf.split(chunk, group.rows, 0);
      group.indices.forEach((i, j) => this.variables[i].assign(pieces[j]));
    });
    this.written = this.variables.map((v) => v.dataId);
  }

  dispose(): void {
    tf.dispose([this.params, this.m, this.v, this.decayMask]);
  }
}
