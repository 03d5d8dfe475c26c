/**
 * The runs list in the built page (issue 6):
 * 1. A recorded run (shipped in public/recorded/) plays back: generations appear one by one, and
 *    it is labelled recorded in the run bar, the runs list and, overlaid, in a chart legend.
 * 2. A finished live run survives a reload: it is in the list with its generations, can be
 *    overlaid, and exporting it then importing the file gives the same generations back.
 * 3. One-click compare runs both settings in the worker, one after the other, and overlays them
 *    (the loss chart too: where the other run's training of the same generation ended).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunRecord } from '../../src/engine/record';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import { chartSummary, openPage, playButton, SMALL_CORPUS, statusText, waitFor } from '../support/page-run';

const runsList = (page: Page) => page.getByRole('list', { name: 'Kept runs' });
const runRow = (page: Page, name: string | RegExp) =>
  runsList(page).getByRole('listitem').filter({ hasText: name });

/** The latest generation of the run on screen in the perplexity chart's summary (overlays left out). */
async function latestGeneration(page: Page): Promise<number | null> {
  const summary = (await chartSummary(page, 'Held-out perplexity')).split(' Overlaid runs:')[0];
  const all = [...summary.matchAll(/generation (\d+)/g)].map((m) => Number(m[1]));
  return all.length > 0 ? Math.max(...all) : null;
}

