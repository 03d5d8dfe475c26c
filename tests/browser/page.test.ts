/**
 * The built page in headless Chromium. One file on purpose: vitest runs files in parallel, and two
 * Chromiums running SwiftShader at once would starve each other and the CPU-heavy unit tests.
 *
 * 1. One training step of the tiny model inside the page's Web Worker, on each backend headless
 *    Chromium offers here: the loss the page shows is finite and the page names the backend the
 *    address asked for. WebGL and WebGPU run on SwiftShader (no GPU): correct, but slow.
 * 2. The page as a visitor opens it (no address options, Chromium without WebGPU, as on stock
 *    Linux): a real backend is chosen and the fallback explained, a short run finishes, and the
 *    page shows perplexity before and after training and the stories the model wrote.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, watchPage, type BrowserSession } from '../support/browser';
import { openAndStart, waitForText } from '../support/page-run';

interface BackendCase {
  backend: 'wasm' | 'cpu' | 'webgl' | 'webgpu';
  /** Budget for the backend check and one step; SwiftShader WebGPU takes about 40 s. */
  timeoutMs: number;
}

const CASES: BackendCase[] = [
  { backend: 'wasm', timeoutMs: 60_000 },
  { backend: 'cpu', timeoutMs: 90_000 },
  { backend: 'webgl', timeoutMs: 90_000 },
  { backend: 'webgpu', timeoutMs: 120_000 },
];

describe('one training step in a Web Worker, per backend', () => {
  let session: BrowserSession;
  const timings: string[] = [];

  beforeAll(async () => {
    session = await openBrowser({ webgpu: true });
  });
  afterAll(async () => {
    await session?.close();
    if (timings.length > 0) console.log(`browser first-step timings:\n  ${timings.join('\n  ')}`);
  });

  for (const { backend, timeoutMs } of CASES) {
    it(
      `${backend}: the page reports ${backend} and a finite loss`,
      async () => {
        const page = await session.context.newPage();
        const problems = watchPage(page);
        try {
          const t0 = Date.now();
          await openAndStart(page, session.baseUrl, { backend, steps: 1 });
          expect(await waitForText(page, 'backend', timeoutMs)).toBe(backend);
          const chosenAt = Date.now();
          const loss = Number(await waitForText(page, 'loss', timeoutMs));
          expect(Number.isFinite(loss)).toBe(true);
          // An untrained model guesses about uniformly over ~60 symbols: ln 60 ≈ 4.1 nats.
          expect(loss).toBeGreaterThan(1);
          expect(loss).toBeLessThan(10);
          const msPerStep = await page.getByTestId('ms-per-step').textContent();
          timings.push(
            `${backend}: backend ready ${((chosenAt - t0) / 1000).toFixed(1)} s, first loss ${loss} at ` +
              `${((Date.now() - t0) / 1000).toFixed(1)} s, first step ${msPerStep} ms (shader compiles included)`,
          );
          expect(problems.pageErrors).toEqual([]);
          expect(problems.consoleErrors).toEqual([]);
        } finally {
          await page.close(); // ends the worker mid-run: evaluation and sampling are not needed here
        }
      },
      timeoutMs + 30_000,
    );
  }
});

const SCREENSHOT_DIR = new URL('../../test-results/', import.meta.url);

describe('the default page', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser({ webgpu: false });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('explains itself before anything runs', async () => {
    const page = await session.context.newPage();
    try {
      await page.goto(session.baseUrl);
      expect(await page.title()).toBe('Collapse Lab');
      await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
      expect(await page.getByRole('status').textContent()).toContain('Start training');
      // Keyboard users can reach and press the start button.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start training');
    } finally {
      await page.close();
    }
  });

  it('reports a real backend, finishes a short run and shows samples', async () => {
    const page = await session.context.newPage();
    const problems = watchPage(page);
    try {
      // Only the length is shortened; backend choice is the page's own.
      await openAndStart(page, session.baseUrl, { steps: 5 });
      const backend = await waitForText(page, 'backend', 60_000);
      expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(backend);
      // This Chromium offers no WebGPU, so the page must say why it used something else.
      expect(await page.getByTestId('backend-summary').textContent()).toMatch(/webgpu \(this browser (does not offer WebGPU|offers no WebGPU adapter)/);

      await page.getByTestId('samples').waitFor({ timeout: 150_000 });
      expect(await page.getByTestId('status').textContent()).toMatch(/^Done in \d+ seconds\.$/);
      const samples = await page.getByTestId('samples').locator('blockquote').allTextContents();
      expect(samples.length).toBeGreaterThan(0);
      expect(samples.join('').length).toBeGreaterThan(0);
      const before = Number(await page.getByTestId('perplexity-untrained').textContent());
      const after = Number(await page.getByTestId('perplexity-trained').textContent());
      expect(Number.isFinite(before) && Number.isFinite(after)).toBe(true);
      expect(after).toBeLessThan(before); // even five steps teach it the common letters

      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: new URL('default-page.png', SCREENSHOT_DIR).pathname, fullPage: true });
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});
