/**
 * The GPU kernels of the training step (src/engine/model/kernels/catalog.ts, webgl-*.ts,
 * webgpu-*.ts) against the plain tf ops they replace: each check runs the engine's function on
 * the backend under test, where it takes the kernel (tf.profile must list it), and the plain
 * formula on the cpu backend, on the same seeded inputs, and compares every output. bench.html
 * runs them with ?check=kernels (tests/browser/gpu-kernels.test.ts); on cpu against cpu they check
 * the formulas themselves (tests/unit/model/gpu-kernel-checks.test.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { AdamW, DEFAULT_ADAMW } from '../engine/model/train/adamw';
import { documentsToStream, sampleWindows, type Windows } from '../engine/model/train/batches';
import { createGpt, gptLogits, gptLoss, type Gpt } from '../engine/model/gpt';
import { extendIds, KvCache } from '../engine/model/infer/kv-cache';
import { windowLogits } from '../engine/model/infer/logits';
import { lossAndGradients } from '../engine/model/train/step';
import {
  attentionBackward,
  attentionForward,
  attentionMask,
  columnSums,
  crossEntropyAndGradient,
  geluForward,
  layerNormForward,
  layerNormLinearBackward,
} from '../engine/model/kernels';
import { createRng } from '../engine/rng';

export interface KernelCheckResult {
  name: string;
  /** The largest difference over every output, relative to the largest reference number (at least 1). */
  error: number;
  ok: boolean;
  /** Why it failed when it did not merely differ: the kernel was not run, or threw. */
  problem?: string;
}

interface KernelCheck {
  name: string;
  /** The tf kernel the backend under test must run (the check is void without it). */
  kernel: string;
  /** The engine's function (on the backend under test), then the plain tf ops (on cpu): same outputs, same order. */
  engine: () => tf.Tensor[];
  plain: () => tf.Tensor[];
}

const TOLERANCE = 1e-4;

function random(shape: number[], seed: string, scale = 1): tf.Tensor {
  const rng = createRng(`kernel-check:${seed}`);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal() * scale),
    shape,
  );
}

/** One-hot rows [1, n, v] of seeded random classes. */
function oneHotRows(n: number, v: number): tf.Tensor {
  const rng = createRng('kernel-check:targets');
  const values = new Float32Array(n * v);
  for (let r = 0; r < n; r++) values[r * v + rng.int(v)] = 1;
  return tf.tensor(values, [1, n, v]);
}

const ones = () => tf.ones([1, 1, 16]);

/** The plain LayerNorm of the rows of x: [y, xhat, rstd]. */
function plainLayerNorm(x: tf.Tensor, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor[] {
  const centred = tf.sub(x, tf.mean(x, -1, true));
  const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), 1e-5));
  const xhat = tf.mul(centred, rstd);
  return [tf.add(tf.mul(xhat, gain), bias), xhat, rstd];
}

/** LayerNorm then a linear layer, backward (inputs as layerNormLinearBackward's): [dx + residual, dGain, dBias]. */
function plainLayerNormLinearBackward(
  dz: tf.Tensor,
  w: tf.Tensor,
  gain: tf.Tensor,
  xhat: tf.Tensor,
  rstd: tf.Tensor,
  residual: tf.Tensor | null,
): tf.Tensor[] {
  const dy = tf.matMul(dz, w, false, true);
  const dxhat = tf.mul(dy, gain);
  const dx = tf.mul(
    tf.sub(tf.sub(dxhat, tf.mean(dxhat, -1, true)), tf.mul(xhat, tf.mean(tf.mul(dxhat, xhat), -1, true))),
    rstd,
  );
  return [residual ? tf.add(dx, residual) : dx, tf.sum(tf.mul(dy, xhat), 1, true), tf.sum(dy, 1, true)];
}

function layerNormBackwardCheck(residual: boolean): KernelCheck {
  const inputs = () => {
    const x = random([1, 16, 8], 'ln-x', 2);
    const [, xhat, rstd] = plainLayerNorm(x, tf.ones([8]), tf.zeros([8]));
    return {
      dz: random([1, 16, 12], 'ln-dz'),
      w: random([1, 8, 12], 'ln-w'),
      gain: random([8], 'ln-gain'),
      xhat,
      rstd,
      r: residual ? random([1, 16, 8], 'ln-r') : null,
    };
  };
  return {
    name: `LayerNorm and linear backward${residual ? ', with a residual' : ''}`,
    kernel: residual ? 'CollapseLabLayerNormGradResidualGpu' : 'CollapseLabLayerNormGradGpu',
    engine: () => {
      const { dz, w, gain, xhat, rstd, r } = inputs();
      return layerNormLinearBackward(
        dz,
        w,
        columnSums(dz, ones),
        gain,
        { xhat: xhat as tf.Tensor3D, rstd: rstd as tf.Tensor3D },
        ones,
        r ?? undefined,
      );
    },
    plain: () => {
      const { dz, w, gain, xhat, rstd, r } = inputs();
      return plainLayerNormLinearBackward(dz, w, gain, xhat, rstd, r);
    },
  };
}

