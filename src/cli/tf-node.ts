/**
 * TensorFlow.js in Node: wasm (SIMD, single thread) or cpu. @tensorflow/tfjs-node cannot be
 * installed on our machines (its install downloads a binary), so the wasm backend is pointed at
 * the .wasm files of its own npm package.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BackendName } from '../engine/backend';

let wasmPathsSet = false;

export async function useNodeBackend(name: Extract<BackendName, 'wasm' | 'cpu'>): Promise<void> {
  if (name === 'wasm' && !wasmPathsSet) {
    const require = createRequire(import.meta.url);
    const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(path.dirname(wasmFile) + path.sep);
    wasmPathsSet = true;
  }
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js backend ${name} failed to initialise`);
  await tf.ready();
}
