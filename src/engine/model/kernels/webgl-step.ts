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
import { float, on, packed, type PackedProgram, type WebGlBackendShape } from './webgl-fused';

/**
 * The training step's other GPU kernels (catalog.ts) on WebGL, as GLSL programs on packed
 * textures (webgl-fused.ts explains the blocks): softmax cross-entropy in 3 programs (was about
 * 15), attention in 3 forward (row max and sum, probabilities, merged heads; was about 25 with the
 * packing of its reshapes) and 2 backward (was about 20), AdamW's update in 5 (was about 28) and
 * its write-back in one program per variable (was one slice each and a reshape per group).
 * Attention needs even windows and head widths (rows and columns are read in pairs).
 */

const run = (backend: WebGlBackendShape, p: PackedProgram, inputs: tf.TensorInfo[], uniforms?: number[][]) =>
  backend.runWebGLProgram(p, inputs, 'float32', uniforms);

/** Each row pair's max mx, sum of exponentials z and target logit `picked` (one-hot targets), over v columns (odd v: the last pair's second column is padding). */
const rowStats = (v: number) => `vec2 mx = vec2(-3.0e38);
  for (int k = 0; k < ${v}; k += 2) { vec4 l = getLogits(0, r, k); mx = max(mx, l.xz); if (k + 1 < ${v}) { mx = max(mx, l.yw); } }
  vec2 z = vec2(0.);
  vec2 picked = vec2(0.);
  for (int k = 0; k < ${v}; k += 2) {
    vec4 l = getLogits(0, r, k);
    vec4 tl = getTargets(0, r, k) * l;
    vec4 e = exp(l - mx.xxyy);
    z += e.xz;
    picked += tl.xz;
    if (k + 1 < ${v}) { z += e.yw; picked += tl.yw; }
  }`;

function softmaxCrossEntropy(
  backend: WebGlBackendShape,
  logits: tf.TensorInfo,
  targets: tf.TensorInfo,
): tf.TensorInfo[] {
  const [n, v] = [logits.shape[1], logits.shape[2]];
  const names = ['logits', 'targets'];
  const dLogits = run(
    backend,
    packed(
      names,
      logits.shape,
      `${rowStats(v)}
    result = (exp(getLogits(0, r, j) - mx.xxyy) / z.xxyy - getTargets(0, r, j)) * ${float(1 / n)};`,
    ),
    [logits, targets],
  );
  const floor = float(-Math.log(1e-30));
  const rows = run(
    backend,
    packed(
      names,
      [1, n, 1],
      `${rowStats(v)}
    vec2 loss = min(log(z) + mx - picked, vec2(${floor}));
    result = vec4(loss.x, 0., loss.y, 0.);`,
    ),
    [logits, targets],
  );
  const loss = run(
    backend,
    packed(
      ['rows'],
      [1, 1, 1],
      `float s = 0.;
    for (int k = 0; k < ${n}; k += 2) { vec4 q = getRows(0, k, 0); s += q.x; if (k + 1 < ${n}) { s += q.z; } }
    result = vec4(s / ${float(n)});`,
    ),
    [rows],
  );
  backend.disposeIntermediateTensorInfo(rows);
  return [dLogits, loss];
}

interface Dims {
  batch: number;
  t: number;
  heads: number;
}

/** Attention's index names: in a [g, t, *] output, bi and h of g = b; qr, the row of query r in qkv. */
function attentionShape(qkv: tf.TensorInfo, { t, heads }: Dims) {
  const c = qkv.shape[2] / 3;
  const d = c / heads;
  return { c, d, head: `int bi = b / ${heads}; int h = b - bi * ${heads}; int qr = bi * ${t} + r;` };
}

/** sc: the scaled scores of query rows qRow, qRow + 1 against key rows kRow, kRow + 1 (lanes as a block). */
const scores = (d: number, c: number, kRow: string) => `vec4 sc = vec4(0.);
  for (int e = 0; e < ${d}; e += 2) {
    vec4 qb = getQkv(0, qr, h * ${d} + e);
    vec4 kb = getQkv(0, ${kRow}, ${c} + h * ${d} + e);
    sc += vec4(dot(qb.xy, kb.xy), dot(qb.xy, kb.zw), dot(qb.zw, kb.xy), dot(qb.zw, kb.zw));
  }
  sc *= ${float(1 / Math.sqrt(d))};`;

