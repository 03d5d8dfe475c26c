import * as tf from '@tensorflow/tfjs';
import type { Trainer } from '../engine/model/train/trainer';

/** Kernels one training step launches (tf.profile): count, count without reshapes (which launch nothing on cpu, wasm and WebGPU), the most launched. */
export async function kernelsOfOneStep(
  trainer: Trainer,
  stream: Int32Array,
  topCount = 6,
): Promise<{ count: number; withoutReshapes: number; top: string[] }> {
  const profile = await tf.profile(async () => {
    const loss = trainer.step(stream);
    await loss.data();
    loss.dispose();
  });
  const byName = new Map<string, number>();
  for (const k of profile.kernels) byName.set(k.name, (byName.get(k.name) ?? 0) + 1);
  const top = [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([n, c]) => `${n} ${c}`);
  return {
    count: profile.kernels.length,
    withoutReshapes: profile.kernels.length - (byName.get('Reshape') ?? 0),
    top,
  };
}
