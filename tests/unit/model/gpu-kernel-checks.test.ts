import { beforeAll, describe, expect, it } from 'vitest';
import { runKernelChecks } from '../../../src/bench/kernel-checks';
import { useNodeBackend } from '../../../src/cli/tf-node';

beforeAll(() => useNodeBackend('cpu'));

/**
 * The checks the browser runs on WebGL and WebGPU (tests/browser/gpu-kernels.test.ts), here on
 * cpu against cpu: the plain formulas they compare the GPU kernels with equal the engine's own cpu
 * path (composed ops and loop kernels), so a failure in Chromium is the kernel's.
 */
describe('GPU kernel checks, on cpu', () => {
  it("the plain formulas equal the engine's cpu path", async () => {
    const results = await runKernelChecks();
    expect(results.length).toBeGreaterThan(9);
    for (const r of results) expect(r, r.name).toMatchObject({ ok: true });
  });
});