/** The block product sum over k of a[rows, k] b[k, cols], from a's block (rows, k pair) and b's (k pair, cols). */
const rowTimesCol = (a: string, b: string) =>
  `vec4(${a}.x * ${b}.x + ${a}.y * ${b}.z, ${a}.x * ${b}.y + ${a}.y * ${b}.w, ${a}.z * ${b}.x + ${a}.w * ${b}.z, ${a}.z * ${b}.y + ${a}.w * ${b}.w)`;
/** The block product sum over k of a[k, rows] b[k, cols], from a's block (k pair, rows) and b's (k pair, cols). */
const colTimesCol = (a: string, b: string) =>
  `vec4(${a}.x * ${b}.x + ${a}.z * ${b}.z, ${a}.x * ${b}.y + ${a}.z * ${b}.w, ${a}.y * ${b}.x + ${a}.w * ${b}.z, ${a}.y * ${b}.y + ${a}.w * ${b}.w)`;

const ONLINE_SOFTMAX = `void upd(inout float m, inout float z, float s) { float mn = max(m, s); z = z * exp(m - mn) + exp(s - mn); m = mn; }`;

function attention(backend: WebGlBackendShape, qkv: tf.TensorInfo, dims: Dims): tf.TensorInfo[] {
  const { batch, t, heads } = dims;
  const { c, d, head } = attentionShape(qkv, dims);
  const g = batch * heads;
  const stats = run(
    backend,
    packed(
      ['qkv'],
      [g, t, 2],
      `${head}
    float m0 = -1e30; float z0 = 0.; float m1 = -1e30; float z1 = 0.;
    for (int k = 0; k < ${t}; k += 2) {
      if (k > r + 1) { break; }
      ${scores(d, c, `bi * ${t} + k`)}
      if (k <= r) { upd(m0, z0, sc.x); }
      if (k + 1 <= r) { upd(m0, z0, sc.y); }
      upd(m1, z1, sc.z);
      if (k + 1 <= r + 1) { upd(m1, z1, sc.w); }
    }
    result = vec4(m0, z0, m1, z1);`,
      ONLINE_SOFTMAX,
    ),
    [qkv],
  );
  const probs = run(
    backend,
    packed(
      ['qkv', 'stats'],
      [g, t, t],
      `${head}
    ${scores(d, c, `bi * ${t} + j`)}
    vec4 st = getStats(b, r, 0);
    vec4 p = exp(sc - st.xxzz) / st.yyww;
    result = vec4(j <= r ? p.x : 0., j + 1 <= r ? p.y : 0., j <= r + 1 ? p.z : 0., j + 1 <= r + 1 ? p.w : 0.);`,
    ),
    [qkv, stats],
  );
  backend.disposeIntermediateTensorInfo(stats);
  const merged = run(
    backend,
    packed(
      ['probs', 'qkv'],
      [1, batch * t, c],
      `int bi = r / ${t}; int i = r - bi * ${t}; int h = j / ${d};
    for (int k = 0; k < ${t}; k += 2) {
      if (k > i + 1) { break; }
      vec4 pb = getProbs(bi * ${heads} + h, i, k);
      vec4 vb = getQkv(0, bi * ${t} + k, ${2 * c} + j);
      result += ${rowTimesCol('pb', 'vb')};
    }`,
    ),
    [probs, qkv],
  );
  return [merged, probs];
}

