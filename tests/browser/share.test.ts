/**
 * Share links and run files in the built page (issue 6). Kept short on purpose: vitest runs
 * browser files in parallel with page.test.ts, and nothing here trains, so this Chromium idles
 * after a few seconds instead of competing for the 2 cores.
 *
 * 1. A shared link opens with its settings in the panel; a part it cannot read gets a notice.
 * 2. Importing a run.json the engine wrote shows it (chart summary, "imported from" label), and
 *    exporting it gives back the same generations.
 * 3. A setting the panel shows from its registry entry alone reaches the address and the run: the
 *    count model on the smallest corpus, one generation (it counts, it does not train).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunRecorder } from '../../src/engine/loop/recorder';
import type { RunRecord } from '../../src/engine/record';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import { collectEvents, microRunConfig } from '../support/loop-fixtures';
import {
  chartSummary,
  openPage,
  playButton,
  setNumber,
  SMALL_CORPUS,
  statusText,
  waitFor,
} from '../support/page-run';

describe('share links and run files', () => {
  const browser = sharedBrowser({ webgpu: false });
  let dir: string;
  let record: RunRecord;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'collapse-lab-share-'));
    const config = microRunConfig({ generations: 2, model: { family: 'ngram' } });
    const recorder = new RunRecorder(config);
    (await collectEvents(config)).forEach((e) => recorder.observe(e));
    record = recorder.record;
  }, 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a shared link sets the panel; an unreadable part keeps its default with a notice', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.goto(`${browser().baseUrl}?v=1&set=seed=42&set=generations=3&set=bogus=1`);
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('42');
    expect(await page.getByLabel('Generations', { exact: true }).inputValue()).toBe('3');
    await page.getByText(/"bogus" is not a setting/).waitFor();
    // Copy link: the clipboard where the browser allows it, else the link selected in a field.
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByLabel('Link to these settings');
    const copied = page.getByText('Link copied: it opens these settings.');
    await waitFor(page, 'the copied link', 5_000, async () =>
      (await copied.count()) > 0 || (await field.count()) > 0 ? true : null,
    );
    if ((await field.count()) > 0)
      expect(await field.inputValue()).toMatch(/\?v=1&set=seed=42&set=generations=3$/);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 30_000);

  it('imports a run.json, shows it labelled, and exports the same generations', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.goto(browser().baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    const file = path.join(dir, 'class-run.json');
    await writeFile(file, JSON.stringify(record, null, 1));
    await page.getByTestId('run-file-input').setInputFiles(file);
    await page.getByText('Showing a run imported from class-run.json').waitFor();
    const summary = await waitFor(page, 'the perplexity chart', 10_000, async () => {
      const text = await chartSummary(page, 'Held-out perplexity');
      return text.includes('generation 1') ? text : null;
    });
    expect(summary).toMatch(/^Held-out perplexity: generation 0 /);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export run.json' }).click();
    const saved = await (await download).path();
    const exported = JSON.parse(await readFile(saved, 'utf8')) as RunRecord;
    expect(exported.generations.map((g) => g.perplexity)).toEqual(
      record.generations.map((g) => g.perplexity),
    );
    expect(exported.generations).toEqual(JSON.parse(JSON.stringify(record.generations)));
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  }, 30_000);

  it('shows the settings the registry gives a control, and a change reaches the address and the run', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await openPage(page, browser().baseUrl, { settings: [...SMALL_CORPUS, 'model=ngram', 'generations=1'] });
    const longest = page.getByLabel('Longest generated document', { exact: true });
    expect(await longest.inputValue()).toBe('600');
    expect(await page.getByLabel('Characters measured per generation', { exact: true }).inputValue()).toBe(
      '5000',
    );
    await setNumber(page, 'Longest generated document', 120);
    await setNumber(page, 'Characters measured per generation', 800);
    await waitFor(page, 'the address', 5_000, async () =>
      page.url().includes('set=sampling.maxLength=120') ? true : null,
    );
    expect(page.url()).toContain('set=evaluation.sampleChars=800');

    await playButton(page).click();
    await waitFor(page, 'the run to finish', 60_000, async () =>
      (await statusText(page)).startsWith('Done') ? true : null,
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export run.json' }).click();
    const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as RunRecord;
    expect(exported.config.sampling.maxLength).toBe(120);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
