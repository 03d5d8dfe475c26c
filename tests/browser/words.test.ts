/**
 * Words that died, in the built page: after a short count-model run, the panel's rows are the
 * run's own extinction record (read back from the run.json the page exports, folded here on its
 * own), its headline follows the generation picked with the keyboard, and the Zipf plot draws
 * the real text's line and the generation's. An imported run.json shows its words; one recorded
 * before the census says so.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunRecorder } from '../../src/engine/loop/recorder';
import { parseRunFile, type GenerationReport, type RunRecord } from '../../src/engine/record';
import { watchPage } from '../support/browser';
import { quickUrl } from '../support/classroom-page';
import { collectEvents, microRunConfig } from '../support/loop-fixtures';
import { playButton, statusText, waitFor } from '../support/page-run';
import { sharedBrowser } from '../support/shared-browser';

/** Each real word's last-written cell as of `asOf`, folded from the census without the app's code. */
function expectedRows(generations: readonly GenerationReport[], asOf: number): Map<string, string> {
  const real = generations[0].wordCensus?.real;
  if (!real) throw new Error('the run recorded no real words');
  const since = new Map<string, number | null>(real.words.map((w) => [w, null]));
  for (const g of generations.filter((r) => r.generation <= asOf)) {
    for (const w of g.wordCensus?.revived ?? []) since.set(w, null);
    for (const w of g.wordCensus?.died ?? []) since.set(w, g.generation);
  }
  const first = generations[0].generation;
  return new Map(
    real.words.map((w, i) => {
      const s = since.get(w) ?? null;
      const text = s === null ? 'still written' : s === first ? 'never written' : `generation ${s - 1}`;
      return [w, `${real.counts[i]}|${text}`];
    }),
  );
}

/** The panel's rows as word -> "count|last written". */
async function shownRows(page: Page): Promise<Map<string, string>> {
  const rows = await page.getByTestId('words-table').locator('tbody tr').all();
  const out = new Map<string, string>();
  for (const row of rows) {
    const cells = await row.locator('th, td').allTextContents();
    out.set(cells[0].trim(), `${cells[1].trim()}|${cells[2].trim()}`);
  }
  return out;
}

const headline = (page: Page) => page.getByTestId('words-gone').textContent();

describe('words that died', () => {
  const browser = sharedBrowser({ webgpu: false });
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'collapse-lab-words-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("lists the run's extinction record and draws the Zipf plot", async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(quickUrl(browser().baseUrl).replace('generations=3', 'generations=4'));
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    await playButton(page).click();
    await waitFor(page, 'the run to finish', 60_000, async () =>
      (await statusText(page)).startsWith('Done') ? true : null,
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export run.json' }).click();
    const parsed = parseRunFile('run.json', await readFile(await (await download).path(), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const { generations } = parsed.record;
    expect(generations.map((g) => g.generation)).toEqual([0, 1, 2, 3]);
    const realWords = generations[0].wordCensus?.real?.words.length ?? 0;
    expect(realWords).toBeGreaterThan(0);

    // The latest generation by default: every real word listed (a small vocabulary), as recorded.
    const panel = page.getByTestId('words-panel');
    await panel.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('words-sampled').textContent()).toContain(
      `All ${realWords} different words`,
    );
    expect(await shownRows(page)).toEqual(expectedRows(generations, 3));
    expect(await headline(page)).toBe(
      `${generations[3].extinct.words} of ${realWords} real words are missing from generation 3’s text.`,
    );

    // Generation 1, picked with the keyboard: the list as it stood then.
    const slider = page.getByTestId('words-generation');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toBe('generation 1');
    expect(await headline(page)).toBe(
      `${generations[1].extinct.words} of ${realWords} real words are missing from generation 1’s text.`,
    );
    expect(await shownRows(page)).toEqual(expectedRows(generations, 1));

    // The Zipf plot: the real text's line, generation 0's and generation 1's, each a drawn path.
    const summary = await page
      .getByRole('img', { name: /^real text: \d+ different words/ })
      .getAttribute('aria-label');
    expect(summary).toContain(`real text: ${realWords} different words`);
    expect(summary).toContain('generation 1: ');
    for (const line of ['real', 'first', 'shown']) {
      const d = await panel.locator(`.zipf-line-${line} path.recharts-line-curve`).getAttribute('d');
      expect(d, `the ${line} line`).toMatch(/^M[\d.]+,[\d.]+L/);
    }
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows the words of an imported run.json, and says when a file recorded none', async () => {
    const config = microRunConfig({ generations: 2, model: { family: 'ngram' } });
    const recorder = new RunRecorder(config);
    (await collectEvents(config)).forEach((e) => recorder.observe(e));
    const record: RunRecord = recorder.record;
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.goto(browser().baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();

    const file = path.join(dir, 'with-words.json');
    await writeFile(file, JSON.stringify(record, null, 1));
    await page.getByTestId('run-file-input').setInputFiles(file);
    await page.getByText('Showing a run imported from with-words.json').waitFor();
    const rows = await waitFor(page, 'the words table', 10_000, async () => {
      const shown = await shownRows(page);
      return shown.size > 0 ? shown : null;
    });
    // A vocabulary this size is listed in part (and says so); every row listed is as recorded.
    const expected = expectedRows(record.generations, 1);
    expect(await page.getByTestId('words-sampled').textContent()).toContain(
      `The real text has ${expected.size} different words`,
    );
    expect(rows.size).toBe(80);
    expect(rows).toEqual(new Map([...rows.keys()].map((w) => [w, expected.get(w)])));

    const older = JSON.parse(JSON.stringify(record)) as RunRecord;
    for (const g of older.generations) delete g.wordCensus;
    const olderFile = path.join(dir, 'older.json');
    await writeFile(olderFile, JSON.stringify(older));
    await page.getByTestId('run-file-input').setInputFiles(olderFile);
    await page.getByText('Showing a run imported from older.json').waitFor();
    await page.getByTestId('words-not-recorded').waitFor();
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
