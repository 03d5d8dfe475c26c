/**
 * Faults on purpose, for tests and demonstrations (the page's `?fault=kind:generation`): a model
 * family wrapped so that one generation's training fails the way a real fault would. Each fault
 * fires once, at the first progress report of that generation's training, so a retry or a
 * fallback of the same generation then succeeds. Without a plan nothing is wrapped.
 */
import { BackendFaultError, TRAINING_DIVERGED } from './faults';
import type { ModelFamily, TrainingProgress } from '../families/types';

export const FAULT_KINDS = ['backend', 'lost', 'nan', 'crash'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * - backend: the backend throws as if its device were lost (the worker falls back to another).
 * - lost: the GPU device is really lost (WebGL's context is dropped on purpose), so the worker's
 *   watch on its device must notice; on a backend without a device it acts as `backend`.
 * - nan: the loss becomes NaN (the run pauses with an explanation, as for a real divergence).
 * - crash: the worker dies (the page keeps the results and offers to resume).
 */
export interface FaultPlan {
  kind: FaultKind;
  generation: number;
}

/** Reads "kind:generation" (e.g. "backend:1"); a problem says what is wrong. */
export function parseFaultPlan(text: string): { plan: FaultPlan | null; problem: string | null } {
  const m = /^\s*([a-z]+)\s*:\s*(\d{1,7})\s*$/i.exec(text);
  const kind = m?.[1].toLowerCase();
  if (!m || !(FAULT_KINDS as readonly string[]).includes(kind as string)) {
    return {
      plan: null,
      problem: `The address asks for fault "${text}"; expected one of ${FAULT_KINDS.map((k) => `${k}:N`).join(', ')} (N: a generation). No fault is injected.`,
    };
  }
  return { plan: { kind: kind as FaultKind, generation: Number(m[2]) }, problem: null };
}

export const describeFault = (plan: FaultPlan) => `?fault=${plan.kind}:${plan.generation}`;

/** What only the host can do: die (`crash` never returns), or drop its GPU device (false: it has none). */
export interface FaultHost {
  crash(message: string): Promise<never>;
  loseDevice(): boolean;
}

/** The family with `plan` injected. */
export function withInjectedFault(family: ModelFamily, plan: FaultPlan, host: FaultHost): ModelFamily {
  let fired = false;
  const faulty = (onProgress: (p: TrainingProgress) => Promise<void>) => async (p: TrainingProgress) => {
    if (fired) return onProgress(p);
    fired = true;
    const what = `injected by ${describeFault(plan)}`;
    switch (plan.kind) {
      case 'lost':
        // The loss is noticed by the host's watch, which stops the run at its next step.
        if (host.loseDevice()) return onProgress(p);
        await onProgress(p);
        throw new BackendFaultError(`the device was lost (a simulated backend failure, ${what})`);
      case 'backend':
        await onProgress(p);
        throw new BackendFaultError(`the device was lost (a simulated backend failure, ${what})`);
      case 'nan':
        await onProgress({ ...p, loss: NaN });
        throw Object.assign(new Error(`training diverged at step ${p.step} (loss NaN, ${what})`), {
          name: TRAINING_DIVERGED,
          step: p.step,
          loss: NaN,
        });
      case 'crash':
        await onProgress(p);
        return host.crash(`a simulated crash, ${what}`);
    }
  };
  return {
    name: family.name,
    baselineNll: (heldOut) => family.baselineNll(heldOut),
    train: (generation, documents, onProgress, signal) =>
      family.train(
        generation,
        documents,
        generation === plan.generation ? faulty(onProgress) : onProgress,
        signal,
      ),
    updateConfig: (config) => family.updateConfig(config),
    dispose: () => family.dispose(),
  };
}