describe('runs list', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('plays back a recorded run one generation at a time, labelled recorded everywhere', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await openPage(page, browser().baseUrl);
    const watch = page.getByRole('button', { name: /^Watch recorded: Seed paper: replace$/ });
    await watch.waitFor({ timeout: 10_000 });
    await page.getByLabel('Generations appear').selectOption({ label: 'fast (2 a second)' });
    await watch.click();

    // Run bar: labelled recorded, with the playback's progress.
    const banner = page.locator('[data-shown-kind="recorded"]');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/^Showing a recorded run .*Seed paper: replace/);
    // Settings column: the recording's own settings, not an empty band or the user's controls alone.
    const recordedSettings = page.getByTestId('shown-run-settings');
    await recordedSettings.waitFor();
    const settingsText = await recordedSettings.textContent();
    expect(settingsText).toContain('Seed paper: replace');
    expect(settingsText).toMatch(/Paradigm\s*replace/);
    expect(settingsText).toMatch(/Run\s*seed 1/);
    // Loss chart: a recording has no per-step losses, so it draws each generation's last loss.
    const loss = page.locator('[data-chart="loss"]');
    await loss.getByText('Training loss at the end of each generation').waitFor();
    await loss.locator('.recharts-line-curve').first().waitFor();
    expect(await loss.textContent()).not.toMatch(/Appears when generation/);
    // Generations appear one by one: the chart first shows fewer than all, then all.
    const seen = new Set<number>();
    // The default recording runs 40 generations: 20 s at two a second, on a machine that may be busy.
    const total = await waitFor(page, 'the whole recorded run', 60_000, async () => {
      const g = await latestGeneration(page);
      if (g !== null) seen.add(g);
      const status = await page
        .getByRole('status')
        .filter({ hasText: /generation \d+ of \d+ shown/ })
        .textContent();
      const m = /generation (\d+) of (\d+) shown/.exec(status ?? '');
      return m && m[1] === m[2] ? Number(m[2]) : null;
    });
    expect(total).toBeGreaterThanOrEqual(4);
    expect(seen.size).toBeGreaterThanOrEqual(2); // not all at once
    // The chart redraws in its own slot, just after the status line.
    await waitFor(page, 'the last recorded generation on the chart', 5_000, async () =>
      (await latestGeneration(page)) === total - 1 ? true : null,
    );

    // Runs list: the recorded run, badged.
    const row = runRow(page, 'Recorded: Seed paper: replace');
    expect(await row.getByText('recorded', { exact: true }).count()).toBe(1);
    expect(await row.textContent()).toMatch(new RegExp(`${total} generations, final perplexity [\\d.]+`));

    // Another recorded run overlaid: its legend entry says recorded and what differs.
    await page.getByRole('button', { name: /^Watch recorded: Gerstgrasser: accumulate/ }).click();
    await page.locator('[data-shown-kind="recorded"]').filter({ hasText: 'Gerstgrasser' }).waitFor();
    await page.getByRole('button', { name: 'Show all generations' }).click();
    await runRow(page, 'Recorded: Seed paper: replace').getByLabel('Overlay on charts').check();
    const legend = page
      .locator('figure')
      .filter({ hasText: 'Held-out perplexity per generation' })
      .locator('.recharts-legend-wrapper');
    await legend
      .getByText('Recorded: Seed paper: replace (replace, same steps)')
      .waitFor({ timeout: 10_000 });
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps a finished run across a reload, to overlay and to export and import again', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await openPage(page, browser().baseUrl, {
      backend: 'wasm',
      settings: [...SMALL_CORPUS, 'size=micro', 'steps=3', 'generations=2'],
    });
    await playButton(page).click();
    await waitFor(page, 'the run to finish', 120_000, async () =>
      (await statusText(page)).startsWith('Done') ? true : null,
    );
    const row = runRow(page, /complete, 2 generations/);
    await row.waitFor();
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.getByRole('textbox').fill('Class 4B, micro');
    await row.getByRole('button', { name: 'Save' }).click();
    await runRow(page, 'Class 4B, micro').waitFor();

    // Saved to IndexedDB as it finished: after a reload the list still has it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    const kept = runRow(page, 'Class 4B, micro');
    await kept.waitFor({ timeout: 10_000 });
    expect(await kept.textContent()).toMatch(/complete, 2 generations, final perplexity [\d.]+/);
    await kept.getByLabel('Overlay on charts').check();
    const perplexity = page.locator('figure').filter({ hasText: 'Held-out perplexity per generation' });
    await perplexity
      .locator('.recharts-legend-wrapper')
      .getByText(/^Class 4B, micro/)
      .waitFor({ timeout: 10_000 });
    expect(await perplexity.locator('.recharts-line').count()).toBeGreaterThanOrEqual(1);

    // Show it, export it, import the file: the same generations come back, as an imported run.
    await kept.getByRole('button', { name: 'Show' }).click();
    await page.locator('[data-shown-kind="saved"]').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export run.json' }).click();
    const saved = await (await download).path();
    const exported = JSON.parse(await readFile(saved, 'utf8')) as RunRecord;
    expect(exported.generations.map((g) => g.generation)).toEqual([0, 1]);
    await page.getByTestId('run-file-input').setInputFiles({
      name: 'class-4b.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await page.getByText('Showing a run imported from class-4b.json').waitFor();
    const imported = runRow(page, 'class-4b.json');
    expect(await imported.textContent()).toMatch(/imported.*complete, 2 generations/);
    expect(await latestGeneration(page)).toBe(1);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 200_000);

  it('one-click compare runs both temperatures, one after the other, and overlays the first', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await openPage(page, browser().baseUrl, {
      backend: 'wasm',
      settings: [...SMALL_CORPUS, 'size=micro', 'steps=3', 'generations=2', 'seed=5'],
    });
    await page.getByRole('button', { name: 'Compare temperature 1 vs 0.5' }).click();
    await page.getByText(/^Comparing temperature 1 vs 0\.5: running temperature 1 \(1 of 2\)/).waitFor();
    await page
      .getByText(/^Compare done: temperature 0\.5 \(solid lines\) with temperature 1 overlaid/)
      .waitFor({ timeout: 180_000 });
    expect(await runRow(page, 'Compare: temperature 1').textContent()).toMatch(/complete, 2 generations/);
    expect(await runRow(page, 'Compare: temperature 0.5').textContent()).toMatch(
      /on screen.*complete, 2 generations/,
    );
    const legend = page
      .locator('figure')
      .filter({ hasText: 'Held-out perplexity per generation' })
      .locator('.recharts-legend-wrapper');
    await legend.getByText('Compare: temperature 1 (temperature 1)').waitFor({ timeout: 10_000 });
    // The loss chart draws the overlaid run where its training of the same generation ended.
    await waitFor(page, 'the overlay on the loss chart', 10_000, async () =>
      /Overlaid runs: .*Compare: temperature 1 \(temperature 1\), end of training, generation \d+: [\d.]+/.test(
        await chartSummary(page, 'Training loss'),
      )
        ? true
        : null,
    );
    expect(await page.getByLabel('Temperature', { exact: true }).first().inputValue()).toBe('0.5');
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 240_000);
});