function attentionGrad(
  backend: WebGlBackendShape,
  [dy, qkv, probs, merged]: tf.TensorInfo[],
  dims: Dims,
): tf.TensorInfo[] {
  const { batch, t, heads } = dims;
  const { c, d, head } = attentionShape(qkv, dims);
  const ds = run(
    backend,
    packed(
      ['dy', 'qkv', 'probs', 'merged'],
      [batch * heads, t, t],
      `${head}
    vec4 dp = vec4(0.);
    vec2 dd = vec2(0.);
    for (int e = 0; e < ${d}; e += 2) {
      vec4 yb = getDy(0, qr, h * ${d} + e);
      vec4 vb = getQkv(0, bi * ${t} + j, ${2 * c} + h * ${d} + e);
      vec4 mb = getMerged(0, qr, h * ${d} + e);
      dp += vec4(dot(yb.xy, vb.xy), dot(yb.xy, vb.zw), dot(yb.zw, vb.xy), dot(yb.zw, vb.zw));
      dd += vec2(dot(yb.xy, mb.xy), dot(yb.zw, mb.zw));
    }
    result = getProbs(b, r, j) * (dp - dd.xxyy) * ${float(1 / Math.sqrt(d))};`,
    ),
    [dy, qkv, probs, merged],
  );
  // Rows r, r + 1 are positions i, i + 1 of window bi; columns j, j + 1 are e, e + 1 of head h in q, k or v.
  const dQkv = run(
    backend,
    packed(
      ['ds', 'qkv', 'probs', 'dy'],
      [1, batch * t, 3 * c],
      `int bi = r / ${t}; int i = r - bi * ${t};
    int part = j / ${c}; int h = (j - part * ${c}) / ${d}; int e = j - part * ${c} - h * ${d}; int gg = bi * ${heads} + h;
    for (int k = 0; k < ${t}; k += 2) {
      if (part == 0) {
        if (k > i + 1) { break; }
        vec4 sb = getDs(gg, i, k);
        vec4 kb = getQkv(0, bi * ${t} + k, ${c} + h * ${d} + e);
        result += ${rowTimesCol('sb', 'kb')};
      } else if (k >= i) {
        vec4 sb = part == 1 ? getDs(gg, k, i) : getProbs(gg, k, i);
        vec4 xb = part == 1 ? getQkv(0, bi * ${t} + k, h * ${d} + e) : getDy(0, bi * ${t} + k, h * ${d} + e);
        result += ${colTimesCol('sb', 'xb')};
      }
    }`,
    ),
    [ds, qkv, probs, dy],
  );
  backend.disposeIntermediateTensorInfo(ds);
  return [dQkv];
}

/** Numbers of g summed per partial sum of its squares (one output number each, two per program invocation). */
const CHUNK = 512;
const ADAM_UNIFORMS: PackedProgram['customUniforms'] = [
  { name: 'adam0', type: 'vec4' },
  { name: 'adam1', type: 'vec4' },
];

/** x packed once where it lives on the GPU unpacked (a 1-D concat's output: the packed gradient), else null. */
function packedOnce(backend: WebGlBackendShape, x: tf.TensorInfo): tf.TensorInfo | null {
  const data = backend.texData.get(x.dataId);
  return data.texture != null && !data.isPacked ? backend.packTensor(x) : null;
}

