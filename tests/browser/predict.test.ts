/**
 * The predict lessons in the built page:
 * 1. Predict, then reveal (a classroom link's predict=1) on a recorded run played back: the
 *    playback waits at generation 0 until the class locks in a prediction, then generation 1
 *    appears with the result beside the prediction, its factor the recording's own.
 * 2. The same on a live count-model run: Play with predictions on trains generation 0 and pauses
 *    (the worker pauses itself, so even generations of a few milliseconds cannot run past), and
 *    locking in lets exactly the predicted generation through. Without predictions, Step on a
 *    new run does the same: generation 0, then a pause.
 * 3. The quiz "Which text is generation 0?": a right answer says right, a wrong one says wrong,
 *    and the cards then name their sources.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/engine/record';
import { watchPage } from '../support/browser';
import { describeViolations, quickUrl, seriousViolations } from '../support/classroom-page';
import { chartSummary, playButton, statusText, waitFor } from '../support/page-run';
import { sharedBrowser } from '../support/shared-browser';

const RECORDED = 'paper-replace';

async function recording(): Promise<RunRecord> {
  const url = new URL(`../../public/recorded/${RECORDED}.json`, import.meta.url);
  return JSON.parse(await readFile(url, 'utf8')) as RunRecord;
}

/** Generations in the perplexity chart's summary (the run on screen). */
async function chartGenerations(page: Page): Promise<number> {
  const summary = await chartSummary(page, 'Held-out perplexity');
  const all = [...summary.matchAll(/generation (\d+)/g)].map((m) => Number(m[1]));
  return all.length > 0 ? Math.max(...all) + 1 : 0;
}

const panel = (page: Page) => page.getByTestId('prediction-panel');
const quiz = (page: Page) => page.getByTestId('quiz-panel');

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Up, x1.50 (four steps of 0.05 from 1.30, by keyboard), 80% real words; then lock in. */
async function predictUpByHalf(page: Page, target: number): Promise<void> {
  const form = panel(page).getByRole('form', { name: `Predict generation ${target}` });
  await form.waitFor({ timeout: 30_000 });
  await form.getByRole('radio', { name: 'Up' }).check();
  const factor = form.getByRole('slider', { name: 'By how much?' });
  await factor.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  expect(await factor.getAttribute('aria-valuetext')).toBe('x1.50, 50% higher');
  const share = form.getByRole('slider', { name: 'Real words' });
  await share.focus();
  for (let i = 0; i < 20; i++) {
    const value = Number(await share.inputValue());
    if (value === 80) break;
    await page.keyboard.press(value > 80 ? 'ArrowLeft' : 'ArrowRight');
  }
  expect(await share.getAttribute('aria-valuetext')).toBe('80%');
  await form.getByRole('button', { name: `Lock in and show generation ${target}` }).click();
}

