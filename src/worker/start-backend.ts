/**
 * The backend and sampler a run starts on. A backend the page names is used alone; otherwise the
 * pair this browser's earlier timing chose (remembered by the page), and when there is none, a
 * short timing of the candidates (backend-timing.ts), whose ranking goes back to the page to be
 * remembered. Software-rendered GPU backends are left out of the timing: never faster than wasm
 * here, and a WebGPU fallback adapter takes ~20 s a step.
 */
import type { BackendChoice } from '../engine/backend';
import type { SamplerKind } from '../engine/model/infer/sample';
import { candidateOrder, chooseBrowserBackend } from './backend-choice';
import { chooseTimedBackend, timingOptionsFor, type TimingEntry } from './backend-timing';
import type { BackendName, StartRequest } from './simulation-protocol';

/**
 * The sampler a backend gets by rule, when nothing was timed: on WebGL and WebGPU every new tensor
 * shape compiles shaders, so one shape for the whole run (fixed-shape) suits them; the KV cache
 * does less arithmetic on cpu and wasm.
 */
export const samplerFor = (backend: BackendName): SamplerKind =>
  backend === 'webgl' || backend === 'webgpu' ? 'fixed-shape' : 'kv-cache';

export interface StartBackend {
  choice: BackendChoice;
  sampler: SamplerKind;
  /** Present when this start timed the candidates. */
  timings?: TimingEntry[];
}

export async function chooseStartBackend(request: StartRequest): Promise<StartBackend> {
  if (request.backend) {
    const choice = await chooseBrowserBackend(request.backend);
    return { choice, sampler: samplerFor(choice.backend) };
  }
  if (request.remembered) {
    const { backend, sampler } = request.remembered;
    try {
      const choice = await chooseBrowserBackend(backend);
      return {
        choice: { ...choice, summary: `${choice.summary} Chosen by this browser's earlier timing.` },
        sampler,
      };
    } catch {
      // The remembered backend no longer works here (a driver update, a flag turned off): time again.
    }
  }
  const { order, demoted } = await candidateOrder();
  const hardware = order.filter((b) => !demoted.some((d) => d.backend === b));
  const timed = await chooseTimedBackend(
    hardware.length > 0 ? hardware : order,
    timingOptionsFor(request.config),
  );
  const rejected = [
    ...timed.rejected,
    ...demoted.filter((d) => !timed.rejected.some((r) => r.backend === d.backend)),
  ];
  return {
    choice: { backend: timed.backend, rejected, summary: timed.summary },
    sampler: timed.sampler,
    timings: timed.timing.ranking,
  };
}
