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
  registerFused,
  runFused,
  SWAP,
} from './catalog';
import { kernelsOnWasm, runOnWasm, sizeOf as size, widthOf } from './wasm-module';

/**
 * The fused LayerNorm and GELU kernels (catalog.ts: same names, inputs
 * and outputs) on TensorFlow.js's wasm backend, as WebAssembly SIMD loops (wasm-fused.wat,
 * wasm-module.ts) on its tensors in place: one call each instead of 9 + 9 (LayerNorm) and 6 + 7
 * (GELU) composed kernels. Also a transpose of the last two axes in 4 x 4 blocks (SWAP), several
 * times faster than tf.transpose there, and the sums of a matrix's rows (COLUMN_SUMS), faster
 * than a product with a row of ones (bench-profile.ts measures both). Rows whose width is not a multiple of 4, or a backend
 * without our kernels (wasm-module.ts), leave callers composing tf ops (fusedOnWasm, swapOnWasm,
 * columnSumsOnWasm).
 */

/** Whether rows of `width` numbers run the fused kernels on the current (wasm) backend. */
export function fusedOnWasm(width: number): boolean {
  return width % 4 === 0 && kernelsOnWasm();
}

/**
 * x (float32) viewed as [batch, rows, cols], transposed to [batch, cols, rows] and shaped `shape`,
 * by the SWAP kernel: null where it does not run (not wasm, rows or cols not a multiple of 4).
 */
export function swapOnWasm(x: tf.Tensor, rows: number, cols: number, shape: number[]): tf.Tensor | null {
  if (rows % 4 !== 0 || cols % 4 !== 0 || x.size === 0 || x.dtype !== 'float32' || !kernelsOnWasm())
    return null;
  return runFused(SWAP, { x }, { rows, cols, shape })[0];
}

/** The sums of the rows of x [..., c] as [1, 1, c], by the COLUMN_SUMS kernel: null where it does not run (not wasm, c not a multiple of 4). */
export function columnSumsOnWasm(x: tf.Tensor): tf.Tensor3D | null {
  if (x.rank === 0 || x.size === 0 || x.dtype !== 'float32' || !fusedOnWasm(x.shape[x.rank - 1]!))
    return null;
  return runFused(COLUMN_SUMS, { x })[0] as tf.Tensor3D;
}

const rowsShape = (shape: number[]) => [...shape.slice(0, -1), 1];

registerFused(LAYER_NORM, 'wasm', (backend, [x, gain, bias], attrs) =>
  runOnWasm(backend, ({ kernels: k, at, outputs }) => {
    const [y, xhat, rstd] = outputs(x.shape, x.shape, rowsShape(x.shape));
    k.layer_norm(
      at(x),
      at(gain),
      at(bias),
      at(y),
      at(xhat),
      at(rstd),
      size(rstd),
      widthOf(x),
      epsilonOf(attrs),
    );
    return [y, xhat, rstd];
  }),
);
registerFused(LAYER_NORM_GRAD, 'wasm', (backend, [dy, xhat, rstd, gain]) =>
  runOnWasm(backend, ({ kernels: k, at, outputs }) => {
    const [dx, dyXhat] = outputs(dy.shape, dy.shape);
    k.layer_norm_grad(at(dy), at(xhat), at(rstd), at(gain), at(dx), at(dyXhat), size(rstd), widthOf(dy));
    return [dx, dyXhat];
  }),
);
registerFused(GELU, 'wasm', (backend, [x]) =>
  runOnWasm(backend, ({ kernels: k, at, outputs }) => {
    const [y, sig] = outputs(x.shape, x.shape);
    k.gelu(at(x), at(y), at(sig), size(x), GELU_K1, GELU_K2);
    return [y, sig];
  }),
);
registerFused(GELU_GRAD, 'wasm', (backend, [dy, x, sig]) =>
  runOnWasm(backend, ({ kernels: k, at, outputs }) => {
    const [dx] = outputs(dy.shape);
    k.gelu_grad(at(dy), at(x), at(sig), at(dx), size(dy), GELU_K1, GELU_K2);
    return [dx];
  }),
);
registerFused(SWAP, 'wasm', (backend, [x], attrs) =>
  runOnWasm(backend, ({ kernels: k, at, outputs }) => {
    const { rows, cols, shape } = attrs as { rows: number; cols: number; shape: number[] };
    const [y] = outputs(shape);
    k.swap(at(x), at(y), size(x) / (rows * cols), rows, cols);
    return [y];
  }),
);
registerFused(COLUMN_SUMS, 'wasm', (backend, [x]) =>
  runOnWasm(backend, ({ kernels: k, at, outputs }) => {
    const cols = widthOf(x);
    const [y] = outputs([1, 1, cols]);
    k.column_sums(at(x), at(y), size(x) / cols, cols);
    return [y];
  }),
);
