/**
 * Classroom links and presenter mode in the built page (issue 6), on the count model so nothing
 * here trains a network:
 *
 * 1. A link that hides the seed and locks the paradigm: the seed control is gone, the paradigm is
 *    disabled with its lock and keeps the link's value, and a preset cannot change it (it says
 *    so); the link's large chart comes first; an unknown name gets a notice.
 * 2. Presenter mode: P and the header button turn it on (the address says present=1), Escape
 *    leaves it; a link with present=1 opens in it.
 * 3. Each chart saves as PNG (a real PNG file) and SVG (a standalone document with the series).
 * 4. The "Prepare a classroom link" dialog writes what it hides into the link it shows.
 * 5. The walkthrough is offered once per browser and stays reachable from the header.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import { quickUrl, runQuick } from '../support/classroom-page';
import { waitFor } from '../support/page-run';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
}

const settings = (page: Page) => page.getByRole('complementary', { name: 'Settings' });
const paradigmRadio = (page: Page, name: string) => settings(page).getByRole('radio', { name, exact: true });
const address = (page: Page) => page.evaluate(() => window.location.search);

describe('classroom links', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('hides and locks what the link says, presets included, and shows its chart large', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await open(
      page,
      quickUrl(
        browser().baseUrl,
        'set=seed=42&set=paradigm=accumulate&cv=1&hide=seed&lock=paradigm&large=divergence&hide=warp',
      ),
    );

    // Hidden: no seed field and no "New seed" button; the generations next to it stay.
    expect(await page.getByLabel('Seed', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New seed' }).count()).toBe(0);
    expect(await page.getByLabel('Generations', { exact: true }).inputValue()).toBe('3');

    // Locked: disabled, keeps the link's value, and says why.
    const accumulate = paradigmRadio(page, 'Accumulate');
    expect(await accumulate.isChecked()).toBe(true);
    expect(await accumulate.isDisabled()).toBe(true);
    expect(await paradigmRadio(page, 'Replace').isDisabled()).toBe(true);
    const paradigmGroup = settings(page).getByRole('group', { name: /^Paradigm/ });
    await paradigmGroup.getByText('Locked: your teacher fixed this setting for the lesson.').waitFor();
    expect(
      await paradigmGroup.getByTitle('Locked: your teacher fixed this setting for the lesson.').count(),
    ).toBe(1);

    // A preset applies its other settings and leaves the locked one, with a note.
    // click, not check: with the paradigm kept, the result is no longer that preset (the radio clears).
    await settings(page).getByRole('radio', { name: 'Low temperature' }).click();
    await page
      .getByText(
        'Your teacher fixed Paradigm and Seed, so the preset left them as they were; its other settings apply.',
      )
      .waitFor();
    expect(await page.getByLabel('Temperature', { exact: true }).inputValue()).toBe('0.5');
    expect(await accumulate.isChecked()).toBe(true);
    // The seed, hidden, kept the link's value too (the address carries it).
    await waitFor(page, 'the address to follow the preset', 5_000, async () =>
      (await address(page)).includes('temperature=0.5') ? true : null,
    );
    const search = await address(page);
    expect(search).toContain('set=seed=42');
    expect(search).toContain('set=paradigm=accumulate');
    expect(search).toContain('cv=1&hide=seed&lock=paradigm&large=divergence');

    // The large chart comes first, full width; an unknown name got a notice.
    const first = page.locator('.charts-grid > .chart-cell').first();
    expect(await first.getAttribute('data-chart')).toBe('divergence');
    expect(await first.getAttribute('data-large')).toBe('true');
    await page.getByText(/"warp" is not a control that can be hidden/).waitFor();
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('presenter mode: P or the button turns it on, the address says so, Escape leaves it', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await open(page, quickUrl(browser().baseUrl));
    const presenterButton = page.getByRole('button', { name: 'Presenter mode' });
    expect(await settings(page).count()).toBe(1);

    await page.keyboard.press('p');
    await waitFor(page, 'presenter mode', 5_000, async () =>
      (await settings(page).count()) === 0 ? true : null,
    );
    expect(await presenterButton.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.charts-grid > .chart-cell').count()).toBe(2);
    expect(await page.getByTestId('samples-panel').isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Run controls' }).isVisible()).toBe(true);
    expect(await address(page)).toContain('present=1');

    await page.keyboard.press('Escape');
    await settings(page).waitFor();
    expect(await address(page)).not.toContain('present=1');
    await presenterButton.click();
    await waitFor(page, 'presenter mode from the button', 5_000, async () =>
      (await settings(page).count()) === 0 ? true : null,
    );
    const shared = `${browser().baseUrl}${await address(page)}`;

    // The address, shared, opens in presenter mode.
    const student = await browser().context.newPage();
    await open(student, shared);
    expect(await settings(student).count()).toBe(0);
    expect(await student.getByRole('button', { name: 'Presenter mode' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(problems.pageErrors).toEqual([]);
    await student.close();
    await page.close();
  }, 60_000);

  it('saves a chart as PNG and as a standalone SVG with its series', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await open(page, quickUrl(browser().baseUrl));
    await runQuick(page);
    const title = 'Held-out perplexity per generation';

    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: `Save PNG: ${title}` }).click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toBe('collapse-lab-held-out-perplexity-per-generation-custom-seed1.png');
    const pngBytes = await readFile(await png.path());
    expect([...pngBytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR width and height: twice the chart's size on screen.
    const plotWidth = await page
      .locator('[data-chart="perplexity"] .recharts-wrapper > svg.recharts-surface')
      .evaluate((svg) => svg.getBoundingClientRect().width);
    expect(pngBytes.readUInt32BE(16)).toBe(Math.round(plotWidth) * 2);

    // Keyboard: focus the SVG button and press Enter.
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: `Save SVG: ${title}` }).focus();
    await page.keyboard.press('Enter');
    const svg = await svgDownload;
    expect(svg.suggestedFilename()).toMatch(
      /^collapse-lab-held-out-perplexity-per-generation-custom-seed1\.svg$/,
    );
    const text = await readFile(await svg.path(), 'utf8');
    // Parsed as a standalone document (no page CSS): the series path is there, its colour written on it.
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const line = doc.querySelector('path.recharts-line-curve');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.tagName,
        title: doc.querySelector('title')?.textContent ?? null,
        lineD: line?.getAttribute('d') ?? null,
        lineStroke: line?.getAttribute('stroke') ?? '',
        legend: doc.documentElement.textContent?.includes('held-out perplexity') ?? false,
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.title).toBe(title);
    expect(parsed.lineD).toMatch(/^M[\d.]+,[\d.]+/);
    expect(parsed.lineStroke).toMatch(/^rgb\(/);
    expect(parsed.legend).toBe(true);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors, problems.consoleErrors.slice(0, 3).join('\n')).toEqual([]);
    await page.close();
  }, 90_000);

  it('the classroom dialog hides a control at once and puts it in the link it shows', async () => {
    const page = await browser().context.newPage();
    await open(page, quickUrl(browser().baseUrl));
    await page.getByRole('button', { name: 'Classroom link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prepare a classroom link' });
    await dialog.getByRole('checkbox', { name: 'Hide Top-k' }).check();
    await dialog.getByRole('checkbox', { name: 'Lock Generations' }).check();
    await dialog.getByLabel('Large chart').selectOption('provenance');
    const link = await dialog.getByLabel('Classroom link').inputValue();
    expect(link).toContain('cv=1&hide=topK&lock=generations&large=provenance');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await page.getByLabel('Top-k', { exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Generations', { exact: true }).isDisabled()).toBe(true);
    await page.close();
  }, 30_000);

  it('offers the walkthrough once, and the header reopens it', async () => {
    const page = await browser().context.newPage();
    await open(page, quickUrl(browser().baseUrl));
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    const offer = page.getByRole('region', { name: 'Walkthrough offer' });
    await offer.waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    expect(await offer.count()).toBe(0);
    await page.getByRole('button', { name: 'Walkthrough', exact: true }).click();
    const card = page.getByRole('dialog', { name: 'Settings' });
    await card.waitFor();
    for (const step of ['Play', 'Perplexity', 'Samples', 'Words that died', 'Theory']) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('dialog', { name: step }).waitFor();
    }
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.close();
  }, 30_000);
});
