/**
 * The axe-core audit (issue 6): no serious or critical violation on the simulator (idle and after
 * a run), the theory tab, the about panel, the classroom-link dialog, the keyboard help, the
 * walkthrough and presenter mode, at a 1024x768 projector size. On the count model, so a run takes a second.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import { describeViolations, quickUrl, runQuick, seriousViolations } from '../support/classroom-page';

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

describe('accessibility audit (axe-core)', () => {
  const browser = sharedBrowser({ webgpu: false });
  let page: Page;

  beforeAll(async () => {
    page = await browser().context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(quickUrl(browser().baseUrl));
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
  });

  it('the simulator, idle and after a run, with the first-visit offer', async () => {
    const problems = watchPage(page);
    await page.getByRole('region', { name: 'Walkthrough offer' }).waitFor();
    await expectNoSeriousViolations(page, 'simulator, idle');
    await runQuick(page);
    // The end of each generation was announced in a polite live region.
    const announcement = page.getByTestId('generation-announcement');
    expect(await announcement.getAttribute('aria-live')).toBe('polite');
    expect(await announcement.textContent()).toMatch(
      /^Generation 2 done: perplexity [\d.]+, [\d.]+x generation 0\./,
    );
    await expectNoSeriousViolations(page, 'simulator, after a run');
    expect(problems.pageErrors).toEqual([]);
  }, 90_000);

  it('the about panel, the classroom-link dialog and the keyboard help', async () => {
    await page.getByRole('button', { name: 'About' }).click();
    const about = page.getByRole('dialog', { name: 'About Collapse Lab' });
    await about.getByRole('img', { name: /The collapse loop/ }).waitFor();
    await expectNoSeriousViolations(page, 'about panel');
    await page.keyboard.press('Escape');
    expect(await about.count()).toBe(0);

    await page.getByRole('button', { name: 'Classroom link' }).click();
    await page.getByRole('dialog', { name: 'Prepare a classroom link' }).waitFor();
    await expectNoSeriousViolations(page, 'classroom-link dialog');
    await page.keyboard.press('Escape');

    // The keyboard help, opened with ?: focus goes in, Escape closes it and focus comes back.
    const helpButton = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await helpButton.focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('button', { name: 'Close' }).waitFor();
    expect(
      await help.getByRole('button', { name: 'Close' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await expectNoSeriousViolations(page, 'keyboard help');
    await page.keyboard.press('Escape');
    expect(await help.count()).toBe(0);
    expect(await helpButton.evaluate((el) => el === document.activeElement)).toBe(true);
  }, 30_000);

  it('the walkthrough, stepped through with the keyboard', async () => {
    await page.getByRole('button', { name: 'Walkthrough', exact: true }).click();
    const tour = page.getByRole('dialog', { name: 'Settings' });
    await tour.waitFor();
    expect(await page.locator('[data-tour="settings"]').getAttribute('class')).toContain('tour-target');
    await expectNoSeriousViolations(page, 'walkthrough, step 1');
    // The card has focus: arrow keys step, Escape ends it.
    await page.keyboard.press('ArrowRight');
    await page.getByRole('dialog', { name: 'Play' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('dialog', { name: 'Perplexity' }).waitFor();
    await expectNoSeriousViolations(page, 'walkthrough, step 3');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('.tour-target').count()).toBe(0);
  }, 30_000);

  it('presenter mode', async () => {
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Presenter mode', pressed: true }).waitFor();
    await expectNoSeriousViolations(page, 'presenter mode');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Presenter mode', pressed: false }).waitFor();
  }, 30_000);

  it('the theory tab', async () => {
    await page.getByRole('tab', { name: /Theory/ }).click();
    await page.getByRole('tabpanel', { name: /Theory/ }).waitFor();
    await expectNoSeriousViolations(page, 'theory tab');
  }, 30_000);
});
