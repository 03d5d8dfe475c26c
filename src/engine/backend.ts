import * as tf from '@tensorflow/tfjs';
import { runModelSmokeTest } from './model/smoke';

/**
 * Choosing a TensorFlow.js backend. The backends themselves are registered by the entry point
 * that can load them (the worker imports webgpu and wasm; Node imports wasm); this module
 * only tries them in order, checks them, and records why each one was passed over.
 */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const BROWSER_BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const NODE_BACKENDS: BackendName[] = ['wasm', 'cpu'];

export interface BackendRejection {
  backend: BackendName;
  reason: string;
}

export interface BackendChoice {
  backend: BackendName;
  /** Backends tried before it, and why each was not used. */
  rejected: BackendRejection[];
  /** One sentence for the UI: which backend, and why not a faster one. */
  summary: string;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Capability check beyond "it initialised": the model must train and sample on it. */
async function checkBackend(name: BackendName): Promise<void> {
  if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) {
    // Without float32 render targets WebGL trains in half precision and diverges (iOS).
    throw new Error('WebGL cannot render to float32 textures on this device');
  }
  await runModelSmokeTest();
}

/**
 * Tries the candidates in order and keeps the first that initialises and passes the smoke
 * test. Throws only if none does (cpu always should).
 */
export async function chooseBackend(candidates: readonly BackendName[]): Promise<BackendChoice> {
  const rejected: BackendRejection[] = [];
  for (const name of candidates) {
    try {
      if (!tf.findBackendFactory(name)) throw new Error('not available in this build');
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error('failed to initialise');
      await tf.ready();
      await checkBackend(name);
      return { backend: name, rejected, summary: describeChoice(name, rejected) };
    } catch (e) {
      rejected.push({ backend: name, reason: messageOf(e) });
    }
  }
  throw new Error(
    `no TensorFlow.js backend works here: ${rejected.map((r) => `${r.backend}: ${r.reason}`).join('; ')}`,
  );
}

export function describeChoice(name: BackendName, rejected: readonly BackendRejection[]): string {
  if (rejected.length === 0) return `Using ${name}.`;
  const why = rejected.map((r) => `${r.backend} (${r.reason})`).join(', ');
  return `Using ${name}; passed over ${why}.`;
}
