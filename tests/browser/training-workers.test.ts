/**
 * Data-parallel training in the page: on wasm the simulation worker starts training workers as
 * nested workers (this static server sends no COOP/COEP headers, so buffers are transferred,
 * not shared) and says how many train. Two workers write the same samples as one: sampling
 * calls are seeded by their place in the stream, whichever worker runs them.
 */
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
  waitFor,
} from '../support/page-run';

const settings = (workers: number) => [
  ...SMALL_CORPUS,
  'size=micro',
  'steps=30',
  'generations=2',
  `workers=${workers}`,
];
const RUN_MS = 150_000;

/** Runs the page to the end; returns its notices and the samples panel's text. */
async function runToEnd(
  page: Page,
  baseUrl: string,
  workers: number,
): Promise<{ notices: string; perplexity: string; samples: string }> {
  await page.goto(pageUrl(baseUrl, { backend: 'wasm', settings: settings(workers) }));
  await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
  await playButton(page).click();
  expect(await backendName(page, 60_000)).toBe('wasm');
  await waitFor(page, 'the run to finish', RUN_MS, async () =>
    /^Done\b/.test(await statusText(page)) ? true : null,
  );
  const notices = page.getByTestId('run-notices');
  return {
    notices: (await notices.count()) > 0 ? await notices.innerText() : '',
    perplexity: await chartSummary(page, 'Held-out perplexity'),
    samples: await page.getByTestId('generated-samples').innerText(),
  };
}

describe('training workers in the page', () => {
  const browser = sharedBrowser({ webgpu: false });

  it(
    'trains on two workers, says so, and writes the samples one worker writes',
    { timeout: 2 * RUN_MS },
    async () => {
      const page = await browser().context.newPage();
      const problems = watchPage(page);
      try {
        const two = await runToEnd(page, browser().baseUrl, 2);
        expect(two.notices).toMatch(/Training on 2 of 2 workers \(wasm\)/);
        const one = await runToEnd(page, browser().baseUrl, 1);
        expect(one.notices).not.toMatch(/Training on/);
        expect(two.samples).toBe(one.samples);
        expect(two.samples.length).toBeGreaterThan(100);
        // Perplexities agree to the two decimals the summary shows (the sums differ in round-off only).
        expect(two.perplexity).toBe(one.perplexity);
        expect(problems.pageErrors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
