/**
 * The class as the filter in the built page, on the count model (a run takes seconds): the run
 * stops at each generation's text, the class discards two of six documents (one with the mouse,
 * one with the keyboard) and keeps the others; the discarded ones are absent from the corpus the
 * worker reports in its checkpoint, the kept ones are there, the page says what filled the rest,
 * run.json records the choice, and the same seed runs again without the class, overlaid.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunRecord } from '../../src/engine/record';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import { describeViolations, quickUrl, seriousViolations } from '../support/classroom-page';
import { openPage, playButton, SMALL_CORPUS, statusText, waitFor } from '../support/page-run';

interface Seen {
  offered: { generation: number; texts: string[] }[];
  /** The texts each generation wrote into the corpus, from the checkpoint after it. */
  written: Record<number, string[]>;
}

/** Records, in the page, what the simulation worker asks the class and what its checkpoints say the corpus holds. */
const WATCH_WORKER = `
  window.__seen = { offered: [], written: {} };
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const d = e.data;
        if (d && d.type === 'classReview')
          window.__seen.offered.push({ generation: d.request.generation, texts: d.request.offered.map((o) => o.text) });
        if (d && d.type === 'loop' && d.event.type === 'checkpoint') {
          const c = d.event.checkpoint;
          const g = c.nextGeneration - 1;
          if (g >= 0) window.__seen.written[g] = c.corpus.filter((doc) => doc.origin === g).map((doc) => doc.text);
        }
      });
    }
  };
`;

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
const card = (page: Page, n: number) =>
  page
    .getByTestId('class-review')
    .getByRole('listitem')
    .filter({ hasText: `Document ${n}` });

async function waitForReview(page: Page, generation: number): Promise<void> {
  await waitFor(page, `generation ${generation}'s documents`, 30_000, async () =>
    (await page
      .getByRole('heading', { name: `Generation ${generation}: what enters the corpus?` })
      .isVisible())
      ? true
      : null,
  );
}

/** The corpus got `expected` first, in order (the last written may be cut at the budget m). */
function expectWrittenFirst(written: string[], expected: string[]): void {
  const n = Math.min(written.length, expected.length);
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    if (i < written.length - 1) expect(written[i]).toBe(expected[i]);
    else expect(expected[i].startsWith(written[i])).toBe(true);
  }
}

describe('the class as the filter', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('stays on when a preset is picked: who chooses is the lesson, not the paper', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await openPage(page, browser().baseUrl, { settings: [...SMALL_CORPUS, 'byClass=true'] });
    const classSwitch = page.getByRole('switch', { name: /Let the class choose/ });
    expect(await classSwitch.isChecked()).toBe(true);
    await page.getByRole('radio', { name: /^Gerstgrasser: accumulate/ }).check();
    await expect
      .poll(() => page.getByRole('radio', { name: /^Gerstgrasser: accumulate/ }).isChecked())
      .toBe(true);
    expect(await classSwitch.isChecked()).toBe(true);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 30_000);

  it('keeps a discarded document out of the corpus, fills the rest from the model, and runs the same seed without the class', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.addInitScript(WATCH_WORKER);
    await openPage(page, browser().baseUrl, {
      settings: [...SMALL_CORPUS, 'model=ngram', 'generations=2', 'paradigm=accumulate', 'byClass=true'],
    });
    expect(await page.getByRole('switch', { name: /Let the class choose/ }).isChecked()).toBe(true);
    await playButton(page).click();

    await waitForReview(page, 0);
    expect(await page.getByTestId('class-review').getByRole('listitem').count()).toBe(6);
    // The run bar says the run waits for the class, not that the machine is still generating.
    expect(await statusText(page)).toMatch(
      /^Generation 0 \(1 of 2\) — waiting for the class to keep or discard its documents/,
    );
    await card(page, 2).getByRole('button', { name: 'Discard' }).click();
    await card(page, 5).getByRole('button', { name: 'Keep' }).focus();
    await page.keyboard.press('d');
    expect(await card(page, 5).getByRole('button', { name: 'Discard' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.getByRole('button', { name: 'Continue with these 4' }).click();

    await waitForReview(page, 1);
    const summary = await page.getByTestId('class-choice').textContent();
    expect(summary).toMatch(
      /Generation 0: You kept 4 of 6; the other [\d,]+ characters are the model's next documents, as without the class\./,
    );
    await page.getByRole('button', { name: 'Continue with all 6' }).click();
    await waitFor(page, 'the run to finish', 30_000, async () =>
      (await statusText(page)).startsWith('Done') ? true : null,
    );

    const { offered, written } = await seen(page);
    expect(offered.map((o) => o.generation)).toEqual([0, 1]);
    const [first] = offered;
    const discarded = [first.texts[1], first.texts[4]];
    const kept = first.texts.filter((_, i) => i !== 1 && i !== 4);
    for (const text of discarded) expect(written[0]).not.toContain(text);
    expectWrittenFirst(written[0], kept);
    expectWrittenFirst(written[1], offered[1].texts);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export run.json' }).click();
    const record = JSON.parse(await readFile(await (await download).path(), 'utf8')) as RunRecord;
    expect(record.config.filter.byClass).toBe(true);
    const [g0, g1] = record.generations;
    expect(g0.classFilter).toMatchObject({ offered: 6, kept: 4, discarded: 2, discardedTexts: discarded });
    expect((g0.classFilter?.keptChars ?? 0) + (g0.classFilter?.filledChars ?? 0)).toBe(g0.writtenChars);
    expect(g0.writtenChars).toBe(g0.generatedBudgetChars);
    expect(g1.classFilter).toMatchObject({ kept: 6, discarded: 0 });

    await page.getByRole('button', { name: 'Run the same seed without the class’s choices' }).click();
    await page
      .getByText(
        "Done: the same seed without the class (solid lines), with the class's run overlaid (dashed).",
      )
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('class-review').count()).toBe(0);
    const runs = page.getByRole('list', { name: 'Kept runs' });
    await runs.getByRole('listitem').filter({ hasText: 'Same seed, without the class' }).waitFor();
    expect(await page.getByRole('switch', { name: /Let the class choose/ }).isChecked()).toBe(true);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a classroom link switches it on and locks it; in presenter mode at 1024x768 the documents pass the axe audit and answer to the keyboard', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(quickUrl(browser().baseUrl, 'set=byClass=true&cv=1&lock=classFilter'));
    const toggle = page.getByRole('switch', { name: /Let the class choose/ });
    expect(await toggle.isChecked()).toBe(true);
    expect(await toggle.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await playButton(page).click();
    await waitForReview(page, 0);
    // The documents take the focus: Tab goes through the first one to its Discard, Space presses it.
    const heading = page.getByRole('heading', { name: 'Generation 0: what enters the corpus?' });
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 4 && (await focused()) !== 'Discard'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    const pressed = (n: number, name: string) =>
      card(page, n).getByRole('button', { name }).getAttribute('aria-pressed');
    expect([await pressed(1, 'Discard'), await pressed(2, 'Keep')]).toEqual(['true', 'true']);
    await page.getByRole('button', { name: 'Continue with these 5' }).focus();
    await page.keyboard.press('Enter');
    await waitForReview(page, 1);
    expect(await page.getByTestId('class-choice').textContent()).toMatch(/Generation 0: You kept 5 of 6/);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
