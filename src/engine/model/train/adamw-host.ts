/**
 * The AdamW update as one loop over host arrays, for the CPU backends (wasm, cpu): there the
 * weights are read back every step anyway, and one pass over the flat buffers costs a fraction
 * of the ~15 whole-buffer tf kernels (and their temporaries) the device path issues. The
 * arithmetic is the device path's (adamw.ts): clipping by global norm folded into the moments'
 * coefficients, bias correction folded into the step scale, decay on matrices only.
 */
import type { AdamWStep } from '../kernels';

export interface HostAdamWState {
  params: Float32Array;
  m: Float32Array;
  v: Float32Array;
  /** 1 where weight decay applies, 0 elsewhere (layout order). */
  decayMask: Float32Array;
}

/**
 * Updates params, m and v in place from the packed gradient g; `squaredNorm`, g's squared L2 norm
 * where the caller has it already (data-parallel training sums it with the gradient), saves a pass.
 */
export function adamWOnHost(
  state: HostAdamWState,
  g: Float32Array,
  step: AdamWStep,
  squaredNorm?: number,
): void {
  const { params, m, v, decayMask } = state;
  const n = params.length;
  if (g.length !== n) throw new RangeError(`packed gradient has ${g.length} values, the model ${n}`);
  const { beta1, beta2, clipNorm, stepScale, denomEps, decay } = step;
  let scale = 1;
  if (clipNorm > 0) {
    let squares = squaredNorm ?? 0;
    if (squaredNorm === undefined) for (let i = 0; i < n; i++) squares += g[i] * g[i];
    scale = Math.min(1, clipNorm / (Math.sqrt(squares) + 1e-6));
  }
  const mScale = (1 - beta1) * scale;
  const vScale = (1 - beta2) * scale * scale;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = beta1 * m[i] + mScale * gi;
    const vi = beta2 * v[i] + vScale * gi * gi;
    m[i] = mi;
    v[i] = vi;
    const kept = decayMask[i] === 1 ? params[i] * decay : params[i];
    params[i] = kept - (stepScale * mi) / (Math.sqrt(vi) + denomEps);
  }
}
