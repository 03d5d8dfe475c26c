import * as tf from '@tensorflow/tfjs';

export interface AdamWSettings {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
  /** Clip gradients to this global L2 norm; 0 disables clipping. */
  clipNorm: number;
}

export const DEFAULT_ADAMW: AdamWSettings = { beta1: 0.9, beta2: 0.99, epsilon: 1e-8, weightDecay: 0.01, clipNorm: 1 };

/**
 * Most inputs one concat gets: WebGPU gives a shader one storage buffer per input and has 8 per
 * stage by default; past that the pipeline fails silently (wrong numbers, then NaN).
 */
const MAX_OP_INPUTS = 7;

/** Concat along axis 0 in chunks of at most MAX_OP_INPUTS inputs per kernel. */
export function concatRows(tensors: tf.Tensor[]): tf.Tensor {
  let level = tensors;
  while (level.length > 1) {
    const next: tf.Tensor[] = [];
    for (let i = 0; i < level.length; i += MAX_OP_INPUTS) {
      const chunk = level.slice(i, i + MAX_OP_INPUTS);
      next.push(chunk.length === 1 ? chunk[0] : tf.concat(chunk, 0));
    }
    level = next;
  }
  return level[0];
}

/**
 * Variables updated together: same rank class and, for matrices, the same column count, so
 * that their gradients stack along rows with one concat and the new values come back with one
 * split, both without reshapes. One group costs ~13 kernels per step however many variables it
 * holds (per-variable updates cost ~12 each: 28 variables in `tiny` made ~400 kernels).
 */
interface Group {
  indices: number[];
  rows: number[];
  decay: boolean;
  m: tf.Variable;
  v: tf.Variable;
}

function groupVariables(variables: tf.Variable[]): Group[] {
  const byKey = new Map<string, number[]>();
  variables.forEach((variable, i) => {
    if (variable.rank > 2) throw new RangeError(`AdamW handles rank <= 2 variables, got shape [${variable.shape}]`);
    const key = variable.rank === 2 ? `matrix:${variable.shape[1]}` : 'vector';
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  return [...byKey.values()].map((indices) => {
    const first = variables[indices[0]];
    const rows = indices.map((i) => (variables[i].rank === 2 ? variables[i].shape[0] : variables[i].size));
    const total = rows.reduce((a, b) => a + b, 0);
    const shape = first.rank === 2 ? [total, first.shape[1]!] : [total];
    const slot = () => {
      const zeros = tf.zeros(shape);
      const s = tf.variable(zeros, false);
      zeros.dispose();
      return s;
    };
    return { indices, rows, decay: first.rank === 2, m: slot(), v: slot() };
  });
}

/**
 * AdamW (decoupled weight decay) with clipping by global norm, written on tf ops so the whole
 * update stays on the device: the norm and the clip factor are tensors, never read back, so a
 * step issues no GPU->CPU synchronisation. Weight decay applies to matrices only (rank 2), as in
 * GPT-2/nanoGPT: decaying LayerNorm gains and biases only hurts. Variables are updated in groups
 * (see Group): same arithmetic, far fewer kernels.
 */
export class AdamW {
  private readonly groups: Group[];
  private t = 0;

  constructor(
    private readonly variables: tf.Variable[],
    private readonly settings: AdamWSettings = DEFAULT_ADAMW,
  ) {
    this.groups = groupVariables(variables);
  }

  /** Applies one update from grads (same order as the variables) at learning rate lr. */
  apply(grads: tf.Tensor[], lr: number): void {
    this.t++;
    const { beta1, beta2, epsilon, weightDecay, clipNorm } = this.settings;
    const bias1 = 1 - beta1 ** this.t;
    const bias2 = 1 - beta2 ** this.t;
    // m / bias1 / (sqrt(v / bias2) + eps) = m * stepScale / (sqrt(v) + eps * sqrt(bias2))
    const stepScale = (lr * Math.sqrt(bias2)) / bias1;
    const denomEps = epsilon * Math.sqrt(bias2);
    tf.tidy(() => {
      const stacked = this.groups.map((group) => concatRows(group.indices.map((i) => grads[i])));
      let scale: tf.Tensor | null = null;
      if (clipNorm > 0) {
        // Summed pairwise (never one addN over many inputs: see MAX_OP_INPUTS).
        const squares = stacked.map((g) => tf.sum(tf.square(g)));
        const norm = tf.sqrt(squares.reduce((a, b) => tf.add(a, b)));
        scale = tf.minimum(1, tf.div(clipNorm, tf.add(norm, 1e-6)));
      }
      this.groups.forEach((group, k) => {
        const g = scale ? tf.mul(stacked[k], scale) : stacked[k];
        const m = tf.add(tf.mul(group.m, beta1), tf.mul(g, 1 - beta1));
        const v = tf.add(tf.mul(group.v, beta2), tf.mul(tf.square(g), 1 - beta2));
        group.m.assign(m);
        group.v.assign(v);
        const step = tf.div(tf.mul(m, stepScale), tf.add(tf.sqrt(v), denomEps));
        const params = concatRows(group.indices.map((i) => this.variables[i]));
        const decayed = group.decay && weightDecay > 0 ? tf.mul(params, 1 - lr * weightDecay) : params;
        const updated = tf.sub(decayed, step);
        const pieces = group.indices.length === 1 ? [updated] : tf.split(updated, group.rows, 0);
        group.indices.forEach((i, j) => this.variables[i].assign(pieces[j]));
      });
    });
  }

  dispose(): void {
    for (const group of this.groups) {
      group.m.dispose();
      group.v.dispose();
    }
  }
}
