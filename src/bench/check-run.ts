/**
 * bench.html?check=kernels: for each backend asked for, the GPU kernels against the plain tf ops
 * on cpu (kernel-checks.ts), then the capability check the page runs before it trains on a backend
 * (4 training steps of a small model against the cpu reference, and sampling).
 */
import * as tf from '@tensorflow/tfjs';
import { runModelSmokeTest } from '../engine/model/smoke';
import { runKernelChecks } from './kernel-checks';
import type { BackendName, KernelChecks } from './protocol';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function checkBackend(backend: BackendName, say: (line: string) => void): Promise<KernelChecks> {
  try {
    if (!tf.findBackendFactory(backend) || !(await tf.setBackend(backend)))
      throw new Error('failed to initialise');
    await tf.ready();
  } catch (e) {
    say(`${backend}: not offered here (${messageOf(e)})`);
    return { available: false, reason: messageOf(e) };
  }
  const checks = await runKernelChecks();
  for (const c of checks)
    say(
      `${backend} ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: error ${c.error.toExponential(1)}${c.problem ? ` (${c.problem})` : ''}`,
    );
  try {
    const smoke = await runModelSmokeTest();
    const worst = Math.max(0, ...smoke.losses.map((l, i) => Math.abs(l - smoke.referenceLosses[i])));
    checks.push({
      name: 'capability check (4 training steps against cpu, within 2e-3)',
      error: worst,
      ok: true,
    });
    say(`${backend} ok   capability check: losses within ${worst.toExponential(1)} of cpu`);
  } catch (e) {
    checks.push({
      name: 'capability check (4 training steps against cpu, within 2e-3)',
      error: NaN,
      ok: false,
      problem: messageOf(e),
    });
    say(`${backend} FAIL capability check: ${messageOf(e)}`);
  }
  return { available: true, checks };
}
