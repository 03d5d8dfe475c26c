/**
 * The built page in headless Chromium, as a teacher uses it.
 *
 * (One training step per backend: backend-first-step.test.ts.)
 * 1. The default preset as a teacher runs it, on a tiny budget set in the settings panel (the
 *    corpus size, which the panel has no control for, through ?set=): progress, charts, samples,
 *    pause and resume, a real backend, no errors, and no main-thread task over 200 ms.
 * 2. A pasted corpus holding <script> shows it as text, and a bad ?backend= gets a message.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchLongTasks, watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import {
  backendName,
  chartSummary,
  expectNoProblems,
  numberAfter,
  openPage,
  pauseButton,
  playButton,
  progressValue,
  setBudget,
  setNumber,
  SMALL_CORPUS,
  statusText,
  stepOf,
  waitFor,
} from '../support/page-run';

const SCREENSHOT_DIR = new URL('../../test-results/', import.meta.url);
const REAL_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What the class sees: the top of the page as the projector shows it (the run bar is sticky). */
async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL(name, SCREENSHOT_DIR).pathname });
}

describe('the default preset on a tiny budget', () => {
  // Chromium as stock Linux ships it: no WebGPU, so the page must choose and explain a fallback.
  const browser = sharedBrowser({ webgpu: false });

  it('runs, charts, shows samples, pauses and resumes without freezing the page', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    const longTasks = await watchLongTasks(page);
    try {
      await page.setViewportSize({ width: 1024, height: 768 }); // a classroom projector
      await openPage(page, browser().baseUrl, { settings: SMALL_CORPUS });
      await expect(page.getByTestId('samples-empty').textContent()).resolves.toMatch(/generation 0/);
      await setBudget(page, { size: 'Micro', steps: 60, generations: 3 });
      // While the page waits for Play, each chart's plot is mounted, hidden behind its "Appears
      // when..." line (ChartFrame): the run fills that same plot in rather than mounting one.
      // The plot's own surface, not a legend icon (also an svg.recharts-surface, drawn or not as
      // the legend fills in).
      const perplexitySurface = page
        .locator('[data-chart="perplexity"] .chart-plot .recharts-wrapper > svg.recharts-surface')
        .first();
      await page
        .locator('[data-chart="perplexity"] .chart-draw-waiting .recharts-wrapper > svg.recharts-surface')
        .first()
        .waitFor({ state: 'attached', timeout: 15_000 });
      expect(await perplexitySurface.isVisible()).toBe(false);
      await perplexitySurface.evaluate((svg) => Object.assign(svg, { mountedBeforePlay: true }));
      await playButton(page).click();

      expect(REAL_BACKENDS).toContain(await backendName(page, 60_000));

      // Training begins: from here on, no main-thread task may take over 200 ms. The status says
      // "step 0" from the start of training until the first steps are folded in (once a second).
      await waitFor(page, 'the first training step', 60_000, async () => {
        const step = stepOf(await statusText(page));
        return step !== null && step > 0 ? step : null;
      });
      const trainingFrom = await longTasks.now();

      // Pause stops the step counter; resume restarts it.
      await pauseButton(page).click();
      await waitFor(page, 'the paused status', 10_000, async () =>
        (await statusText(page)).startsWith('Paused') ? true : null,
      );
      // The worker pauses at its next checkpoint (the next reported step): let that report land.
      await page.waitForTimeout(1000);
      const pausedAt = await statusText(page);
      await page.waitForTimeout(1500);
      expect(await statusText(page)).toBe(pausedAt);
      await playButton(page).click(); // "Resume" while paused
      const pausedStep = stepOf(pausedAt);
      await waitFor(page, 'training to go on after resume', 30_000, async () => {
        const s = await statusText(page);
        const step = stepOf(s);
        return !s.startsWith('Paused') && (step === null || pausedStep === null || step > pausedStep)
          ? true
          : null;
      });

      // Progress advances, and each finished generation adds a point to the charts.
      const progressEarly = await progressValue(page);
      const divergenceGenerations = new Set<string>();
      let midRunShot = false;
      await waitFor(page, 'the run to finish', 150_000, async () => {
        const divergence = await chartSummary(page, 'Jensen-Shannon divergence');
        const g = /generation (\d+):/.exec(divergence);
        if (g) divergenceGenerations.add(g[1]);
        if (!midRunShot && divergenceGenerations.size > 0 && (await statusText(page)).includes('training')) {
          await screenshot(page, 'page-mid-run.png');
          await page
            .getByTestId('samples-panel')
            .screenshot({ path: new URL('samples-mid-run.png', SCREENSHOT_DIR).pathname });
          midRunShot = true;
        }
        return (await statusText(page)).startsWith('Done') ? true : null;
      });
      expect(await progressValue(page)).toBeGreaterThan(progressEarly);
      expect(await statusText(page)).toMatch(/^Done\b.*\b3 of 3\b/);

      await expect
        .poll(() => chartSummary(page, 'Held-out perplexity'), { timeout: 5_000 })
        .toMatch(/latest, generation 2/);
      const perplexity = await chartSummary(page, 'Held-out perplexity');
      expect(await perplexitySurface.isVisible()).toBe(true);
      expect(await perplexitySurface.evaluate((svg) => 'mountedBeforePlay' in svg)).toBe(true);
      const first = numberAfter(perplexity, 'generation 0');
      const latest = /latest, generation (\d+), ([\d.]+)/.exec(perplexity);
      expect(Number.isFinite(first) && first > 1).toBe(true);
      expect(latest && Number(latest[1]) >= 1 && Number(latest[2]) > 1).toBe(true);
      // The divergence chart showed generation 0's point before it showed a later one.
      expect(divergenceGenerations.has('0')).toBe(true);
      expect(divergenceGenerations.size).toBeGreaterThanOrEqual(2);
      // Charts redraw one after another (use-chart-data.ts): wait a moment for the last point.
      await expect
        .poll(() => chartSummary(page, 'Jensen-Shannon divergence'), { timeout: 5_000 })
        .toMatch(/generation 2: 1-grams [\d.]+/);

      // Samples: the latest generation beside real text, and the prompts across generations.
      const samples = page.getByTestId('samples-panel');
      await samples.getByRole('heading', { name: 'Generation 2 wrote' }).waitFor();
      expect(await page.getByTestId('generated-samples').getByRole('listitem').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('real-samples').getByRole('listitem').count()).toBeGreaterThan(0);
      // Each prompt (a held-out document's beginning) lists every generation's continuation.
      const promptTable = page.getByTestId('prompt-table');
      const prompts = await promptTable.locator('tbody').count();
      expect(prompts).toBeGreaterThan(0);
      expect(await promptTable.getByRole('button', { name: /^Show generation \d+$/ }).count()).toBe(
        3 * prompts,
      );
      // Scrub back with the keyboard: the timeline is a slider labelled by generation.
      const slider = samples.getByRole('slider', { name: 'Generation shown' });
      await slider.focus();
      await page.keyboard.press('Home');
      expect(await slider.getAttribute('aria-valuetext')).toBe('generation 0');
      await samples.getByRole('heading', { name: 'Generation 0 wrote' }).waitFor();
      expect(
        await page.getByTestId('prompt-table').locator('tr[aria-current="true"] th').first().textContent(),
      ).toBe('Generation 0');
      await page.keyboard.press('End');
      await samples.getByRole('heading', { name: 'Generation 2 wrote' }).waitFor();
      expect(await samples.getByRole('checkbox', { name: 'Follow the latest' }).isChecked()).toBe(true);

      const slow = (await longTasks.since(trainingFrom)).filter((t) => t.duration > 200);
      expect(slow).toEqual([]);
      expect(midRunShot).toBe(true);
      await screenshot(page, 'page-done.png');
      expectNoProblems(problems);
    } finally {
      await page.close();
    }
  }, 240_000);

  it('shows a pasted corpus holding <script> as text, and explains a bad ?backend=', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await openPage(page, browser().baseUrl, {
        backend: 'quantum',
        settings: [...SMALL_CORPUS, 'size=micro', 'steps=2', 'generations=1'],
      });
      const messages = page.getByTestId('messages');
      await expect(messages.textContent()).resolves.toContain('"quantum"');
      await messages.getByRole('button', { name: /^Dismiss/ }).click();
      await expect(messages.textContent()).resolves.toBe('');

      const script = '<script>alert(1)</script>';
      const paragraphs = Array.from(
        { length: 40 },
        (_, i) =>
          `Story ${i}: the cat ${script} sat on the mat, and the dog watched it from the door all day.`,
      );
      await page.getByRole('radio', { name: /Your own text/ }).check();
      await page.getByLabel('Paste text').fill(paragraphs.join('\n\n'));
      await page.getByRole('button', { name: 'Use pasted text' }).click();
      await playButton(page).click();

      const real = page.getByTestId('real-samples');
      await waitFor(page, 'the real text beside generation 0', 120_000, async () =>
        (await real.count()) > 0 ? true : null,
      );
      expect(await real.getByRole('listitem').first().textContent()).toContain(script);
      // React escaped it: the text is on screen, and no element holds it as a script.
      expect(
        await page.evaluate(
          () =>
            [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('alert(1)'))
              .length,
        ),
      ).toBe(0);
      expect(dialogs).toEqual([]);
      expect(['wasm', 'webgl', 'cpu']).toContain(await backendName(page, 1000));
      expectNoProblems(problems);
    } finally {
      await page.close();
    }
  }, 180_000);
});