const ATTENTION_DIMS = { batch: 2, t: 6, heads: 2 };
const attentionInputs = () => ({
  qkv: random([1, 12, 24], 'attention-qkv'),
  dy: random([1, 12, 8], 'attention-dy'),
});

const CHECKS: KernelCheck[] = [
  {
    name: 'column sums (odd width)',
    kernel: 'CollapseLabColumnSums',
    engine: () => [columnSums(random([1, 16, 9], 'sums'), ones)],
    plain: () => [tf.sum(random([1, 16, 9], 'sums'), 1, true)],
  },
  {
    name: 'LayerNorm forward',
    kernel: 'CollapseLabLayerNorm',
    engine: () => {
      const { y, saved } = layerNormForward(
        random([1, 16, 8], 'ln-x', 2),
        random([8], 'ln-gain'),
        random([8], 'ln-bias'),
      );
      return [y, saved.xhat, saved.rstd];
    },
    plain: () =>
      plainLayerNorm(random([1, 16, 8], 'ln-x', 2), random([8], 'ln-gain'), random([8], 'ln-bias')),
  },
  layerNormBackwardCheck(false),
  layerNormBackwardCheck(true),
  {
    name: 'GELU forward',
    kernel: 'CollapseLabGelu',
    engine: () => {
      const { y, saved } = geluForward(random([1, 16, 8], 'gelu', 2));
      return [y, saved.sig];
    },
    plain: () => {
      const x = random([1, 16, 8], 'gelu', 2);
      const sig = tf.sigmoid(tf.mul(2 * Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3)))));
      return [tf.mul(x, sig), sig];
    },
  },
  {
    name: 'softmax cross-entropy (odd vocabulary)',
    kernel: 'CollapseLabSoftmaxCrossEntropy',
    engine: () => {
      const { dLogits, loss } = crossEntropyAndGradient(
        random([1, 16, 7], 'logits', 3),
        oneHotRows(16, 7),
        16,
      );
      return [dLogits, loss];
    },
    plain: () => {
      const logits = random([1, 16, 7], 'logits', 3);
      const targets = oneHotRows(16, 7);
      const probs = tf.softmax(logits);
      return [
        tf.mul(tf.sub(probs, targets), 1 / 16),
        tf.neg(tf.mean(tf.log(tf.sum(tf.mul(probs, targets), -1)))),
      ];
    },
  },
  {
    name: 'attention forward',
    kernel: 'CollapseLabAttention',
    engine: () => {
      const { merged, saved } = attentionForward(
        attentionInputs().qkv,
        attentionMask(6, 'batched'),
        ATTENTION_DIMS,
      );
      return [merged, saved.tensors[saved.form === 'gpu' ? 1 : 3]];
    },
    plain: () => {
      const { merged, saved } = attentionForward(
        attentionInputs().qkv,
        attentionMask(6, 'batched'),
        ATTENTION_DIMS,
        'batched',
      );
      return [merged, saved.tensors[3]];
    },
  },
  {
    name: 'attention backward',
    kernel: 'CollapseLabAttentionGrad',
    engine: () => {
      const { qkv, dy } = attentionInputs();
      return [
        attentionBackward(
          dy,
          attentionForward(qkv, attentionMask(6, 'batched'), ATTENTION_DIMS).saved,
          ATTENTION_DIMS,
        ),
      ];
    },
    plain: () => {
      const { qkv, dy } = attentionInputs();
      return [
        attentionBackward(
          dy,
          attentionForward(qkv, attentionMask(6, 'batched'), ATTENTION_DIMS, 'batched').saved,
          ATTENTION_DIMS,
        ),
      ];
    },
  },
  {
    name: 'AdamW update and write-back (3 steps)',
    kernel: 'CollapseLabAdamW',
    engine: adamWSteps,
    plain: adamWSteps,
  },
  // The fast paths against the specification (gpt.ts) on cpu, as tests/unit/model/spec.test.ts holds them on cpu and wasm.
  {
    name: 'training step (loss and every gradient) against tf.variableGrads of gptLoss',
    kernel: 'CollapseLabAttentionGrad',
    engine: trainingStep,
    plain: specGradients,
  },
  {
    name: "evaluation's window logits against gptLogits",
    kernel: 'CollapseLabAttention',
    engine: () => onMicroModel((m, w) => [windowLogits(m, w.tokens)]),
    plain: specLogits,
  },
  {
    name: "the KV cache's logits, token by token, against gptLogits",
    kernel: '_FusedMatMul',
    engine: cacheLogits,
    plain: specLogits,
  },
];

