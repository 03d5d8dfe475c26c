/**
 * GPU launches counted where the browser receives them: WebGL draw calls (each runs one shader
 * program over its output texture) and WebGPU compute dispatches. On a real GPU a small model's
 * training step costs about a fixed time per launch, so these counts are the figure that matters
 * when the GPU here is SwiftShader. The wrappers are installed once on the prototypes, before any
 * context exists, and only add one to a counter.
 */
import * as tf from '@tensorflow/tfjs';
import { extendIds, KvCache } from '../engine/model/kv-cache';
import type { Gpt } from '../engine/model/gpt';
import type { Trainer } from '../engine/model/trainer';

let launches = 0;
let installed = false;

type Method = (...args: unknown[]) => unknown;

function wrap(proto: Record<string, unknown> | undefined, name: string): void {
  const original = proto?.[name];
  if (!proto || typeof original !== 'function') return;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    launches++;
    return (original as Method).apply(this, args);
  };
}

/** Wraps WebGL's drawArrays/drawElements and WebGPU's dispatchWorkgroups(Indirect), once. */
export function installLaunchCounter(): void {
  if (installed) return;
  installed = true;
  const scope = globalThis as unknown as Record<string, { prototype: Record<string, unknown> } | undefined>;
  for (const gl of ['WebGLRenderingContext', 'WebGL2RenderingContext']) {
    for (const name of ['drawArrays', 'drawElements']) wrap(scope[gl]?.prototype, name);
  }
  for (const name of ['dispatchWorkgroups', 'dispatchWorkgroupsIndirect']) wrap(scope.GPUComputePassEncoder?.prototype, name);
}

/** Launches made while `work` runs (its device work awaited by `work` itself). */
export async function countLaunches(work: () => Promise<void>): Promise<number> {
  const before = launches;
  await work();
  return launches - before;
}

/** Launches of one training step, its loss read back. */
export function launchesOfOneStep(trainer: Trainer, stream: Int32Array): Promise<number> {
  return countLaunches(async () => {
    const loss = trainer.step(stream);
    await loss.data();
    loss.dispose();
  });
}

/**
 * Launches of one step of the kv-cache sampler (one new token for each of `batch` sequences, its
 * logits read back), at position `at` of the window: the cache is filled up to there first.
 */
export async function launchesOfOneToken(model: Gpt, batch: number, at: number): Promise<number> {
  const cache = new KvCache(batch);
  try {
    const ids = new Int32Array(batch);
    const feed = async () => {
      const logits = extendIds(model, cache, ids, 1);
      await logits.data();
      logits.dispose();
    };
    for (let i = 0; i < at; i++) await feed();
    return await countLaunches(feed);
  } finally {
    cache.dispose();
  }
}

/** Whether the current backend's launches are counted here (WebGL and WebGPU). */
export const countsLaunches = (): boolean => installed && ['webgl', 'webgpu'].includes(tf.getBackend());
