/**
 * Backend choice as the page reports it. The engine's chooser knows only TensorFlow.js, so when
 * WebGPU is missing it says "not available in this build" (tfjs registers no webgpu backend
 * without navigator.gpu) or "failed to initialise" (no adapter). In a browser the usual cause is
 * that the browser does not offer WebGPU at all (Linux Chrome without a flag, Firefox, a
 * blocklisted GPU), and the user should read that instead.
 */
import {
  BROWSER_BACKENDS,
  chooseBackend,
  describeChoice,
  type BackendChoice,
  type BackendRejection,
} from '../engine/backend';
import { fallbackCandidates } from './backend-fallback';
import type { BackendName } from './simulation-protocol';
import { webGlSoftwareRenderer, webGpuSoftwareRenderer } from './software-renderer';

/** Why this browser gives no WebGPU, or null if it does offer an adapter. */
async function webGpuAbsence(): Promise<string | null> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu)
    return 'this browser does not offer WebGPU';
  try {
    const adapter = await navigator.gpu.requestAdapter();
    return adapter ? null : 'this browser offers no WebGPU adapter (WebGPU off, or the GPU is blocklisted)';
  } catch {
    return 'this browser offers no WebGPU adapter (WebGPU off, or the GPU is blocklisted)';
  }
}

/**
 * Real GPUs first, then wasm, then GPU backends that run on a software renderer, then cpu.
 * A forced backend (only) is tried alone, software or not: tests and users may insist.
 */
export async function candidateOrder(): Promise<{ order: BackendName[]; demoted: BackendRejection[] }> {
  const demoted: BackendRejection[] = [];
  const webgpu = await webGpuSoftwareRenderer();
  if (webgpu) demoted.push({ backend: 'webgpu', reason: webgpu });
  const webgl = webGlSoftwareRenderer();
  if (webgl) demoted.push({ backend: 'webgl', reason: webgl });
  const isDemoted = (b: BackendName) => demoted.some((d) => d.backend === b);
  const gpus = BROWSER_BACKENDS.filter((b) => (b === 'webgpu' || b === 'webgl') && !isDemoted(b));
  const order: BackendName[] = [...gpus, 'wasm', ...demoted.map((d) => d.backend), 'cpu'];
  return { order, demoted };
}

export async function chooseBrowserBackend(only?: BackendName): Promise<BackendChoice> {
  const { order, demoted } = only ? { order: [only], demoted: [] } : await candidateOrder();
  const choice = await chooseBackend(order);
  // Demoted backends that were never tried because a faster one worked: say why.
  const skipped = demoted.filter(
    (d) => d.backend !== choice.backend && !choice.rejected.some((r) => r.backend === d.backend),
  );
  let rejected: BackendRejection[] = [...choice.rejected, ...skipped];
  const webgpu = rejected.find((r) => r.backend === 'webgpu' && !skipped.includes(r));
  const absence = webgpu ? await webGpuAbsence() : null;
  // An adapter exists: the engine's reason (a failed check) is the real one; else say it is absent.
  if (webgpu && absence) rejected = rejected.map((r) => (r === webgpu ? { ...r, reason: absence } : r));
  const rank = (b: BackendName) => BROWSER_BACKENDS.indexOf(b);
  rejected.sort((a, b) => rank(a.backend) - rank(b.backend));
  return { ...choice, rejected, summary: describeChoice(choice.backend, rejected) };
}

/**
 * The backend a run moves to after `failed` (oldest first) failed under it mid-run: the next one
 * down the ranking that passes its capability check (see backend-fallback.ts). Throws if none does.
 */
export async function chooseFallbackBackend(failed: readonly BackendName[]): Promise<BackendChoice> {
  const { demoted } = await candidateOrder();
  const order = fallbackCandidates(
    failed,
    demoted.map((d) => d.backend),
  );
  if (order.length === 0) throw new Error('no backend is left to fall back to');
  const choice = await chooseBackend(order);
  const rejected: BackendRejection[] = [
    ...failed.map((backend) => ({ backend, reason: 'failed during the run' })),
    ...choice.rejected,
  ];
  return { ...choice, rejected, summary: describeChoice(choice.backend, rejected) };
}