describe('predict lessons', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('holds a played-back recording until the class predicts, then shows the result beside it', async () => {
    const record = await recording();
    const page = await browser().context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    const problems = watchPage(page);
    await page.goto(`${browser().baseUrl}?cv=1&predict=1`);
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    await page.getByLabel('Generations appear').selectOption({ label: 'fast (2 a second)' });
    await page.getByRole('button', { name: 'Watch recorded: Seed paper: replace', exact: true }).click();

    // Generation 0 is shown, and playback waits there (well past its half-second pace).
    await panel(page).getByRole('form', { name: 'Predict generation 1' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_500);
    expect(await chartGenerations(page)).toBe(1);
    expect(await panel(page).locator('.predict-state').textContent()).toMatch(
      /^The run waits at generation 0: predict generation 1/,
    );
    await expectAccessible(page, 'the prediction form');

    await predictUpByHalf(page, 1);
    const reveal = panel(page).getByTestId('prediction-reveal');
    await reveal.waitFor({ timeout: 10_000 });
    expect(await reveal.getAttribute('data-generation')).toBe('1');
    // The charts redraw when the page is idle, just after the reveal.
    await waitFor(page, 'generation 1 on the chart', 5_000, async () =>
      (await chartGenerations(page)) === 2 ? true : null,
    );
    const [g0, g1] = record.generations;
    const ratio = (g1.perplexity / g0.perplexity).toFixed(2);
    const share = Math.round(g1.realWordShare * 100);
    const verdict = await reveal.getByTestId('prediction-verdict').textContent();
    expect(verdict).toContain(`You said up, x1.50; it went up x${ratio}.`);
    expect(verdict).toContain(`You said 80% real words; it wrote ${share}%.`);
    // Beside it, the row says both: the prediction and the measured factor.
    const row = reveal.getByRole('row', { name: /Perplexity on real text/ });
    expect(await row.textContent()).toContain('up, x1.50');
    expect(await row.textContent()).toContain(`x${ratio}`);
    // The next question is already asked, the playback held at generation 1.
    await panel(page).getByRole('form', { name: 'Predict generation 2' }).waitFor();
    expect(g1.perplexity / g0.perplexity).toBeGreaterThan(1.05); // the recording went up: "up" was right
    expect(await panel(page).getByText('Predictions so far: 1 of 1 right direction').count()).toBe(1);
    // Kept in this browser only, and said so.
    await panel(page)
      .getByText(/^Predictions so far/)
      .click();
    await panel(page)
      .getByText(/nothing is sent anywhere/)
      .waitFor();
    expect(await page.evaluate(() => localStorage.getItem('collapse-lab:predictions'))).toContain('x1.50');
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('pauses a live run at the generation boundary and lets the predicted generation through', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.goto(quickUrl(browser().baseUrl, 'cv=1&predict=1').replace('generations=3', 'generations=4'));
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    await playButton(page).click();
    // The count model's generations take milliseconds: the worker itself pauses after
    // generation 0, so the class is asked about generation 1, with generation 0 on screen.
    const form = panel(page).getByRole('form', { name: /^Predict generation \d$/ });
    await form.waitFor({ timeout: 60_000 });
    const title = (await form.getByRole('heading').textContent()) ?? '';
    const target = Number(/(\d)$/.exec(title)?.[1] ?? NaN);
    expect(target).toBe(1);
    await waitFor(page, 'the run to pause', 10_000, async () =>
      (await statusText(page)).startsWith('Paused') ? true : null,
    );
    expect(await chartGenerations(page)).toBe(target);
    await predictUpByHalf(page, target);
    const reveal = panel(page).getByTestId('prediction-reveal');
    await reveal.waitFor({ timeout: 30_000 });
    expect(await reveal.getAttribute('data-generation')).toBe(String(target));
    expect(await reveal.getByTestId('prediction-verdict').textContent()).toMatch(
      /^You said up, x1\.50; it (went (up|down)|stayed about the same \()/,
    );
    // The step let exactly that generation through; the run waits again for the next prediction.
    if (target < 3) {
      await panel(page)
        .getByRole('form', { name: `Predict generation ${target + 1}` })
        .waitFor();
      await waitFor(page, 'the run to pause again', 10_000, async () =>
        (await statusText(page)).startsWith('Paused') ? true : null,
      );
      await waitFor(page, 'the predicted generation on the chart', 5_000, async () =>
        (await chartGenerations(page)) === target + 1 ? true : null,
      );
    }
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it('Step on a new run trains generation 0 alone, then pauses (no predictions asked)', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.goto(quickUrl(browser().baseUrl).replace('generations=3', 'generations=4'));
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    await page.getByRole('button', { name: /^Step/ }).click();
    await waitFor(page, 'the run to pause after generation 0', 60_000, async () =>
      (await statusText(page)).startsWith('Paused') ? true : null,
    );
    await page.waitForTimeout(1000);
    expect(await statusText(page)).toMatch(/^Paused at generation 0 \(1 of 4\)/);
    expect(await chartGenerations(page)).toBe(1);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('checks the quiz: a right answer says right, a wrong one says wrong, then names every card', async () => {
    const record = await recording();
    const generationZero = record.generations[0].samples.map((s) => s.trim());
    const last = record.generations.length - 1;
    const page = await browser().context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    const problems = watchPage(page);
    await page.goto(browser().baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    await page.getByLabel('Generations appear').selectOption({ label: 'all at once' });
    await page.getByRole('button', { name: 'Watch recorded: Seed paper: replace', exact: true }).click();
    await quiz(page).getByRole('button', { name: 'Deal three texts' }).click();

    /** The letter of the card whose text generation 0 wrote, read from the recording. */
    const zeroLetter = async (): Promise<string> => {
      const cards = quiz(page).getByTestId('quiz-card');
      await cards.first().waitFor();
      for (let i = 0; i < 3; i++) {
        const text = ((await cards.nth(i).locator('.sample-text').textContent()) ?? '').replace(/…$/, '');
        if (generationZero.some((s) => s.startsWith(text)))
          return (await cards.nth(i).getAttribute('data-letter'))!;
      }
      throw new Error('no card holds a text of generation 0');
    };
    const answer = async (letter: string): Promise<string> => {
      await quiz(page)
        .getByRole('group', { name: 'Which text did generation 0 write?' })
        .getByRole('radio', { name: `Text ${letter}` })
        .check();
      await quiz(page).getByRole('button', { name: 'Check the answer' }).click();
      return (await quiz(page).getByTestId('quiz-verdict').textContent()) ?? '';
    };

    const right = await zeroLetter();
    expect(await quiz(page).locator('[data-source]').count()).toBe(0); // nothing given away before
    expect(await answer(right)).toMatch(new RegExp(`^Right: ${right} is generation 0\\.`));
    const sources = await quiz(page)
      .getByTestId('quiz-card')
      .evaluateAll((cards) =>
        cards.map((c) => [c.getAttribute('data-letter'), c.getAttribute('data-source')]),
      );
    expect(Object.fromEntries(sources)[right]).toBe('generation-0');
    expect(sources.map((s) => s[1]).sort()).toEqual(['generation-0', `generation-${last}`, 'real']);
    await quiz(page)
      .getByText(/^\d+% real words/)
      .first()
      .waitFor();
    await expectAccessible(page, 'the revealed quiz');

    await quiz(page).getByRole('button', { name: 'Deal new texts' }).click();
    const key = await zeroLetter();
    const wrong = ['A', 'B', 'C'].find((l) => l !== key)!;
    expect(await answer(wrong)).toMatch(
      new RegExp(`^Wrong: you picked ${wrong}, but generation 0 wrote ${key}\\.`),
    );
    expect(await quiz(page).locator(`[data-letter="${key}"]`).getAttribute('data-source')).toBe(
      'generation-0',
    );
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
