/**
 * TensorFlow.js in Node: wasm (SIMD, single thread) or cpu. @tensorflow/tfjs-node cannot be
 * installed on our machines (its install downloads a binary), so the wasm backend is pointed at
 * the .wasm files of its own npm package.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chooseBackend, NODE_BACKENDS, type BackendChoice, type BackendName } from '../engine/backend';

type NodeBackend = Extract<BackendName, 'wasm' | 'cpu'>;
let wasmPathsSet = false;

function pointWasmAtPackage(): void {
  if (wasmPathsSet) return;
  const require = createRequire(import.meta.url);
  const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  setWasmPaths(path.dirname(wasmFile) + path.sep);
  wasmPathsSet = true;
}

/** Exactly this backend, or an error (tests and benchmarks that measure one backend). */
export async function useNodeBackend(name: NodeBackend): Promise<void> {
  if (name === 'wasm') pointWasmAtPackage();
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js backend ${name} failed to initialise`);
  await tf.ready();
}

/**
 * The CLI's choice: the preferred backend first, then the others in Node's order (wasm, cpu),
 * each checked by training and sampling a tiny model; the reasons for any fallback are kept.
 */
export async function chooseNodeBackend(preferred?: NodeBackend): Promise<BackendChoice> {
  pointWasmAtPackage();
  const order = preferred ? [preferred, ...NODE_BACKENDS.filter((b) => b !== preferred)] : NODE_BACKENDS;
  return chooseBackend(order);
}
