/**
 * Budgets per backend. wasm and cpu get the real figures' budgets; WebGL and WebGPU run on
 * SwiftShader here (about 7x and 80x slower than wasm), so their step counts and sampling lengths
 * are kept small enough that the whole benchmark ends in about ten minutes on two cores. Kernel
 * counts and the fixed-shape vs naive ratio do not depend on the budget.
 */
import type { BackendName, BackendPlan } from './protocol';

export const ALL_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const DEFAULT_STEPS = 10;

/** Timed steps on the slow backends never exceed these, whatever --steps asks. */
const STEP_CAPS: Record<BackendName, number> = { wasm: Infinity, cpu: 3, webgl: 3, webgpu: 1 };

const BASE: Record<BackendName, Omit<BackendPlan, 'backend' | 'timedSteps'>> = {
  wasm: { warmupSteps: 3, sampleCount: 16, kvLength: 256, fixedLength: 64, naive: false },
  cpu: { warmupSteps: 1, sampleCount: 16, kvLength: 64, fixedLength: 4, naive: false },
  webgl: { warmupSteps: 2, sampleCount: 8, kvLength: 16, fixedLength: 16, naive: true },
  // SwiftShader's WebGPU takes seconds per training step and per fixed-shape pass: four rows.
  webgpu: { warmupSteps: 1, sampleCount: 4, kvLength: 8, fixedLength: 8, naive: true },
};

export function planFor(backend: BackendName, steps: number = DEFAULT_STEPS): BackendPlan {
  const timedSteps = Math.max(1, Math.min(Math.floor(steps), STEP_CAPS[backend]));
  return { backend, timedSteps, ...BASE[backend] };
}

/** "wasm,cpu" -> those backends in the benchmark's order; unknown names are an error. */
export function parseBackendList(text: string | null): BackendName[] {
  if (!text) return [...ALL_BACKENDS];
  const asked = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((b) => !(ALL_BACKENDS as readonly string[]).includes(b));
  if (unknown.length > 0)
    throw new Error(`unknown backend ${unknown.join(', ')} (choose from ${ALL_BACKENDS.join(', ')})`);
  return ALL_BACKENDS.filter((b) => asked.includes(b));
}
