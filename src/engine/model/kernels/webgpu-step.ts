import type * as tf from '@tensorflow/tfjs';
import {
  ADAMW_UPDATE,
  type AdamWAttrs,
  ATTENTION,
  ATTENTION_GRAD,
  attrsOf,
  registerFused,
  SOFTMAX_CROSS_ENTROPY,
  UNPACK,
} from './catalog';
import { dispatch, f32, on } from './webgpu-fused';

/**
 * The training step's other GPU kernels (catalog.ts) on WebGPU, with webgpu-fused.ts's
 * dispatch: softmax cross-entropy in 1 dispatch (was 9 tf kernels), attention in 1 forward (was
 * 10: split of the heads, scale, product, mask, softmax, product, merge) and 2 backward (was 12),
 * AdamW's update in 2 (was 23) and its write-back into the variables in one dispatch per 7 of
 * them (was one slice each).
 */

type Backend = ReturnType<typeof on>;
const sizeOf = (t: tf.TensorInfo) => t.shape.reduce((a, b) => a * b, 1);

/** A workgroup's 256 partial sums `part` added into part[0] (after each thread stored its own). */
const TREE_256 = `workgroupBarrier();
  for (var span = 128; span > 0; span /= 2) {
    if (lid < span) { part[lid] += part[lid + span]; }
    workgroupBarrier();
  }`;

/** One workgroup walks the rows: each thread writes its rows' gradient and adds their losses, then a tree adds the threads'. */
function softmaxCrossEntropy(
  backend: Backend,
  logits: tf.TensorInfo,
  targets: tf.TensorInfo,
): tf.TensorInfo[] {
  const v = logits.shape[logits.shape.length - 1];
  const n = sizeOf(logits) / v;
  return dispatch(
    backend,
    {
      key: `softmax_ce_${n}_${v}`,
      inputs: ['logits', 'targets'],
      outputs: [
        { name: 'dLogits', shape: logits.shape },
        { name: 'loss', shape: [] },
      ],
      threads: 256,
      workgroup: 256,
      prelude: 'var<workgroup> part : array<f32, 256>;',
      body: `var total = 0.0;
      for (var r = lid; r < ${n}; r += 256) {
        let at = r * ${v};
        var mx = logits[at];
        for (var j = 1; j < ${v}; j++) { mx = max(mx, logits[at + j]); }
        var z = 0.0;
        var picked = 0.0;
        for (var j = 0; j < ${v}; j++) { z += exp(logits[at + j] - mx); picked += targets[at + j] * logits[at + j]; }
        for (var j = 0; j < ${v}; j++) { dLogits[at + j] = (exp(logits[at + j] - mx) / z - targets[at + j]) * ${f32(1 / n)}; }
        total += min(log(z) + mx - picked, ${f32(-Math.log(1e-30))});
      }
      part[lid] = total;
      ${TREE_256}
      if (lid == 0) { loss[0] = part[0] / ${f32(n)}; }`,
    },
    [logits, targets],
  );
}

interface Dims {
  batch: number;
  t: number;
  heads: number;
}

/** Index names of attention's programs: b, i (row of a window), h, g = b * heads + h, and the offsets of q, k, v in qkv. */
function attentionShape(qkv: tf.TensorInfo, { batch, t, heads }: Dims) {
  const c = qkv.shape[qkv.shape.length - 1] / 3;
  const d = c / heads;
  return { c, d, g: batch * heads, scale: f32(1 / Math.sqrt(d)), key: `${batch}_${t}_${heads}_${c}` };
}

