/**
 * Debug hook: `?fault=kind:generation` injects a fault on purpose, so the page's fault handling
 * can be tested and shown without a broken GPU:
 * - `?fault=backend:1`: the backend fails during generation 1's training (as a lost WebGPU device
 *   or WebGL context would); the run falls back to the next backend and goes on.
 * - `?fault=lost:1`: the GPU device is really lost during generation 1 (on webgl the context is
 *   dropped through WEBGL_lose_context, on webgpu the device is destroyed), so the worker's own
 *   watch must notice it and fall back; on wasm or cpu it acts as `backend`.
 * - `?fault=nan:1`: generation 1's loss becomes NaN; the run pauses with an explanation.
 * - `?fault=crash:1`: the worker dies during generation 1; the page keeps the results and
 *   offers "Resume from generation 1".
 * The fault fires once, in the first run started after the page opened (not on resume or on a
 * fallback). Without the parameter nothing changes.
 */
import type { FaultPlan } from '../../worker/simulation-protocol';
import { parseFaultPlan } from '../../engine/loop/control/fault-injection';

export interface FaultFromUrl {
  fault: FaultPlan | null;
  problem: string | null;
}

export function readFaultFromUrl(search: string): FaultFromUrl {
  const raw = new URLSearchParams(search).get('fault');
  if (raw === null || raw === '') return { fault: null, problem: null };
  const { plan, problem } = parseFaultPlan(raw);
  return { fault: plan, problem };
}
