/**
 * GPU launches counted where the browser receives them: WebGL draw calls (each runs one shader
 * program over its output texture) and WebGPU compute dispatches. On a real GPU a small model's
 * training step costs about a fixed time per launch, so these counts are the figure that matters
 * when the GPU here is SwiftShader. The wrappers are installed once on the prototypes, before any
 * context exists, and only add one to a counter.
 */
import * as tf from '@tensorflow/tfjs';
import { extendIds, KvCache } from '../engine/model/infer/kv-cache';
import type { Gpt } from '../engine/model/gpt';
import type { Trainer } from '../engine/model/train/trainer';

let launches = 0;
let installed = false;
/** Launches per tf kernel (the outermost one running), while a breakdown is being taken. */
let byKernel: Map<string, number> | null = null;
const kernelStack: string[] = [];

type Method = (...args: unknown[]) => unknown;

function wrap(proto: Record<string, unknown> | undefined, name: string): void {
  const original = proto?.[name];
  if (!proto || typeof original !== 'function') return;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    launches++;
    if (byKernel) {
      const kernel = kernelStack[0] ?? '(read back)';
      byKernel.set(kernel, (byKernel.get(kernel) ?? 0) + 1);
    }
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
  for (const name of ['dispatchWorkgroups', 'dispatchWorkgroupsIndirect'])
    wrap(scope.GPUComputePassEncoder?.prototype, name);
}

/** Launches made while `work` runs (its device work awaited by `work` itself). */
export async function countLaunches(work: () => Promise<void>): Promise<number> {
  const before = launches;
  await work();
  return launches - before;
}

/**
 * Launches made while `work` runs, by the tf kernel that made them (the outermost one, as named by
 * engine.runKernel: a fused kernel's programs count under its name), most first, "name count".
 */
export async function launchesByKernel(work: () => Promise<void>): Promise<string[]> {
  const engine = tf.engine() as unknown as { runKernel: Method };
  const runKernel = engine.runKernel;
  byKernel = new Map();
  engine.runKernel = function (this: unknown, ...args: unknown[]) {
    kernelStack.push(String(args[0]));
    try {
      return runKernel.apply(this, args);
    } finally {
      kernelStack.pop();
    }
  };
  try {
    await work();
    return [...byKernel.entries()].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n}`);
  } finally {
    engine.runKernel = runKernel;
    byKernel = null;
  }
}

/** One training step, its loss read back. */
export const oneStep = (trainer: Trainer, stream: Int32Array) => async () => {
  const loss = trainer.step(stream);
  await loss.data();
  loss.dispose();
};

/** Launches of one training step, its loss read back. */
export const launchesOfOneStep = (trainer: Trainer, stream: Int32Array): Promise<number> =>
  countLaunches(oneStep(trainer, stream));

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