/** Three AdamW updates of variables of mixed shapes (odd sizes, 9 vectors), from the same seeded values and gradients: the variables after. */
function adamWSteps(): tf.Tensor[] {
  const shapes = [[3, 4], [5, 4], [2, 6], [7], [4, 4], [3], [2], [6], [1], [5], [2], [3], [4], [3, 2]];
  const variables = shapes.map((s, i) => tf.variable(random(s, `adamw-${i}`)));
  const optimizer = new AdamW(variables, { ...DEFAULT_ADAMW, weightDecay: 0.1, clipNorm: 2 });
  [0.1, 0.05, 0.02].forEach((lr, step) =>
    optimizer.apply(
      shapes.map((s, i) => random(s, `adamw-grad-${step}-${i}`, 3)),
      lr,
    ),
  );
  optimizer.dispose();
  const after = variables.map((v) => tf.clone(v));
  tf.dispose(variables);
  return after;
}

/** f of a micro model (2 layers, windows of 8) and a seeded batch of 3 windows; the model is disposed after. */
function onMicroModel(
  f: (model: Gpt, batch: { windows: Windows; tokens: tf.Tensor2D; targets: tf.Tensor1D }) => tf.Tensor[],
): tf.Tensor[] {
  const model = createGpt(
    { vocabSize: 11, contextLength: 8, layers: 2, heads: 2, width: 8, mlpRatio: 2 },
    createRng('kernel-check:model'),
  );
  const stream = documentsToStream([Int32Array.from({ length: 60 }, (_, i) => 1 + ((i * 7) % 10))]);
  const windows = sampleWindows(stream, 3, 8, createRng('kernel-check:windows'));
  try {
    return f(model, {
      windows,
      tokens: tf.tensor2d(windows.inputs, [3, 8], 'int32'),
      targets: tf.tensor1d(windows.targets, 'int32'),
    });
  } finally {
    model.dispose();
  }
}

/** The hand-written training step: the loss and every gradient. */
function trainingStep(): tf.Tensor[] {
  return onMicroModel((model, { windows }) => {
    const { loss, grads } = lossAndGradients(model, windows);
    return [loss, ...grads];
  });
}

/** What the step must give: gptLoss and its automatic gradients, in the model's variable order. */
function specGradients(): tf.Tensor[] {
  return onMicroModel((model, { tokens, targets }) => {
    const { value, grads } = tf.variableGrads(() => gptLoss(model, tokens, targets), model.variables);
    return [value, ...model.variables.map((v) => grads[v.name])];
  });
}

/** gptLogits of every position of the batch: [3 * 8, vocab]. */
function specLogits(): tf.Tensor[] {
  return onMicroModel((model, { tokens }) => [gptLogits(model, tokens)]);
}

/** The KV cache fed the batch one token at a time, its logits laid out as gptLogits's. */
function cacheLogits(): tf.Tensor[] {
  return onMicroModel((model, { windows }) => {
    const cache = new KvCache(3);
    const rows: tf.Tensor[] = [];
    for (let i = 0; i < 8; i++)
      rows.push(
        extendIds(
          model,
          cache,
          [0, 1, 2].map((b) => windows.inputs[b * 8 + i]),
          1,
        ),
      );
    cache.dispose();
    return [tf.reshape(tf.stack(rows, 1), [3 * 8, -1])];
  });
}

async function valuesOf(outputs: () => tf.Tensor[]): Promise<Float32Array[]> {
  const tensors = tf.tidy(outputs);
  try {
    return (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
  } finally {
    tf.dispose(tensors);
  }
}

function compare(name: string, got: Float32Array[], want: Float32Array[]): KernelCheckResult {
  if (got.length !== want.length || got.some((g, i) => g.length !== want[i].length))
    return { name, error: Infinity, ok: false, problem: 'outputs of other sizes' };
  let diff = 0;
  let scale = 1;
  want.forEach((w, i) =>
    w.forEach((x, k) => {
      diff = Math.max(diff, Math.abs(got[i][k] - x));
      scale = Math.max(scale, Math.abs(x));
    }),
  );
  const error = Number.isNaN(diff) || got.some((g) => g.some(Number.isNaN)) ? NaN : diff / scale;
  return { name, error, ok: error <= TOLERANCE };
}

/** Every check on the current backend against the plain formulas on cpu (the current backend is active again after). */
export async function runKernelChecks(): Promise<KernelCheckResult[]> {
  const backend = tf.getBackend();
  const results: KernelCheckResult[] = [];
  for (const check of CHECKS) {
    try {
      let got: Float32Array[] = [];
      const profile = await tf.profile(async () => {
        got = await valuesOf(check.engine);
      });
      await tf.setBackend('cpu');
      const want = await valuesOf(check.plain).finally(() => tf.setBackend(backend));
      const result = compare(check.name, got, want);
      const ran = backend === 'cpu' || profile.kernels.some((k) => k.name === check.kernel);
      results.push(
        ran ? result : { ...result, ok: false, problem: `${check.kernel} did not run on ${backend}` },
      );
    } catch (e) {
      results.push({
        name: check.name,
        error: NaN,
        ok: false,
        problem: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return results;
}
