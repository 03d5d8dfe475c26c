import * as tf from '@tensorflow/tfjs';
import { GELU, GELU_GRAD, GELU_K1, GELU_K2 } from './fused-gelu';
import { LAYER_NORM, LAYER_NORM_GRAD } from './fused-layer-norm';
import { epsilonOf, registerFused } from './fused-registry';

/**
 * The fused LayerNorm and GELU kernels (fused-layer-norm.ts, fused-gelu.ts: same names, inputs
 * and outputs) on WebGPU, as small WGSL programs: on a GPU a small model's step is bound by
 * launches, and composed of tf ops these passes take 9 + 9 launches (LayerNorm) and 6 + 7 (GELU).
 * Here LayerNorm takes 4 forward (row means, row rstd, xhat, y) and 3 backward (the two row means
 * of the gradient, dx, dy * xhat), GELU 2 and 1. Each program reads its operands as flat arrays.
 */

/** The program shape tfjs-backend-webgpu runs (see its UnaryOpProgram): one thread per output number. */
interface FlatProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  size: boolean;
  getUserCode(): string;
}

interface WebGpuBackendShape {
  runWebGPUProgram(program: FlatProgram, inputs: tf.TensorInfo[], outputDtype: tf.DataType): tf.TensorInfo;
  disposeData(dataId: tf.DataId): boolean;
}

const WORKGROUP = 64;

/** `body` runs for each output index < uniforms.size, with `index` the flat output index. */
function flatProgram(key: string, variableNames: string[], outputShape: number[], body: string): FlatProgram {
  const size = tf.util.sizeFromShape(outputShape);
  return {
    variableNames,
    outputShape,
    shaderKey: `collapse_lab_${key}`,
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: [Math.ceil(size / WORKGROUP), 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    size: true,
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          ${body}
        }
      }`,
  };
}

/** A float literal WGSL accepts for any JS number. */
const f32 = (v: number) => (Number.isInteger(v) ? `${v}.0` : `${v}`);

/** A sum over row `row`'s c numbers of `term` (an expression of j), into `name`. */
const rowSum = (name: string, c: number, term: string) => `
  var ${name} = 0.0;
  for (var j = 0; j < ${c}; j++) { ${name} += ${term}; }`;

function layerNorm(backend: WebGpuBackendShape, x: tf.TensorInfo, gain: tf.TensorInfo, bias: tf.TensorInfo, epsilon: number): tf.TensorInfo[] {
  const c = x.shape[x.shape.length - 1];
  const rows = [...x.shape.slice(0, -1), 1];
  const run = (p: FlatProgram, inputs: tf.TensorInfo[]) => backend.runWebGPUProgram(p, inputs, 'float32');
  const mean = run(flatProgram(`ln_mean_${c}`, ['x'], rows, `${rowSum('s', c, `x[index * ${c} + j]`)}\n setOutputAtIndex(index, s / ${f32(c)});`), [x]);
  const rstd = run(
    flatProgram(`ln_rstd_${c}_${epsilon}`, ['x', 'mean'], rows, `let m = mean[index];
      ${rowSum('s', c, `(x[index * ${c} + j] - m) * (x[index * ${c} + j] - m)`)}
      setOutputAtIndex(index, inverseSqrt(s / ${f32(c)} + ${f32(epsilon)}));`),
    [x, mean],
  );
  const xhat = run(flatProgram(`ln_xhat_${c}`, ['x', 'mean', 'rstd'], x.shape, `let r = index / ${c};
      setOutputAtIndex(index, (x[index] - mean[r]) * rstd[r]);`), [x, mean, rstd]);
  const y = run(flatProgram(`ln_y_${c}`, ['xhat', 'gain', 'bias'], x.shape, `let j = index % ${c};
      setOutputAtIndex(index, xhat[index] * gain[j] + bias[j]);`), [xhat, gain, bias]);
  backend.disposeData(mean.dataId);
  return [y, xhat, rstd];
}

function layerNormGrad(backend: WebGpuBackendShape, dy: tf.TensorInfo, xhat: tf.TensorInfo, rstd: tf.TensorInfo, gain: tf.TensorInfo): tf.TensorInfo[] {
  const c = dy.shape[dy.shape.length - 1];
  const n = tf.util.sizeFromShape(dy.shape) / c;
  const run = (p: FlatProgram, inputs: tf.TensorInfo[]) => backend.runWebGPUProgram(p, inputs, 'float32');
  // means[2r] = mean(dxhat), means[2r + 1] = mean(dxhat * xhat) over row r, dxhat = dy * gain.
  const means = run(flatProgram(`ln_grad_means_${c}`, ['dy', 'xhat', 'gain'], [n, 2], `let r = index / 2;
      ${rowSum('s', c, `dy[r * ${c} + j] * gain[j] * select(1.0, xhat[r * ${c} + j], index % 2 == 1)`)}
      setOutputAtIndex(index, s / ${f32(c)});`), [dy, xhat, gain]);
  const dx = run(flatProgram(`ln_grad_dx_${c}`, ['dy', 'xhat', 'rstd', 'gain', 'means'], dy.shape, `let r = index / ${c};
      let j = index % ${c};
      setOutputAtIndex(index, rstd[r] * (dy[index] * gain[j] - means[2 * r] - xhat[index] * means[2 * r + 1]));`), [dy, xhat, rstd, gain, means]);
  const dyXhat = run(flatProgram('ln_grad_dy_xhat', ['dy', 'xhat'], dy.shape, 'setOutputAtIndex(index, dy[index] * xhat[index]);'), [dy, xhat]);
  backend.disposeData(means.dataId);
  return [dx, dyXhat];
}

const SIGMOID_OF_X = `1.0 / (1.0 + exp(-v * (${GELU_K1} * v * v + ${GELU_K2})))`;

function gelu(backend: WebGpuBackendShape, x: tf.TensorInfo): tf.TensorInfo[] {
  const sig = backend.runWebGPUProgram(flatProgram('gelu_sig', ['x'], x.shape, `let v = x[index];\n setOutputAtIndex(index, ${SIGMOID_OF_X});`), [x], 'float32');
  const y = backend.runWebGPUProgram(flatProgram('gelu_y', ['x', 'sig'], x.shape, 'setOutputAtIndex(index, x[index] * sig[index]);'), [x, sig], 'float32');
  return [y, sig];
}

function geluGrad(backend: WebGpuBackendShape, dy: tf.TensorInfo, x: tf.TensorInfo, sig: tf.TensorInfo): tf.TensorInfo[] {
  const body = `let v = x[index];
      let s = sig[index];
      setOutputAtIndex(index, dy[index] * (s + v * s * (1.0 - s) * (${GELU_K2} + ${3 * GELU_K1} * v * v)));`;
  return [backend.runWebGPUProgram(flatProgram('gelu_grad', ['dy', 'x', 'sig'], dy.shape, body), [dy, x, sig], 'float32')];
}

const on = (b: object) => b as WebGpuBackendShape;
registerFused(LAYER_NORM, 'webgpu', (b, [x, gain, bias], attrs) => layerNorm(on(b), x, gain, bias, epsilonOf(attrs)));
registerFused(LAYER_NORM_GRAD, 'webgpu', (b, [dy, xhat, rstd, gain]) => layerNormGrad(on(b), dy, xhat, rstd, gain));
registerFused(GELU, 'webgpu', (b, [x]) => gelu(on(b), x));
registerFused(GELU_GRAD, 'webgpu', (b, [dy, x, sig]) => geluGrad(on(b), dy, x, sig));
