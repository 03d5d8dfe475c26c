import * as tf from '@tensorflow/tfjs';
import {
  COLUMN_SUMS,
  epsilonOf,
  GELU,
  GELU_GRAD,
  GELU_K1,
  GELU_K2,
  LAYER_NORM,
  LAYER_NORM_GRAD,
  LAYER_NORM_GRAD_GPU,
  LAYER_NORM_GRAD_RESIDUAL_GPU,
  registerFused,
} from './catalog';

/**
 * The fused LayerNorm and GELU kernels (catalog.ts: same names, inputs
 * and outputs) and the column sums on WebGL, as GLSL programs on packed textures: WebGL's products
 * and elementwise ops leave their results packed (2 x 2 blocks of rows and columns in one texel),
 * and a program that read them unpacked would cost an unpacking launch per input. LayerNorm takes
 * 3 programs forward (row rstd, xhat, y) and 2 backward (the row means of the gradient inside dx,
 * dy * xhat), or 3 with its reductions (dx, the gain's and the bias's gradients: column sums),
 * GELU 2 and 1, instead of 9 + 9 and 6 + 7; column sums 1 (a product with a row of ones takes
 * about 6 here). Rows of an odd width are left to composed tf ops (fusedOnWebGl); webgl-step.ts
 * has the training step's other kernels.
 *
 * In a program, getX(0, r, j) is the block of rows r, r + 1 and columns j, j + 1 of x [1, n, c]
 * (.x = (r, j), .y = (r, j + 1), .z = (r + 1, j), .w = (r + 1, j + 1)); a vector's getG(j) holds
 * g[j] and g[j + 1] in .x and .y; a per-row [1, n, 1] tensor's block holds row r in .x, r + 1 in .z.
 */

export interface PackedProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs: boolean;
  packedOutput: boolean;
  customUniforms?: { name: string; type: 'float' | 'int' | 'vec4' }[];
}

export interface WebGlBackendShape {
  runWebGLProgram(
    program: PackedProgram,
    inputs: tf.TensorInfo[],
    outputDtype: tf.DataType,
    customUniformValues?: number[][],
  ): tf.TensorInfo;
  disposeIntermediateTensorInfo(info: tf.TensorInfo): void;
  texData: { get(dataId: tf.DataId): { isPacked?: boolean; texture?: unknown } };
  packTensor(info: tf.TensorInfo): tf.TensorInfo;
}

/**
 * `body` sets `result` (a vec4 block) from the output block at rows r, r + 1 and columns j, j + 1
 * of a rank-2 or rank-3 output (b its leading index), or at `index`, index + 1 (.x, .y) of a rank-1 one;
 * `functions` go before main.
 */
export function packed(
  variableNames: string[],
  outputShape: number[],
  body: string,
  functions = '',
): PackedProgram {
  const coords = [
    'int index = getOutputCoords();',
    'ivec2 coords = getOutputCoords(); int r = coords.x; int j = coords.y;',
    'ivec3 coords = getOutputCoords(); int b = coords.x; int r = coords.y; int j = coords.z;',
  ][outputShape.length - 1];
  return {
    variableNames,
    outputShape,
    packedInputs: true,
    packedOutput: true,
    userCode: `
      ${functions}
      void main() {
        ${coords}
        vec4 result = vec4(0.);
        ${body}
        setOutput(result);
      }`,
  };
}

/** GLSL float literal. */
export const float = (v: number) => (Number.isInteger(v) ? `${v}.` : `${v}`);

/** A loop over the column pairs of rows r, r + 1 (c even). */
const overColumns = (c: number, body: string) => `for (int k = 0; k < ${c}; k += 2) { ${body} }`;

/** Sums over the n rows of `term(k)` (a block of rows k, k + 1 at the output's columns j, j + 1), as a [1, 1, c] output. */
export function columnSums(
  variableNames: string[],
  n: number,
  c: number,
  term: (k: string) => string,
): PackedProgram {
  return packed(
    variableNames,
    [1, 1, c],
    `vec2 s = vec2(0.);
    for (int k = 0; k < ${n}; k += 2) { vec4 v = ${term('k')}; s += v.xy; if (k + 1 < ${n}) { s += v.zw; } }
    result = vec4(s, 0., 0.);`,
  );
}

/** The mean of rows r and r + 1 of x, as vec2 m (c even). */
const rowMeans = (c: number) => `vec2 m = vec2(0.);
  ${overColumns(c, 'vec4 v = getX(0, r, k); m += vec2(v.x + v.y, v.z + v.w);')}
  m /= ${float(c)};`;

function layerNorm(
  backend: WebGlBackendShape,
  x: tf.TensorInfo,
  gain: tf.TensorInfo,
  bias: tf.TensorInfo,
  epsilon: number,
): tf.TensorInfo[] {
  const c = x.shape[2];
  const rows = [1, x.shape[1], 1];
  const run = (p: PackedProgram, inputs: tf.TensorInfo[]) => backend.runWebGLProgram(p, inputs, 'float32');
  const rstd = run(
    packed(
      ['x'],
      rows,
      `${rowMeans(c)}
      vec2 s = vec2(0.);
      ${overColumns(c, 'vec4 d = getX(0, r, k) - m.xxyy; d *= d; s += vec2(d.x + d.y, d.z + d.w);')}
      s = inversesqrt(s / ${float(c)} + ${float(epsilon)});
      result = vec4(s.x, 0., s.y, 0.);`,
    ),
    [x],
  );
  const xhat = run(
    packed(
      ['x', 'rstd'],
      x.shape,
      `${rowMeans(c)}
 result = (getX(0, r, j) - m.xxyy) * getRstd(0, r, 0).xxzz;`,
    ),
    [x, rstd],
  );
  const y = run(
    packed(
      ['xhat', 'gain', 'bias'],
      x.shape,
      'result = getXhat(0, r, j) * getGain(j).xyxy + getBias(j).xyxy;',
    ),
    [xhat, gain, bias],
  );
  return [y, xhat, rstd];
}

