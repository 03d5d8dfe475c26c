/**
 * Faults injected through the page address (`?fault=kind:generation`, see src/app/session/url-faults.ts)
 * on wasm with the small corpus and a tiny budget: a backend that fails mid-run, a loss that
 * becomes NaN, and a worker that dies. Each time the page says what happened, keeps every
 * finished generation, and the run goes on (by itself, after Resume, or after "Resume from").
 * Also: a hidden tab folds no events until it shows again, and a WebGL context really lost
 * (WEBGL_lose_context, on SwiftShader: the slowest case here, about a minute) is noticed by the
 * worker, which falls back to wasm.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import {
  backendName,
  chartSummary,
  pageUrl,
  playButton,
  SMALL_CORPUS,
  statusText,
} from '../support/page-run';

const SETTINGS = [...SMALL_CORPUS, 'size=micro', 'steps=6', 'generations=3'];
const RUN_MS = 120_000;
const SCREENSHOT_DIR = new URL('../../test-results/', import.meta.url);

async function openWithFault(
  page: Page,
  baseUrl: string,
  fault: string,
  backend = 'wasm',
  settings = SETTINGS,
): Promise<void> {
  await page.goto(`${pageUrl(baseUrl, { backend, settings })}&fault=${fault}`);
  await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
}

/** Polls the status line until it matches (errors on screen do not end the wait: some are expected). */
async function waitForStatus(page: Page, pattern: RegExp, timeoutMs = RUN_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await statusText(page);
    if (pattern.test(status)) return status;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for a status matching ${pattern}; status: ${status}`);
    await page.waitForTimeout(200);
  }
}

const notices = (page: Page) => page.getByTestId('run-notices').innerText();
const perplexitySummary = (page: Page) => chartSummary(page, 'Held-out perplexity');

describe('faults injected through ?fault=', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('a backend failure in generation 1: the page names the fallback (wasm -> cpu) and the run goes on to the end', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    try {
      await openWithFault(page, browser().baseUrl, 'backend:1');
      await playButton(page).click();
      expect(await backendName(page, 60_000)).toBe('wasm');
      await waitForStatus(page, /^Done\b/);
      expect(await statusText(page)).toMatch(/3 of 3/);
      expect(await notices(page)).toMatch(
        /The wasm backend failed during generation 1 \(.*device was lost.*\)\. The run falls back to cpu\./,
      );
      expect(await notices(page)).toMatch(/goes on from generation 1; generation 0 is kept/);
      expect(await page.locator('[data-backend]').getAttribute('data-backend')).toBe('cpu');
      // Generation 0 (finished on wasm) is still there, and generations 1 and 2 came on cpu.
      await expect
        .poll(() => perplexitySummary(page), { timeout: 5_000 })
        .toMatch(/generation 0 [\d.]+.*latest, generation 2/);
      expect(await page.getByTestId('run-error').count()).toBe(0);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('a NaN loss in generation 1: the run pauses with the explanation, keeps generation 0, and Resume trains it again', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    try {
      await openWithFault(page, browser().baseUrl, 'nan:1');
      await playButton(page).click();
      await waitForStatus(page, /^Paused at generation 1\b/);
      expect(await notices(page)).toMatch(
        /Training of generation 1 diverged .*loss NaN.*lower the learning rate.*Every finished generation is kept/,
      );
      await expect.poll(() => perplexitySummary(page), { timeout: 5_000 }).toMatch(/generation 0 [\d.]+/);
      await playButton(page).click(); // "Resume"
      await waitForStatus(page, /^Done\b.*3 of 3/);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('a worker crash in generation 1: a message, generation 0 kept, and "Resume from generation 1" finishes the run', async () => {
    const page = await browser().context.newPage();
    try {
      await openWithFault(page, browser().baseUrl, 'crash:1');
      await playButton(page).click();
      const error = page.getByTestId('run-error');
      await error.waitFor({ timeout: RUN_MS });
      expect(await error.innerText()).toMatch(
        /simulation worker stopped \(a simulated crash, injected by \?fault=crash:1\)/,
      );
      await expect.poll(() => perplexitySummary(page), { timeout: 5_000 }).toMatch(/generation 0 [\d.]+/);
      const resume = page.getByRole('button', { name: 'Resume from generation 1' });
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page
        .getByTestId('messages')
        .screenshot({ path: new URL('faults-resume-offer.png', SCREENSHOT_DIR).pathname });
      // From the keyboard: focus it and press Enter.
      await resume.focus();
      await page.keyboard.press('Enter');
      await waitForStatus(page, /^Done\b.*3 of 3/);
      expect(await error.count()).toBe(0);
      expect(await resume.count()).toBe(0);
      expect(await notices(page)).toMatch(/goes on from generation 1; generation 0 is kept/);
      await expect
        .poll(() => perplexitySummary(page), { timeout: 5_000 })
        .toMatch(/generation 0 [\d.]+.*latest, generation 2/);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('a hidden tab folds nothing while hidden, then catches up in one batch when shown again', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        if (h)
          Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        else delete (document as unknown as { visibilityState?: string }).visibilityState;
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    try {
      await page.goto(
        pageUrl(browser().baseUrl, {
          backend: 'wasm',
          settings: [...SMALL_CORPUS, 'size=micro', 'steps=30', 'generations=3'],
        }),
      );
      await playButton(page).click();
      await waitForStatus(page, /training, step/);
      await setHidden(true);
      await page.waitForTimeout(300); // a batch already scheduled may still land
      const frozen = await statusText(page);
      await page.waitForTimeout(3000);
      expect(await statusText(page)).toBe(frozen); // the worker went on, the page did not redraw
      await setHidden(false);
      await waitForStatus(page, /^Done\b.*3 of 3/);
      await expect
        .poll(() => perplexitySummary(page), { timeout: 5_000 })
        .toMatch(/generation 0 [\d.]+.*latest, generation 2/);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it('a WebGL context really lost in generation 1: the worker notices, falls back to wasm and finishes', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    try {
      // WebGL runs on SwiftShader here (slow): the smallest budget that still has two generations.
      await openWithFault(page, browser().baseUrl, 'lost:1', 'webgl', [
        ...SMALL_CORPUS,
        'size=micro',
        'steps=2',
        'generations=2',
      ]);
      await playButton(page).click();
      expect(await backendName(page, 90_000)).toBe('webgl');
      await waitForStatus(page, /^Done\b.*2 of 2/, 240_000);
      expect(await notices(page)).toMatch(
        /The webgl backend failed during generation 1 \(the WebGL context was lost\)\. The run falls back to wasm\./,
      );
      expect(await page.locator('[data-backend]').getAttribute('data-backend')).toBe('wasm');
      await expect
        .poll(() => perplexitySummary(page), { timeout: 5_000 })
        .toMatch(/generation 0 [\d.]+.*latest, generation 1/);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);
});
