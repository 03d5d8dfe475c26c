import * as tf from '@tensorflow/tfjs';

/**
 * The layers of the model as tf.customGrad ops with hand-written gradients. Autodiff of the
 * plain formulas works but costs far more kernels (every saved tensor is a clone, tf.moments
 * and pow add casts and extra ops) and, on wasm, time: sums over rows run a transpose first
 * (3.6 ms vs 0.1 ms for the same sum as a product with a row of ones), tanh is a scalar loop
 * (15 ms vs 0.8 ms for sigmoid on [2048, 256]), and transpose-flagged products skip XNNPACK.
 */

/** Sum over the rows of x [n, c] as a product with a row of ones: [c]. */
export function sumRows(x: tf.Tensor): tf.Tensor1D {
  const n = x.shape[0];
  const ones = tf.ones([1, n]);
  return tf.reshape(tf.matMul(ones, x), [x.shape[1]!]);
}

/** LayerNorm over the last axis of rows x [n, c], with gain and bias [c]. */
export const layerNorm = ((x: tf.Tensor2D, gain: tf.Tensor, bias: tf.Tensor, eps = 1e-5): tf.Tensor2D => {
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [xs, g, b, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const centred = tf.sub(xs, tf.mean(xs, -1, true));
    const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), eps));
    const xhat = tf.mul(centred, rstd);
    save([xhat, rstd, g]);
    return {
      value: tf.add(tf.mul(xhat, g), b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sh, sr, sg] = saved;
        const dxhat = tf.mul(dy, sg);
        const dx = tf.mul(
          tf.sub(tf.sub(dxhat, tf.mean(dxhat, -1, true)), tf.mul(sh, tf.mean(tf.mul(dxhat, sh), -1, true))),
          sr,
        );
        return [dx, sumRows(tf.mul(dy, sh)), sumRows(dy)];
      },
    };
  }) as (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor2D;
  return op(x, gain, bias);
}) as (x: tf.Tensor2D, gain: tf.Tensor, bias: tf.Tensor, eps?: number) => tf.Tensor2D;

/**
 * x [n, in] times w [in, out] plus b [out], with flag-free products back (flagged products are
 * 6-9x slower on wasm). The weight gradient x^T dy needs one transpose of an [n, *] operand:
 * whichever of x and dy is narrower ((dy^T x)^T when dy is), as a wide transpose costs more than
 * its product on wasm. matMul + add rather than tf.fused.matMul: the fused op wraps its own
 * customGrad and reshapes to 3D, five profiled kernels for two.
 */
export const linear = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.add(tf.matMul(x, w), b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, sw] = saved;
      const dw = sx.shape[1]! <= dy.shape[1]! ? tf.matMul(tf.transpose(sx), dy) : tf.transpose(tf.matMul(tf.transpose(dy), sx));
      return [tf.matMul(dy, tf.transpose(sw)), dw, sumRows(dy)];
    },
  };
}) as (x: tf.Tensor2D, weight: tf.Tensor, bias: tf.Tensor) => tf.Tensor2D;

const GELU_C = Math.sqrt(2 / Math.PI);
const K2 = 2 * GELU_C;
const K1 = 2 * GELU_C * 0.044715;

/**
 * GELU, tanh approximation (GPT-2's), written as x * sigmoid(2c (x + 0.044715 x^3)), which is
 * the same function (0.5 (1 + tanh z) = sigmoid(2z)): sigmoid is vectorised on wasm, tanh is not.
 */
export const gelu = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  const s = tf.sigmoid(tf.mul(x, tf.add(tf.mul(tf.square(x), K1), K2)));
  save([x, s]);
  return {
    value: tf.mul(x, s),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, ss] = saved;
      // d/dx x s(z) = s + x s (1 - s) z',  z' = K2 + 3 K1 x^2
      const zPrime = tf.add(tf.mul(tf.square(sx), 3 * K1), K2);
      const ds = tf.mul(tf.mul(ss, tf.sub(1, ss)), tf.mul(sx, zPrime));
      return tf.mul(dy, tf.add(ss, ds));
    },
  };
}) as (x: tf.Tensor) => tf.Tensor;

/** The plain formulas the custom-gradient layers replace (tests compare the two). */
export const reference = {
  layerNorm(x: tf.Tensor2D, gain: tf.Tensor, bias: tf.Tensor, eps = 1e-5): tf.Tensor2D {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps))), gain), bias) as tf.Tensor2D;
  },
  linear(x: tf.Tensor2D, weight: tf.Tensor, bias: tf.Tensor): tf.Tensor2D {
    return tf.add(tf.matMul(x, weight), bias) as tf.Tensor2D;
  },
  gelu(x: tf.Tensor): tf.Tensor {
    const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), GELU_C);
    return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
  },
};

/** [b*t, c] -> [b*heads, t, c/heads], the layout batched attention products need. */
export function splitHeads(x: tf.Tensor, batch: number, t: number, heads: number): tf.Tensor3D {
  const d = x.shape[x.shape.length - 1]! / heads;
  return tf.reshape(tf.transpose(tf.reshape(x, [batch, t, heads, d]), [0, 2, 1, 3]), [batch * heads, t, d]);
}

/** [b*heads, t, d] -> [b*t, heads*d]. */
export function mergeHeads(x: tf.Tensor, batch: number, t: number, heads: number): tf.Tensor2D {
  const d = x.shape[2]!;
  return tf.reshape(tf.transpose(tf.reshape(x, [batch, heads, t, d]), [0, 2, 1, 3]), [batch * t, heads * d]);
}