/**
 * dx (+ residual), each block computing its rows' means of dxhat and dxhat * xhat (dxhat = dy *
 * gain) itself; then dy * xhat, or with `reductions` the gain's and the bias's gradients.
 */
function layerNormGrad(
  backend: WebGlBackendShape,
  inputs: tf.TensorInfo[],
  reductions: boolean,
): tf.TensorInfo[] {
  const [dy, xhat] = inputs;
  const [n, c] = [dy.shape[1], dy.shape[2]];
  const residual = inputs.length === 5;
  const names = ['dy', 'xhat', 'rstd', 'gain', ...(residual ? ['residual'] : [])];
  const run = (p: PackedProgram, on: tf.TensorInfo[]) => backend.runWebGLProgram(p, on, 'float32');
  const dx = run(
    packed(
      names,
      dy.shape,
      `vec4 s = vec4(0.);
      ${overColumns(
        c,
        `vec4 d = getDy(0, r, k) * getGain(k).xyxy;
        vec4 dh = d * getXhat(0, r, k);
        s += vec4(d.x + d.y, dh.x + dh.y, d.z + d.w, dh.z + dh.w);`,
      )}
      vec4 m = s / ${float(c)};
      result = getRstd(0, r, 0).xxzz * (getDy(0, r, j) * getGain(j).xyxy - m.xxzz - getXhat(0, r, j) * m.yyww)${residual ? ' + getResidual(0, r, j)' : ''};`,
    ),
    inputs,
  );
  if (!reductions)
    return [
      dx,
      run(packed(['dy', 'xhat'], dy.shape, 'result = getDy(0, r, j) * getXhat(0, r, j);'), [dy, xhat]),
    ];
  const dGain = run(
    columnSums(['dy', 'xhat'], n, c, (k) => `getDy(0, ${k}, j) * getXhat(0, ${k}, j)`),
    [dy, xhat],
  );
  const dBias = run(
    columnSums(['dy'], n, c, (k) => `getDy(0, ${k}, j)`),
    [dy],
  );
  return [dx, dGain, dBias];
}

function gelu(backend: WebGlBackendShape, x: tf.TensorInfo): tf.TensorInfo[] {
  const sig = backend.runWebGLProgram(
    packed(
      ['x'],
      x.shape,
      `vec4 v = getX(0, r, j);
      result = 1. / (1. + exp(-v * (${float(GELU_K1)} * v * v + ${float(GELU_K2)})));`,
    ),
    [x],
    'float32',
  );
  const y = backend.runWebGLProgram(
    packed(['x', 'sig'], x.shape, 'result = getX(0, r, j) * getSig(0, r, j);'),
    [x, sig],
    'float32',
  );
  return [y, sig];
}

function geluGrad(
  backend: WebGlBackendShape,
  dy: tf.TensorInfo,
  x: tf.TensorInfo,
  sig: tf.TensorInfo,
): tf.TensorInfo[] {
  const body = `vec4 v = getX(0, r, j);
    vec4 s = getSig(0, r, j);
    result = getDy(0, r, j) * (s + v * s * (1. - s) * (${float(GELU_K2)} + ${float(3 * GELU_K1)} * v * v));`;
  return [backend.runWebGLProgram(packed(['dy', 'x', 'sig'], dy.shape, body), [dy, x, sig], 'float32')];
}

/** The programs read rows [1, n, c] two columns at a time. */
export function fusedOnWebGl(width: number): boolean {
  return width % 2 === 0;
}

/** Column sums of x [1, n, c], any c (the odd last column's pair is padding, and so is its output's). */
function columnSumsOf(backend: WebGlBackendShape, x: tf.TensorInfo): tf.TensorInfo[] {
  const [n, c] = [x.shape[x.shape.length - 2], x.shape[x.shape.length - 1]];
  return [
    backend.runWebGLProgram(
      columnSums(['x'], n, c, (k) => `getX(0, ${k}, j)`),
      [x],
      'float32',
    ),
  ];
}

export const on = (b: object) => b as WebGlBackendShape;
registerFused(LAYER_NORM, 'webgl', (b, [x, gain, bias], attrs) =>
  layerNorm(on(b), x, gain, bias, epsilonOf(attrs)),
);
registerFused(LAYER_NORM_GRAD, 'webgl', (b, inputs) => layerNormGrad(on(b), inputs, false));
registerFused(LAYER_NORM_GRAD_GPU, 'webgl', (b, inputs) => layerNormGrad(on(b), inputs, true));
registerFused(LAYER_NORM_GRAD_RESIDUAL_GPU, 'webgl', (b, inputs) => layerNormGrad(on(b), inputs, true));
registerFused(COLUMN_SUMS, 'webgl', (b, [x]) => columnSumsOf(on(b), x));
registerFused(GELU, 'webgl', (b, [x]) => gelu(on(b), x));
registerFused(GELU_GRAD, 'webgl', (b, [dy, x, sig]) => geluGrad(on(b), dy, x, sig));
