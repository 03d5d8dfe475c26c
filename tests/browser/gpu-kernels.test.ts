/**
 * The training step's GPU kernels (src/engine/model/kernels/webgl-*.ts, webgpu-*.ts) in headless Chromium,
 * where WebGL and WebGPU run on SwiftShader: bench.html?check=kernels runs each kernel through the
 * engine on the GPU backend and the plain tf ops it replaces on cpu, on the same inputs
 * (src/bench/kernel-checks.ts), then the page's capability check (4 training steps of a small
 * model against cpu). WebGL must be offered; WebGPU is checked where Chromium offers it.
 */
import { describe, expect, it } from 'vitest';
import type { BenchState } from '../../src/bench/protocol';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';

const LIMIT_MS = 8 * 60_000;

describe('GPU kernels against the plain tf ops on cpu', () => {
  const browser = sharedBrowser({ webgpu: true });

  it(
    'every kernel matches on WebGL and WebGPU, and so do four training steps',
    async () => {
      const page = await browser().context.newPage();
      const problems = watchPage(page);
      try {
        await page.goto(`${browser().baseUrl}bench.html?check=kernels&backends=webgl,webgpu`);
        const deadline = Date.now() + LIMIT_MS;
        let state: BenchState | null = null;
        while (!state?.done && Date.now() < deadline) {
          await page.waitForTimeout(1000);
          state = await page.evaluate(() => window.__collapseBench ?? null);
        }
        expect(state?.done, `the checks did not finish: ${state?.lines.join('\n')}`).toBe(true);
        expect(state!.error).toBeNull();
        console.log(state!.lines.join('\n'));
        expect(state!.checks.webgl?.available).toBe(true);
        for (const backend of ['webgl', 'webgpu'] as const) {
          const result = state!.checks[backend];
          if (!result?.available) continue;
          expect(result.checks.length).toBeGreaterThan(9);
          for (const check of result.checks)
            expect(check, `${backend}: ${check.name}`).toMatchObject({ ok: true });
        }
        expect(problems.pageErrors).toEqual([]);
      } finally {
        await page.close();
      }
    },
    LIMIT_MS + 60_000,
  );
});