/** One thread per query row (g, i): its scores in registers, their softmax, the row of probabilities and the head's merged row. */
function attention(backend: Backend, qkv: tf.TensorInfo, dims: Dims): tf.TensorInfo[] {
  const { t, heads } = dims;
  const { c, d, g, scale, key } = attentionShape(qkv, dims);
  return dispatch(
    backend,
    {
      key: `attention_${key}`,
      inputs: ['qkv'],
      outputs: [
        { name: 'merged', shape: [1, dims.batch * t, c] },
        { name: 'probs', shape: [g, t, t] },
      ],
      threads: g * t,
      body: `if (index >= ${g * t}) { return; }
      let gi = index / ${t};
      let i = index % ${t};
      let b = gi / ${heads};
      let h = gi % ${heads};
      let qo = (b * ${t} + i) * ${3 * c} + h * ${d};
      var s : array<f32, ${t}>;
      var mx = -3.0e38;
      for (var j = 0; j <= i; j++) {
        let ko = (b * ${t} + j) * ${3 * c} + ${c} + h * ${d};
        var dot = 0.0;
        for (var e = 0; e < ${d}; e++) { dot += qkv[qo + e] * qkv[ko + e]; }
        s[j] = dot * ${scale};
        mx = max(mx, s[j]);
      }
      var z = 0.0;
      for (var j = 0; j <= i; j++) { s[j] = exp(s[j] - mx); z += s[j]; }
      for (var j = 0; j < ${t}; j++) { probs[index * ${t} + j] = select(0.0, s[j] / z, j <= i); }
      for (var e = 0; e < ${d}; e++) {
        var acc = 0.0;
        for (var j = 0; j <= i; j++) { acc += s[j] * qkv[(b * ${t} + j) * ${3 * c} + ${2 * c} + h * ${d} + e]; }
        merged[(b * ${t} + i) * ${c} + h * ${d} + e] = acc / z;
      }`,
    },
    [qkv],
  );
}

/** dS = P (dP - dy . merged) scale, one thread per (g, i, j); then d(qkv), one thread per number, each a sum over one axis. */
function attentionGrad(
  backend: Backend,
  [dy, qkv, probs, merged]: tf.TensorInfo[],
  dims: Dims,
): tf.TensorInfo[] {
  const { t, heads } = dims;
  const { c, d, g, scale, key } = attentionShape(qkv, dims);
  const [dScores] = dispatch(
    backend,
    {
      key: `attention_dscores_${key}`,
      inputs: ['dy', 'qkv', 'probs', 'merged'],
      outputs: [{ name: 'dS', shape: [g, t, t] }],
      threads: g * t * t,
      body: `if (index >= ${g * t * t}) { return; }
      let j = index % ${t};
      let i = (index / ${t}) % ${t};
      let gi = index / ${t * t};
      if (j > i) { dS[index] = 0.0; return; }
      let yo = (gi / ${heads} * ${t} + i) * ${c} + gi % ${heads} * ${d};
      let vo = (gi / ${heads} * ${t} + j) * ${3 * c} + ${2 * c} + gi % ${heads} * ${d};
      var dp = 0.0;
      var dd = 0.0;
      for (var e = 0; e < ${d}; e++) { dp += dy[yo + e] * qkv[vo + e]; dd += dy[yo + e] * merged[yo + e]; }
      dS[index] = probs[index] * (dp - dd) * ${scale};`,
    },
    [dy, qkv, probs, merged],
  );
  const n = dims.batch * t;
  const out = dispatch(
    backend,
    {
      key: `attention_dqkv_${key}`,
      inputs: ['dS', 'qkv', 'probs', 'dy'],
      outputs: [{ name: 'dQkv', shape: [1, n, 3 * c] }],
      threads: n * 3 * c,
      body: `if (index >= ${n * 3 * c}) { return; }
      let col = index % ${3 * c};
      let row = index / ${3 * c};
      let b = row / ${t};
      let i = row % ${t};
      let part = col / ${c};
      let h = (col % ${c}) / ${d};
      let e = col % ${d};
      let base = (b * ${heads} + h) * ${t * t};
      var acc = 0.0;
      if (part == 0) {
        for (var j = 0; j <= i; j++) { acc += dS[base + i * ${t} + j] * qkv[(b * ${t} + j) * ${3 * c} + ${c} + h * ${d} + e]; }
      } else if (part == 1) {
        for (var k = i; k < ${t}; k++) { acc += dS[base + k * ${t} + i] * qkv[(b * ${t} + k) * ${3 * c} + h * ${d} + e]; }
      } else {
        for (var k = i; k < ${t}; k++) { acc += probs[base + k * ${t} + i] * dy[(b * ${t} + k) * ${c} + h * ${d} + e]; }
      }
      dQkv[index] = acc;`,
    },
    [dScores, qkv, probs, dy],
  );
  backend.disposeData(dScores.dataId);
  return out;
}

