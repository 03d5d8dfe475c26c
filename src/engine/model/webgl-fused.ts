import * as tf from '@tensorflow/tfjs';
import { GELU, GELU_GRAD, GELU_K1, GELU_K2 } from './fused-gelu';
import { LAYER_NORM, LAYER_NORM_GRAD } from './fused-layer-norm';
import { epsilonOf, registerFused } from './fused-registry';

/**
 * The fused LayerNorm and GELU kernels (fused-layer-norm.ts, fused-gelu.ts: same names, inputs
 * and outputs) on WebGL, as GLSL programs on packed textures: WebGL's products and elementwise ops
 * leave their results packed (2 x 2 blocks of rows and columns in one texel), and a program that
 * read them unpacked would cost an unpacking launch per input. LayerNorm takes 4 programs forward
 * (row means, row rstd, xhat, y) and 3 backward (the two row means of the gradient, dx, dy * xhat),
 * GELU 2 and 1, instead of 9 + 9 and 6 + 7. Rows of an odd width are left to composed tf ops
 * (fusedOnWebGl).
 *
 * In a program, getX(0, r, j) is the block of rows r, r + 1 and columns j, j + 1 of x [1, n, c]
 * (.x = (r, j), .y = (r, j + 1), .z = (r + 1, j), .w = (r + 1, j + 1)); a vector's getG(j) holds
 * g[j] and g[j + 1] in .x and .y; a per-row [1, n, 1] tensor's block holds row r in .x, r + 1 in .z.
 */

interface PackedProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs: boolean;
  packedOutput: boolean;
}

interface WebGlBackendShape {
  runWebGLProgram(program: PackedProgram, inputs: tf.TensorInfo[], outputDtype: tf.DataType): tf.TensorInfo;
  disposeIntermediateTensorInfo(info: tf.TensorInfo): void;
}

/** `body` sets `result` (a vec4 block) from the output block at rows r, r + 1 and columns j, j + 1. */
function packed(variableNames: string[], outputShape: number[], body: string): PackedProgram {
  return {
    variableNames,
    outputShape,
    packedInputs: true,
    packedOutput: true,
    userCode: `
      void main() {
        ivec3 coords = getOutputCoords();
        int r = coords.y;
        int j = coords.z;
        vec4 result = vec4(0.);
        ${body}
        setOutput(result);
      }`,
  };
}

/** GLSL float literal. */
const float = (v: number) => (Number.isInteger(v) ? `${v}.` : `${v}`);

/** A loop over the column pairs of rows r, r + 1 (c even). */
const overColumns = (c: number, body: string) => `for (int k = 0; k < ${c}; k += 2) { ${body} }`;

function layerNorm(backend: WebGlBackendShape, x: tf.TensorInfo, gain: tf.TensorInfo, bias: tf.TensorInfo, epsilon: number): tf.TensorInfo[] {
  const c = x.shape[2];
  const rows = [1, x.shape[1], 1];
  const run = (p: PackedProgram, inputs: tf.TensorInfo[]) => backend.runWebGLProgram(p, inputs, 'float32');
  const mean = run(
    packed(['x'], rows, `vec2 s = vec2(0.);
      ${overColumns(c, 'vec4 v = getX(0, r, k); s += vec2(v.x + v.y, v.z + v.w);')}
      s /= ${float(c)};
      result = vec4(s.x, 0., s.y, 0.);`),
    [x],
  );
  const rstd = run(
    packed(['x', 'mean'], rows, `vec4 m = getMean(0, r, 0);
      vec2 s = vec2(0.);
      ${overColumns(c, 'vec4 d = getX(0, r, k) - m.xxzz; d *= d; s += vec2(d.x + d.y, d.z + d.w);')}
      s = inversesqrt(s / ${float(c)} + ${float(epsilon)});
      result = vec4(s.x, 0., s.y, 0.);`),
    [x, mean],
  );
  const xhat = run(packed(['x', 'mean', 'rstd'], x.shape, 'result = (getX(0, r, j) - getMean(0, r, 0).xxzz) * getRstd(0, r, 0).xxzz;'), [x, mean, rstd]);
  const y = run(packed(['xhat', 'gain', 'bias'], x.shape, 'result = getXhat(0, r, j) * getGain(j).xyxy + getBias(j).xyxy;'), [xhat, gain, bias]);
  backend.disposeIntermediateTensorInfo(mean);
  return [y, xhat, rstd];
}

