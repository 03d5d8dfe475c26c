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
 * AdamW (decoupled weight decay) with clipping by global norm, written on tf ops so the whole
 * update stays on the device: the norm and the clip factor are tensors, never read back, so a
 * step issues no GPU->CPU synchronisation. Weight decay applies to matrices only (rank >= 2),
 * as in GPT-2/nanoGPT: decaying LayerNorm gains and biases only hurts.
 */
/** A zero-filled slot variable; the initial-value tensor is freed (tf.variable copies it). */
function zeroSlot(like: tf.Variable): tf.Variable {
  const zeros = tf.zerosLike(like);
  const slot = tf.variable(zeros, false);
  zeros.dispose();
  return slot;
}

export class AdamW {
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  private t = 0;

  constructor(
    private readonly variables: tf.Variable[],
    private readonly settings: AdamWSettings = DEFAULT_ADAMW,
  ) {
    this.m = variables.map(zeroSlot);
    this.v = variables.map(zeroSlot);
  }

  /** Applies one update from grads (same order as the variables) at learning rate lr. */
  apply(grads: tf.Tensor[], lr: number): void {
    this.t++;
    const { beta1, beta2, epsilon, weightDecay, clipNorm } = this.settings;
    const bias1 = 1 - beta1 ** this.t;
    const bias2 = 1 - beta2 ** this.t;
    tf.tidy(() => {
      let scale: tf.Scalar | number = 1;
      if (clipNorm > 0) {
        // Summed pairwise, not with addN: one addN over every gradient makes a WebGPU shader with
        // a buffer per input, past the default limit of 8 storage buffers per stage, and the
        // pipeline fails silently (wrong updates, then NaN).
        const squares = grads.map((g) => tf.sum(tf.square(g)));
        const norm = tf.sqrt(squares.reduce((a, b) => tf.add(a, b)));
        scale = tf.minimum(1, tf.div(clipNorm, tf.add(norm, 1e-6))) as tf.Scalar;
      }
      this.variables.forEach((variable, i) => {
        const g = tf.mul(grads[i], scale);
        const m = tf.add(tf.mul(this.m[i], beta1), tf.mul(g, 1 - beta1));
        const v = tf.add(tf.mul(this.v[i], beta2), tf.mul(tf.square(g), 1 - beta2));
        this.m[i].assign(m);
        this.v[i].assign(v);
        const step = tf.div(tf.mul(m, lr / bias1), tf.add(tf.sqrt(tf.div(v, bias2)), epsilon));
        const decayed = variable.rank >= 2 && weightDecay > 0 ? tf.mul(variable, 1 - lr * weightDecay) : variable;
        variable.assign(tf.sub(decayed, step));
      });
    });
  }

  dispose(): void {
    for (const s of [...this.m, ...this.v]) s.dispose();
  }
}
