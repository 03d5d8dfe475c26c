/**
 * "How the models see their own text" in the built page: a short count-model run (it counts, it
 * does not train) draws the histogram of per-document perplexity under generation 0's model,
 * with real text as the outline, and the slider picks a generation by keyboard.
 */
import { describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { quickUrl, runQuick } from '../support/classroom-page';
import { waitFor } from '../support/page-run';
import { sharedBrowser } from '../support/shared-browser';

describe('how the models see their own text', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('a count-model run draws every generation under generation 0 beside real text; the slider picks one', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(quickUrl(browser().baseUrl));
    const panel = page.getByTestId('self-view-panel');
    // The plot is one image to screen readers, named by its summary (the legend's icons are images too).
    const plot = panel.getByRole('img', { name: /^(Appears|Generation)/ });
    expect(await plot.getAttribute('aria-label')).toBe('Appears after generation 0 finishes');
    await runQuick(page);

    // The plot's accessible name is the latest generation in words, real text beside it.
    const label = await waitFor(page, 'the self-view summary', 10_000, async () => {
      const text = (await plot.getAttribute('aria-label')) ?? '';
      return text.startsWith('Generation 2:') ? text : null;
    });
    expect(label).toMatch(
      /^Generation 2: median perplexity [\d.]+ under generation 0's model \(real text: [\d.]+\); [\d.]+% of its \d+ documents above 10/,
    );
    expect(await page.getByTestId('self-view-summary').textContent()).toBe(label);

    // Drawn: the chosen generation and generation 0 as areas, real text as a line, all named.
    const legend = await panel.locator('.recharts-legend-wrapper').textContent();
    for (const name of ['generation 0', 'generation 2', 'real text']) expect(legend).toContain(name);
    expect(await panel.locator('.recharts-area-area').count()).toBe(2);
    const realPath = await panel.locator('.recharts-line path.recharts-curve').getAttribute('d');
    expect(realPath?.length ?? 0).toBeGreaterThan(10);

    // The slider, by keyboard: Home goes to generation 0, which is drawn alone beside real text.
    const slider = panel.getByRole('slider', { name: 'Generation' });
    expect(await slider.getAttribute('aria-valuetext')).toBe('generation 2');
    await slider.focus();
    await slider.press('Home');
    await waitFor(page, 'generation 0 to be shown', 5_000, async () =>
      ((await plot.getAttribute('aria-label')) ?? '').startsWith('Generation 0:') ? true : null,
    );
    expect(await page.getByTestId('self-view-generation').textContent()).toBe('0');
    expect(await panel.locator('.recharts-area-area').count()).toBe(1);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('in presenter mode at 1024x768 the histogram is shown, as wide as the page allows', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(quickUrl(browser().baseUrl, 'present=1'));
    await runQuick(page);
    const panel = page.getByTestId('self-view-panel');
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.isVisible()).toBe(true);
    const box = await panel.boundingBox();
    const plot = await panel.locator('.chart-plot .recharts-wrapper').first().boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 1024).toBe(true);
    // The settings are folded away: the plot takes most of the width, for the back of the room.
    expect(plot?.width ?? 0).toBeGreaterThan(800);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
