/**
 * The automatic choice of backend and sampler: with nothing named in the address, the first run
 * in a fresh browser profile times the backends that pass their check, says so, and remembers the
 * winner (localStorage); a reload uses the remembered pair without timing again; the picker in
 * the run bar overrides it for the next run.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import { backendName, openPage, playButton, SMALL_CORPUS, statusText, waitFor } from '../support/page-run';

const SETTINGS = [...SMALL_CORPUS, 'size=micro', 'steps=2', 'generations=1'];
const RUN_MS = 120_000;

const badgeSummary = (page: Page) => page.locator('[data-backend]').getAttribute('title');
const picker = (page: Page) => page.getByLabel('Backend', { exact: true });

async function runToEnd(page: Page): Promise<void> {
  await playButton(page).click();
  await waitFor(page, 'the end of the run', RUN_MS, async () =>
    /^(Done|Complete)/i.test(await statusText(page)) ? true : null,
  );
}

describe('automatic backend choice, remembered per browser', () => {
  // No WebGPU: the software WebGL is demoted, so the timing compares wasm (and cpu if alone).
  const browser = sharedBrowser({ webgpu: false });

  it('times the backends once, remembers the winner across a reload, and lets the picker override it', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    try {
      await openPage(page, browser().baseUrl, { settings: SETTINGS });
      await expect(picker(page).inputValue()).resolves.toBe('auto');
      await runToEnd(page);
      const timed = await backendName(page, 1000);
      expect(['wasm', 'cpu']).toContain(timed);
      expect(await badgeSummary(page)).toMatch(/fastest when timed/);
      const stored = await page.evaluate(() => localStorage.getItem('collapse-lab:backend-preference:v1'));
      expect(JSON.parse(stored ?? 'null')).toMatchObject({ backend: timed });
      await expect(picker(page).locator('option[value="auto"]').textContent()).resolves.toMatch(/remembered/);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
      await runToEnd(page);
      expect(await backendName(page, 1000)).toBe(timed);
      expect(await badgeSummary(page)).toMatch(/earlier timing/);

      await picker(page).selectOption('cpu');
      await runToEnd(page);
      expect(await backendName(page, 1000)).toBe('cpu');
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 400_000);
});
