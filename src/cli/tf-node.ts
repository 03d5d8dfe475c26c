/**
 * TensorFlow.js in Node: wasm (SIMD, single thread) or cpu, and webgpu when asked for by name.
 * @tensorflow/tfjs-node cannot be installed on our machines (its install downloads a binary), so
 * the wasm backend is pointed at the .wasm files of its own npm package. webgpu runs through
 * Dawn's Node bindings (webgpu-node.ts), loaded only when asked for.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  chooseBackend,
  describeChoice,
  NODE_BACKENDS,
  type BackendChoice,
  type BackendName,
} from '../engine/backend';
import type { NodeWebGpu } from './webgpu-node';

export type NodeBackend = Extract<BackendName, 'wasm' | 'cpu' | 'webgpu'>;
export const NODE_BACKEND_NAMES: readonly NodeBackend[] = ['wasm', 'cpu', 'webgpu'];
export const isNodeBackend = (name: string): name is NodeBackend =>
  (NODE_BACKEND_NAMES as readonly string[]).includes(name);
let wasmPathsSet = false;

function pointWasmAtPackage(): void {
  if (wasmPathsSet) return;
  const require = createRequire(import.meta.url);
  const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  setWasmPaths(path.dirname(wasmFile) + path.sep);
  wasmPathsSet = true;
}

/** Dawn's WebGPU in this process, with the 'webgpu' backend registered (webgpu-node.ts). */
export async function installWebGpu(): Promise<NodeWebGpu> {
  return (await import('./webgpu-node')).installNodeWebGpu();
}

/**
 * Exactly this backend, or an error (tests and benchmarks that measure one backend). For webgpu,
 * the description of the driver and adapter it runs on.
 */
export async function useNodeBackend(name: NodeBackend): Promise<NodeWebGpu | undefined> {
  if (name === 'wasm') pointWasmAtPackage();
  const webgpu = name === 'webgpu' ? await installWebGpu() : undefined;
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js backend ${name} failed to initialise`);
  await tf.ready();
  return webgpu;
}

/**
 * The CLI's choice: the preferred backend first, then the others in Node's order (wasm, cpu),
 * each checked by training and sampling a tiny model; the reasons for any fallback are kept.
 * webgpu is tried only when preferred; the summary then names the driver it ran on.
 */
export async function chooseNodeBackend(preferred?: NodeBackend): Promise<BackendChoice> {
  pointWasmAtPackage();
  const order = preferred ? [preferred, ...NODE_BACKENDS.filter((b) => b !== preferred)] : NODE_BACKENDS;
  if (preferred !== 'webgpu') return chooseBackend(order);
  let webgpu: NodeWebGpu;
  try {
    webgpu = await installWebGpu();
  } catch (e) {
    const choice = await chooseBackend(NODE_BACKENDS);
    const rejected = [
      { backend: 'webgpu' as const, reason: e instanceof Error ? e.message : String(e) },
      ...choice.rejected,
    ];
    return { backend: choice.backend, rejected, summary: describeChoice(choice.backend, rejected) };
  }
  const choice = await chooseBackend(order);
  return choice.backend === 'webgpu'
    ? { ...choice, summary: `${choice.summary} WebGPU through Dawn: ${webgpu.description}.` }
    : choice;
}