describe('real words', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('the samples mark words no real text holds, and the chart shows the real-word share', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    try {
      // A barely trained model spells few real words: its samples must hold some non-words.
      await openPage(page, browser().baseUrl, {
        settings: [...SMALL_CORPUS, 'size=micro', 'steps=5', 'generations=1'],
      });
      await playButton(page).click();
      await waitFor(page, 'the run to finish', 90_000, async () =>
        (await statusText(page)).startsWith('Done') ? true : null,
      );
      const generated = page.getByTestId('generated-samples');
      await generated.getByRole('heading', { name: 'Generation 0 wrote' }).waitFor();
      // Each mark says what it is in words (a screen reader hears it), not only by its underline.
      await expect
        .poll(() => generated.getByText('(not a real word)').count(), { timeout: 5_000 })
        .toBeGreaterThan(0);
      const marked = generated.locator('.sample-nonword').first();
      const style = await marked.evaluate((el) => getComputedStyle(el).textDecorationStyle);
      expect(style).toBe('wavy');
      // The real-text column is never marked: its words are the vocabulary.
      expect(await page.getByTestId('real-samples').getByText('(not a real word)').count()).toBe(0);
      await expect
        .poll(() => chartSummary(page, 'Generation 0: character entropy'), { timeout: 5_000 })
        .toMatch(
          /[\d.]+% of the words generation 0 wrote occur in the real text \(real held-out text: 100% by construction\)/,
        );
      const chart = page.locator('[data-chart="diversity"]');
      expect(await chart.getByText('real words', { exact: true }).count()).toBeGreaterThan(0); // the series' legend
      expect(await chart.getByText('real text: 100%').count()).toBeGreaterThan(0); // the reference level
      expect(await chart.locator('.recharts-line').count()).toBeGreaterThanOrEqual(6);
      expectNoProblems(problems);
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe('the Content-Security-Policy of the built page', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('forbids eval and inline scripts, and a run (wasm included) breaks none of it', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    try {
      await openPage(page, browser().baseUrl, {
        settings: [...SMALL_CORPUS, 'size=micro', 'steps=2', 'generations=1'],
      });
      const policy =
        (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).toContain("'wasm-unsafe-eval'");
      expect(scriptSrc).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
      expect(await page.locator('script:not([src])').count()).toBe(0);
      await playButton(page).click();
      await waitFor(page, 'the run to finish', 60_000, async () =>
        (await statusText(page)).startsWith('Done') ? true : null,
      );
      expect(
        await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
      ).toEqual([]);
      expectNoProblems(problems);
    } finally {
      await page.close();
    }
  }, 90_000);

  it("a setting that needs a new run, changed mid-run, is named in the run's notes on the page", async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    try {
      await openPage(page, browser().baseUrl, {
        settings: [...SMALL_CORPUS, 'size=micro', 'steps=40', 'generations=2'],
      });
      await playButton(page).click();
      await waitFor(page, 'training to start', 60_000, async () =>
        (await statusText(page)).includes('training') ? true : null,
      );
      await setNumber(page, 'Seed', 7);
      await waitFor(page, 'the run to finish', 90_000, async () =>
        (await statusText(page)).startsWith('Done') ? true : null,
      );
      await expect
        .poll(() => page.getByTestId('run-notices').textContent(), { timeout: 5_000 })
        .toMatch(/seed only change when the run starts again/);
      expectNoProblems(problems);
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe('the theory view', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('runs the count-model chain in its worker, and a smaller contribution pushes collapse later', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    try {
      await page.goto(`${browser().baseUrl}#theory`);
      await expect
        .poll(() => page.getByRole('tab', { name: /Theory/ }).getAttribute('aria-selected'))
        .toBe('true');
      const status = page.getByTestId('theory-status');
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
      // The transformer's recorded sweep sits under the live one: one row per share it recorded.
      const recorded = JSON.parse(readFileSync('public/recorded/sweep-transformer-replace.json', 'utf8')) as {
        summaries: { contamination: number }[];
      };
      const recordedRows = page.getByRole('table', { name: /Transformer under replace/ }).locator('tbody tr');
      await expect.poll(() => recordedRows.count(), { timeout: 30_000 }).toBe(recorded.summaries.length);
      await expect.poll(() => recordedRows.first().locator('th').textContent()).toBe('12.5%');
      const slider = page.getByRole('slider', { name: /Generated text written back each generation/ });
      const before = await slider.getAttribute('aria-valuetext');
      const firstSummary = await page.getByTestId('theory-summary').textContent();
      // Ten key presses down the log scale: a smaller contribution per generation.
      await slider.focus();
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
      const after = await slider.getAttribute('aria-valuetext');
      expect(after).not.toBe(before);
      await expect
        .poll(() => page.getByTestId('theory-summary').textContent(), { timeout: 60_000 })
        .not.toBe(firstSummary);
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
      const secondSummary = (await page.getByTestId('theory-summary').textContent()) ?? '';
      // "drifted 0.25 (total variation) from the real law by generation k": later, or not yet.
      const driftedBy = (text: string) => {
        const m = /drifted [\d.]+ \(total variation\) from the real law by generation ([\d,]+)/.exec(text);
        return m ? Number(m[1].replace(/,/g, '')) : Infinity;
      };
      expect(driftedBy(firstSummary ?? '')).toBeLessThan(Infinity); // the default contribution collapses
      expect(driftedBy(secondSummary)).toBeGreaterThan(driftedBy(firstSummary ?? ''));
      // Back to the simulator with the keyboard: the tabs follow the WAI-ARIA pattern.
      await page.getByRole('tab', { name: /Theory/ }).focus();
      await page.keyboard.press('ArrowLeft');
      await expect
        .poll(() => page.getByRole('tab', { name: /Simulator/ }).getAttribute('aria-selected'))
        .toBe('true');
      expectNoProblems(problems);
    } finally {
      await page.close();
    }
  }, 180_000);
});
