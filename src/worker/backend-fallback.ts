/**
 * Where a run goes when its backend fails under it (a lost WebGPU device or WebGL context, a
 * kernel that throws): down the ranking webgpu > webgl > wasm > cpu, each step trading speed for
 * robustness, never back to a backend that already failed or one ranked above it (a GPU that
 * just lost its device would likely lose it again). Real GPUs come before software-rendered
 * ones, and cpu, which always works, comes last. Pure: tested in Node.
 */
import { BACKEND_NAMES, type BackendName } from './simulation-protocol';

const rank = (b: BackendName) => BACKEND_NAMES.indexOf(b);

/**
 * The backends to try, in order, after `failed` (oldest first) failed; `softwareRendered` are the
 * GPU backends that run on a software renderer here. Empty: nothing is left to fall back to.
 */
export function fallbackCandidates(
  failed: readonly BackendName[],
  softwareRendered: readonly BackendName[] = [],
): BackendName[] {
  if (failed.length === 0) return [...BACKEND_NAMES];
  const below = Math.max(...failed.map(rank));
  const left = BACKEND_NAMES.filter((b) => rank(b) > below && !failed.includes(b));
  const real = left.filter((b) => b === 'cpu' || !softwareRendered.includes(b));
  const software = left.filter((b) => b !== 'cpu' && softwareRendered.includes(b));
  return [...real.filter((b) => b !== 'cpu'), ...software, ...real.filter((b) => b === 'cpu')];
}

/**
 * The page's note on a fallback: which backend failed, how, and which one takes over. (The
 * resumed loop says next from which generation it goes on.)
 */
export function fallbackNotice(
  failure: { backend: BackendName; message: string; generation: number | null },
  next: BackendName,
): string {
  const during =
    failure.generation === null ? 'while measuring the baseline' : `during generation ${failure.generation}`;
  return `The ${failure.backend} backend failed ${during} (${failure.message}). The run falls back to ${next}.`;
}

/** The error a run ends with when no backend is left to fall back to. */
export function noFallbackMessage(failed: readonly BackendName[], message: string): string {
  return `${message} (the ${failed.join(', then the ')} backend failed, and no other backend is left to fall back to)`;
}
