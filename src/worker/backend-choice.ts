/**
 * Backend choice as the page reports it. The engine's chooser knows only TensorFlow.js, so when
 * WebGPU is missing it says "not available in this build" (tfjs registers no webgpu backend
 * without navigator.gpu) or "failed to initialise" (no adapter). In a browser the usual cause is
 * that the browser does not offer WebGPU at all (Linux Chrome without a flag, Firefox, a
 * blocklisted GPU), and the user should read that instead.
 */
import { BROWSER_BACKENDS, chooseBackend, describeChoice, type BackendChoice, type BackendRejection } from '../engine/backend';
import type { BackendName } from './protocol';

/** Why this browser gives no WebGPU, or null if it does offer an adapter. */
async function webGpuAbsence(): Promise<string | null> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) return 'this browser does not offer WebGPU';
  try {
    const adapter = await navigator.gpu.requestAdapter();
    return adapter ? null : 'this browser offers no WebGPU adapter (WebGPU off, or the GPU is blocklisted)';
  } catch {
    return 'this browser offers no WebGPU adapter (WebGPU off, or the GPU is blocklisted)';
  }
}

export async function chooseBrowserBackend(only?: BackendName): Promise<BackendChoice> {
  const choice = await chooseBackend(only ? [only] : BROWSER_BACKENDS);
  const webgpu = choice.rejected.find((r) => r.backend === 'webgpu');
  if (!webgpu) return choice;
  const absence = await webGpuAbsence();
  if (!absence) return choice; // an adapter exists: the engine's reason (a failed check) is the real one
  const rejected: BackendRejection[] = choice.rejected.map((r) => (r === webgpu ? { ...r, reason: absence } : r));
  return { ...choice, rejected, summary: describeChoice(choice.backend, rejected) };
}