function adamW(
  backend: WebGlBackendShape,
  [gIn, params, m, v]: tf.TensorInfo[],
  a: AdamWAttrs,
): tf.TensorInfo[] {
  // Read by three programs: packed once here rather than by each.
  const gPacked = packedOnce(backend, gIn);
  const g = gPacked ?? gIn;
  const size = g.shape[0];
  const parts = Math.ceil(size / CHUNK);
  const squares = (at: string, lane: string) =>
    `if (${at} < ${size}) { vec4 q = getG(${at}); ${lane} += q.x * q.x; if (${at} + 1 < ${size}) { ${lane} += q.y * q.y; } }`;
  const partial = run(
    backend,
    packed(
      ['g'],
      [parts],
      `vec2 s = vec2(0.);
    for (int k = 0; k < ${CHUNK}; k += 2) { ${squares(`index * ${CHUNK} + k`, 's.x')} ${squares(`index * ${CHUNK} + ${CHUNK} + k`, 's.y')} }
    result = vec4(s, 0., 0.);`,
    ),
    [g],
  );
  const total = run(
    backend,
    packed(
      ['parts'],
      [1],
      `float s = 0.;
    for (int k = 0; k < ${parts}; k += 2) { vec4 q = getParts(k); s += q.x; if (k + 1 < ${parts}) { s += q.y; } }
    result = vec4(s, 0., 0., 0.);`,
    ),
    [partial],
  );
  backend.disposeIntermediateTensorInfo(partial);
  const uniforms = [
    [a.beta1, a.beta2, a.clipNorm, a.stepScale],
    [a.denomEps, a.decay, a.decayEnd, 0],
  ];
  const clip = 'float s = adam0.z > 0. ? min(1., adam0.z / (sqrt(getTotal(0).x) + 1e-6)) : 1.;';
  const moment = (name: string, body: string) =>
    run(
      backend,
      {
        ...packed(['g', name, 'total'], [size], `${clip}\n vec4 gi = getG(index);\n ${body}`),
        customUniforms: ADAM_UNIFORMS,
      },
      [g, name === 'm' ? m : v, total],
      uniforms,
    );
  const newM = moment('m', 'result = getM(index) * adam0.x + gi * (s * (1. - adam0.x));');
  const newV = moment('v', 'result = getV(index) * adam0.y + gi * gi * (s * s * (1. - adam0.y));');
  backend.disposeIntermediateTensorInfo(total);
  const newParams = run(
    backend,
    {
      ...packed(
        ['params', 'newM', 'newV'],
        [size],
        `vec2 decay = vec2(float(index) < adam1.z ? adam1.y : 1., float(index + 1) < adam1.z ? adam1.y : 1.);
    result = getParams(index) * vec4(decay, 1., 1.) - getNewM(index) / (sqrt(getNewV(index)) + adam1.x) * adam0.w;`,
      ),
      customUniforms: ADAM_UNIFORMS,
    },
    [params, newM, newV],
    uniforms,
  );
  if (gPacked) backend.disposeIntermediateTensorInfo(gPacked);
  return [newParams, newM, newV];
}

/** One program per piece, reading x [size] (a flat packed texture: two numbers per texel) from the piece's offset. */
function unpack(backend: WebGlBackendShape, x: tf.TensorInfo, shapes: number[][]): tf.TensorInfo[] {
  const size = x.shape[0];
  const flatAt = `float flatAt(int i) { int k = min(i, ${size - 1}); vec4 q = getX(k); return k - (k / 2) * 2 == 0 ? q.x : q.y; }`;
  let offset = 0;
  return shapes.map((shape) => {
    const body =
      shape.length === 1
        ? 'result = vec4(flatAt(pieceOffset + index), flatAt(pieceOffset + index + 1), 0., 0.);'
        : `int o = pieceOffset + r * ${shape[1]} + j;\n result = vec4(flatAt(o), flatAt(o + 1), flatAt(o + ${shape[1]}), flatAt(o + ${shape[1]} + 1));`;
    const piece = run(
      backend,
      { ...packed(['x'], shape, body, flatAt), customUniforms: [{ name: 'pieceOffset', type: 'int' }] },
      [x],
      [[offset]],
    );
    offset += shape.reduce((p, q) => p * q, 1);
    return piece;
  });
}

registerFused(SOFTMAX_CROSS_ENTROPY, 'webgl', (b, [logits, targets]) =>
  softmaxCrossEntropy(on(b), logits, targets),
);
registerFused(ATTENTION, 'webgl', (b, [qkv], attrs) => attention(on(b), qkv, attrsOf<Dims>(attrs)));
registerFused(ATTENTION_GRAD, 'webgl', (b, inputs, attrs) =>
  attentionGrad(on(b), inputs, attrsOf<Dims>(attrs)),
);
registerFused(ADAMW_UPDATE, 'webgl', (b, inputs, attrs) => adamW(on(b), inputs, attrsOf<AdamWAttrs>(attrs)));
registerFused(UNPACK, 'webgl', (b, [x], attrs) =>
  unpack(on(b), x, attrsOf<{ shapes: number[][] }>(attrs).shapes),
);