function layerNormGrad(backend: WebGlBackendShape, dy: tf.TensorInfo, xhat: tf.TensorInfo, rstd: tf.TensorInfo, gain: tf.TensorInfo): tf.TensorInfo[] {
  const c = dy.shape[2];
  const run = (p: PackedProgram, inputs: tf.TensorInfo[]) => backend.runWebGLProgram(p, inputs, 'float32');
  // means [1, n, 2]: (mean(dxhat), mean(dxhat * xhat)) per row, dxhat = dy * gain: one block is
  // both means of rows r and r + 1.
  const means = run(
    packed(['dy', 'xhat', 'gain'], [1, dy.shape[1], 2], `vec4 s = vec4(0.);
      ${overColumns(c, `vec4 d = getDy(0, r, k) * getGain(k).xyxy;
        vec4 dh = d * getXhat(0, r, k);
        s += vec4(d.x + d.y, dh.x + dh.y, d.z + d.w, dh.z + dh.w);`)}
      result = s / ${float(c)};`),
    [dy, xhat, gain],
  );
  const dx = run(
    packed(['dy', 'xhat', 'rstd', 'gain', 'means'], dy.shape, `vec4 m = getMeans(0, r, 0);
      result = getRstd(0, r, 0).xxzz * (getDy(0, r, j) * getGain(j).xyxy - m.xxzz - getXhat(0, r, j) * m.yyww);`),
    [dy, xhat, rstd, gain, means],
  );
  const dyXhat = run(packed(['dy', 'xhat'], dy.shape, 'result = getDy(0, r, j) * getXhat(0, r, j);'), [dy, xhat]);
  backend.disposeIntermediateTensorInfo(means);
  return [dx, dyXhat];
}

function gelu(backend: WebGlBackendShape, x: tf.TensorInfo): tf.TensorInfo[] {
  const sig = backend.runWebGLProgram(
    packed(['x'], x.shape, `vec4 v = getX(0, r, j);
      result = 1. / (1. + exp(-v * (${float(GELU_K1)} * v * v + ${float(GELU_K2)})));`),
    [x],
    'float32',
  );
  const y = backend.runWebGLProgram(packed(['x', 'sig'], x.shape, 'result = getX(0, r, j) * getSig(0, r, j);'), [x, sig], 'float32');
  return [y, sig];
}

function geluGrad(backend: WebGlBackendShape, dy: tf.TensorInfo, x: tf.TensorInfo, sig: tf.TensorInfo): tf.TensorInfo[] {
  const body = `vec4 v = getX(0, r, j);
    vec4 s = getSig(0, r, j);
    result = getDy(0, r, j) * (s + v * s * (1. - s) * (${float(GELU_K2)} + ${float(3 * GELU_K1)} * v * v));`;
  return [backend.runWebGLProgram(packed(['dy', 'x', 'sig'], dy.shape, body), [dy, x, sig], 'float32')];
}

/** The programs read rows [1, n, c] two columns at a time. */
export function fusedOnWebGl(width: number): boolean {
  return width % 2 === 0;
}

const on = (b: object) => b as WebGlBackendShape;
registerFused(LAYER_NORM, 'webgl', (b, [x, gain, bias], attrs) => layerNorm(on(b), x, gain, bias, epsilonOf(attrs)));
registerFused(LAYER_NORM_GRAD, 'webgl', (b, [dy, xhat, rstd, gain]) => layerNormGrad(on(b), dy, xhat, rstd, gain));
registerFused(GELU, 'webgl', (b, [x]) => gelu(on(b), x));
registerFused(GELU_GRAD, 'webgl', (b, [dy, x, sig]) => geluGrad(on(b), dy, x, sig));
