import * as tf from '@tensorflow/tfjs';
import { adamWOnGpu, type AdamWStep } from '../kernels';
import { adamWOnHost, type HostAdamWState } from './adamw-host';
import { assignFromArray } from './flat-buffers';
import { asRows3, concatRows, layoutOf, type Layout } from './flat-layout';

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

const flatVariable = (values: tf.Tensor) => {
  const v = tf.variable(values, false);
  values.dispose();
  return v;
};

/**
 * Where the optimizer keeps its flat buffers. `device`: tf variables, updated by tf ops (one fused
 * kernel on WebGL and WebGPU), so a GPU step never reads back. `host`: Float32Arrays updated by
 * one loop (adamw-host.ts), for the CPU backends, where tensors already live in host memory.
 */
export type AdamWPlace = 'host' | 'device';

const defaultPlace = (): AdamWPlace =>
  tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu' ? 'host' : 'device';

interface DeviceBuffers {
  params: tf.Variable;
  m: tf.Variable;
  v: tf.Variable;
  decayMask: tf.Tensor1D;
}

/**
 * AdamW (decoupled weight decay) with clipping by global norm. On a GPU the whole update stays on
 * the device: the norm and the clip factor are tensors, never read back, so a step issues no
 * GPU->CPU synchronisation. Weight decay applies to matrices only (rank 2), as in GPT-2/nanoGPT:
 * decaying LayerNorm gains and biases only hurts.
 *
 * All parameters, moments and gradients are updated as one flat buffer (on a device ~35 kernels a
 * step however many variables; per-variable updates cost ~12 kernels each). The optimizer keeps
 * its own flat copy of the weights and writes them back to the variables after each update; if a
 * variable was assigned from elsewhere in between, the copy is rebuilt from the variables first.
 */
export class AdamW {
  private readonly layout: Layout;
  private readonly device: DeviceBuffers | null;
  private readonly host: HostAdamWState | null;
  /** The tensor data each variable held after our last write-back. */
  private written: unknown[] = [];
  private t = 0;

  constructor(
    private readonly variables: tf.Variable[],
    private readonly settings: AdamWSettings = DEFAULT_ADAMW,
    readonly place: AdamWPlace = defaultPlace(),
  ) {
    this.layout = layoutOf(variables);
    const total = this.layout.total;
    if (place === 'host') {
      this.device = null;
      this.host = {
        params: new Float32Array(total),
        m: new Float32Array(total),
        v: new Float32Array(total),
        decayMask: this.layout.decayMask,
      };
      this.readVariablesToHost();
    } else {
      this.host = null;
      this.device = {
        params: flatVariable(this.gatherVariables()),
        m: flatVariable(tf.zeros([total])),
        v: flatVariable(tf.zeros([total])),
        decayMask: tf.tensor1d(this.layout.decayMask),
      };
    }
    this.written = variables.map((v) => v.dataId);
  }

  /** The variables' current values as one flat buffer in layout order. */
  private gatherVariables(): tf.Tensor1D {
    return tf.tidy(
      () => concatRows(this.layout.order.map((i) => tf.reshape(this.variables[i], [-1]))) as tf.Tensor1D,
    );
  }

  private readVariablesToHost(): void {
    let at = 0;
    for (const i of this.layout.order) {
      const variable = this.variables[i];
      this.host!.params.set(variable.dataSync() as Float32Array, at);
      at += variable.size;
    }
  }

