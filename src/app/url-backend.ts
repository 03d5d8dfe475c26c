/**
 * `?backend=webgpu|webgl|wasm|cpu` forces one backend (tests, or a user who knows their machine).
 * Read once at start-up; an unknown value is ignored with a message rather than breaking the page.
 */
import { BACKEND_NAMES, isBackendName, type BackendName } from '../worker/simulation-protocol';

export interface BackendFromUrl {
  backend: BackendName | null;
  problem: string | null;
}

export function readBackendOverride(search: string): BackendFromUrl {
  const raw = new URLSearchParams(search).get('backend');
  if (raw === null || raw === '') return { backend: null, problem: null };
  const value = raw.trim().toLowerCase();
  if (isBackendName(value)) return { backend: value, problem: null };
  return {
    backend: null,
    problem: `The address asks for backend "${raw}", which is not one of ${BACKEND_NAMES.join(', ')}; the best available backend is used instead.`,
  };
}
