/**
 * One training step per backend in the built page (wasm, cpu, webgl, webgpu via ?backend=): the
 * page names the backend the address asked for, and the loss chart reports a finite first loss.
 * WebGPU and WebGL run on SwiftShader here (no GPU), so these take tens of seconds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import {
  backendName,
  chartSummary,
  expectNoProblems,
  numberAfter,
  openPage,
  playButton,
  SMALL_CORPUS,
  waitFor,
} from '../support/page-run';

interface BackendCase {
  backend: 'wasm' | 'cpu' | 'webgl' | 'webgpu';
  /** Budget for the backend check and one step; SwiftShader WebGPU takes about 30 s. */
  timeoutMs: number;
}

const CASES: BackendCase[] = [
  { backend: 'wasm', timeoutMs: 60_000 },
  { backend: 'cpu', timeoutMs: 60_000 },
  { backend: 'webgl', timeoutMs: 90_000 },
  { backend: 'webgpu', timeoutMs: 120_000 },
];

describe('one training step in the worker, per backend', () => {
  const browser = sharedBrowser({ webgpu: true });
  const timings: string[] = [];

  afterAll(() => {
    if (timings.length > 0) console.log(`browser first-step timings:\n  ${timings.join('\n  ')}`);
  });

  for (const { backend, timeoutMs } of CASES) {
    it(
      `${backend}: the page reports ${backend} and a finite first loss`,
      async () => {
        const page = await browser().context.newPage();
        const problems = watchPage(page);
        try {
          const t0 = Date.now();
          await openPage(page, browser().baseUrl, {
            backend,
            settings: [...SMALL_CORPUS, 'size=micro', 'steps=1', 'generations=1'],
          });
          await playButton(page).click();
          expect(await backendName(page, timeoutMs)).toBe(backend);
          const chosenAt = Date.now();
          const summary = await waitFor(page, 'the first training loss', timeoutMs, async () => {
            const s = await chartSummary(page, 'Training loss of generation 0');
            return /at step 1\b/.test(s) ? s : null;
          });
          const loss = numberAfter(summary, 'generation 0');
          expect(Number.isFinite(loss)).toBe(true);
          // An untrained model guesses about uniformly over ~60 symbols: ln 60 ≈ 4.1 nats.
          expect(loss).toBeGreaterThan(1);
          expect(loss).toBeLessThan(10);
          timings.push(
            `${backend}: backend ready ${((chosenAt - t0) / 1000).toFixed(1)} s, first loss ${loss} at ${((Date.now() - t0) / 1000).toFixed(1)} s`,
          );
          expectNoProblems(problems);
        } finally {
          await page.close(); // ends the worker mid-run: the rest of the generation is not needed
        }
      },
      timeoutMs + 30_000,
    );
  }
});