/** The squared norm of g (one workgroup), then every number's update (one thread each, the step's scalars as uniforms). */
function adamW(backend: Backend, [g, params, m, v]: tf.TensorInfo[], a: AdamWAttrs): tf.TensorInfo[] {
  const size = sizeOf(g);
  const [sumSquares] = dispatch(
    backend,
    {
      key: `adamw_norm_${size}`,
      inputs: ['g'],
      outputs: [{ name: 'sumSquares', shape: [1] }],
      threads: 256,
      workgroup: 256,
      prelude: 'var<workgroup> part : array<f32, 256>;',
      body: `var s = 0.0;
      for (var k = lid; k < ${size}; k += 256) { s += g[k] * g[k]; }
      part[lid] = s;
      ${TREE_256}
      if (lid == 0) { sumSquares[0] = part[0]; }`,
    },
    [g],
  );
  const out = dispatch(
    backend,
    {
      key: `adamw_update_${size}`,
      inputs: ['g', 'params', 'm', 'v', 'sumSquares'],
      outputs: [
        { name: 'newParams', shape: params.shape },
        { name: 'newM', shape: m.shape },
        { name: 'newV', shape: v.shape },
      ],
      threads: size,
      uniforms: [a.beta1, a.beta2, a.clipNorm, a.stepScale, a.denomEps, a.decay, a.decayEnd],
      body: `if (index >= ${size}) { return; }
      let beta1 = u.v[0].x;
      let beta2 = u.v[0].y;
      var s = 1.0;
      if (u.v[0].z > 0.0) { s = min(1.0, u.v[0].z / (sqrt(sumSquares[0]) + 1e-6)); }
      let gi = g[index];
      let mi = m[index] * beta1 + gi * (s * (1.0 - beta1));
      let vi = v[index] * beta2 + gi * gi * (s * s * (1.0 - beta2));
      newM[index] = mi;
      newV[index] = vi;
      let decay = select(1.0, u.v[1].y, f32(index) < u.v[1].z);
      newParams[index] = params[index] * decay - mi / (sqrt(vi) + u.v[1].x) * u.v[0].w;`,
    },
    [g, params, m, v, sumSquares],
  );
  backend.disposeData(sumSquares.dataId);
  return out;
}

/** Seven pieces per dispatch (WebGPU gives a shader 8 storage buffers by default), one thread per number of the largest. */
function unpack(backend: Backend, x: tf.TensorInfo, shapes: number[][]): tf.TensorInfo[] {
  const pieces: tf.TensorInfo[] = [];
  let offset = 0;
  for (let first = 0; first < shapes.length; first += 7) {
    const batch = shapes.slice(first, first + 7).map((shape, k) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const piece = { name: `out${k}`, shape, size, offset };
      offset += size;
      return piece;
    });
    const threads = Math.max(...batch.map((p) => p.size));
    const body = batch
      .map((p) => `if (index < ${p.size}) { ${p.name}[index] = x[${p.offset} + index]; }`)
      .join('\n');
    const key = `unpack_${batch.map((p) => `${p.offset}+${p.size}`).join('_')}`;
    pieces.push(...dispatch(backend, { key, inputs: ['x'], outputs: batch, threads, body }, [x]));
  }
  return pieces;
}

registerFused(SOFTMAX_CROSS_ENTROPY, 'webgpu', (b, [logits, targets]) =>
  softmaxCrossEntropy(on(b), logits, targets),
);
registerFused(ATTENTION, 'webgpu', (b, [qkv], attrs) => attention(on(b), qkv, attrsOf<Dims>(attrs)));
registerFused(ATTENTION_GRAD, 'webgpu', (b, inputs, attrs) =>
  attentionGrad(on(b), inputs, attrsOf<Dims>(attrs)),
);
registerFused(ADAMW_UPDATE, 'webgpu', (b, inputs, attrs) => adamW(on(b), inputs, attrsOf<AdamWAttrs>(attrs)));
registerFused(UNPACK, 'webgpu', (b, [x], attrs) =>
  unpack(on(b), x, attrsOf<{ shapes: number[][] }>(attrs).shapes),
);
