/**
 * An interrupted run resumes after a reload (issue 6): a run still going when the page reloads
 * is listed as interrupted with its finished generations; Resume continues it, in the same entry
 * of the runs list, from its last finished generation to the end.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import { openPage, playButton, SMALL_CORPUS, statusText, waitFor } from '../support/page-run';

const runRows = (page: Page) => page.getByRole('list', { name: 'Kept runs' }).getByRole('listitem');

describe('resume after reload', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('lists a run cut short by a reload as interrupted, and Resume finishes it in the same entry', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    try {
      await openPage(page, browser().baseUrl, {
        backend: 'wasm',
        settings: [...SMALL_CORPUS, 'size=micro', 'steps=40', 'generations=3'],
      });
      await playButton(page).click();
      // Generation 0 finished and saved; the run goes on into generation 1.
      const live = runRows(page).filter({ hasText: /1 generation\b/ });
      await live.waitFor({ timeout: 120_000 });
      expect(await statusText(page)).not.toMatch(/^Done/);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
      const interrupted = runRows(page).filter({ hasText: 'interrupted' });
      await interrupted.waitFor({ timeout: 10_000 });
      const label = (await interrupted.locator('.runs-label').textContent()) ?? '';
      expect(label).not.toBe('');
      await interrupted.getByRole('button', { name: 'Resume' }).click();

      await waitFor(page, 'the resumed run to finish', 180_000, async () =>
        (await statusText(page)).startsWith('Done: 3 of 3') ? true : null,
      );
      const rows = runRows(page).filter({ hasText: label });
      await waitFor(page, 'the entry to read complete', 10_000, async () =>
        /complete, 3 generations/.test((await rows.first().textContent()) ?? '') ? true : null,
      );
      expect(await rows.count()).toBe(1);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 400_000);
});