  private variablesChanged(): boolean {
    return this.variables.some((v, i) => v.dataId !== this.written[i]);
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
    if (this.host) {
      // The values are already in host memory: laid end to end without a concat kernel.
      const packed = new Float32Array(this.layout.total);
      let at = 0;
      for (const i of this.layout.order) {
        packed.set(grads[i].dataSync() as Float32Array, at);
        at += grads[i].size;
      }
      this.applyPackedValues(packed, lr);
      return;
    }
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
   * The weights of the last update, flat in packingOrder, where they live on the host (wasm and
   * cpu); null elsewhere, or if a variable was assigned from elsewhere since. The array is the
   * optimizer's: read it, do not keep or change it.
   */
  hostWeights(): Float32Array | null {
    return this.host && this.t > 0 && !this.variablesChanged() ? this.host.params : null;
  }

  /** The weights as one flat buffer in packingOrder (a copy the caller disposes). */
  flatWeights(): tf.Tensor1D {
    if (this.variablesChanged() || !this.device) return this.gatherVariables();
    return tf.clone(this.device.params) as tf.Tensor1D;
  }

  /** The update's coefficients at step t (bias corrections folded into two scalars). */
  private coefficients(lr: number): AdamWStep {
    const { beta1, beta2, epsilon, weightDecay, clipNorm } = this.settings;
    const bias1 = 1 - beta1 ** this.t;
    const bias2 = 1 - beta2 ** this.t;
    // m / bias1 / (sqrt(v / bias2) + eps) = m * stepScale / (sqrt(v) + eps * sqrt(bias2))
    const stepScale = (lr * Math.sqrt(bias2)) / bias1;
    const denomEps = epsilon * Math.sqrt(bias2);
    const decay = weightDecay > 0 ? 1 - lr * weightDecay : 1;
    return { beta1, beta2, clipNorm, stepScale, denomEps, decay };
  }

  /**
   * Applies one update at learning rate lr from a gradient packed in packingOrder on the host
   * (data-parallel training sums the workers' packed gradients there and hands the sum here).
   * Where the update runs on the host, `updated` sees the new weights (flat, packingOrder; read
   * them, do not keep them) before they are written into the variables: data-parallel training
   * sends them to its workers there, so that writing this thread's copy is not on their path.
   * `squaredNorm`, g's squared L2 norm when the caller has it, saves the host update a pass.
   */
  applyPackedValues(
    g: Float32Array,
    lr: number,
    options: { updated?: (weights: Float32Array) => void; squaredNorm?: number } = {},
  ): void {
    if (!this.host) {
      tf.tidy(() => this.applyPacked(tf.tensor1d(g), lr));
      return;
    }
    if (g.length !== this.layout.total)
      throw new RangeError(`packed gradient has ${g.length} values, the model ${this.layout.total}`);
    if (this.variablesChanged()) this.readVariablesToHost();
    this.t++;
    adamWOnHost(this.host, g, this.coefficients(lr), options.squaredNorm);
    options.updated?.(this.host.params);
    assignFromArray(this.variables, this.layout.order, this.host.params);
    this.written = this.variables.map((v) => v.dataId);
  }

  /** Applies one update at learning rate lr from a gradient tensor packed in packingOrder. */
  applyPacked(g: tf.Tensor1D, lr: number): void {
    if (g.size !== this.layout.total)
      throw new RangeError(`packed gradient has ${g.size} values, the model ${this.layout.total}`);
    if (this.host) {
      this.applyPackedValues(g.dataSync() as Float32Array, lr);
      return;
    }
    const device = this.device!;
    if (this.variablesChanged()) device.params.assign(this.gatherVariables());
    this.t++;
    const coefficients = this.coefficients(lr);
    const { beta1, beta2, clipNorm, stepScale, denomEps, decay } = coefficients;
    tf.tidy(() => {
      // On WebGL and WebGPU: one kernel for the update (2 dispatches, 5 programs), one for the write-back.
      const shapes = this.layout.order.map((i) => this.variables[i].shape);
      const fused = adamWOnGpu(
        { g, params: device.params, m: device.m, v: device.v },
        this.layout.decayMask,
        coefficients,
        shapes,
      );
      if (fused) {
        device.m.assign(fused.m);
        device.v.assign(fused.v);
        device.params.assign(fused.params);
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
      const m = tf.add(tf.mul(device.m, beta1), tf.mul(g, mScale));
      const v = tf.add(tf.mul(device.v, beta2), tf.mul(gSquared, vScale));
      device.m.assign(m);
      device.v.assign(v);
      const step = tf.mul(tf.div(m, tf.add(tf.sqrt(v), denomEps)), stepScale);
      const decayed =
        decay !== 1 ? tf.mul(device.params, tf.add(tf.mul(device.decayMask, decay - 1), 1)) : device.params;
      const updated = tf.sub(decayed, step);
      device.params.assign(updated);
      this.writeBack(updated);
    });
  }

  /** Writes the flat weights back to the variables (device placement). */
  private writeBack(flat: tf.Tensor): void {
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
    if (this.device) tf.dispose([this.device.params, this.device.m, this.device.v, this.device.decayMask]);
  }
}
