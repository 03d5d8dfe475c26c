/**
 * Driving Collapse Lab the way a teacher does: open it, set a small budget with the settings
 * panel, press Play, read the run bar, the charts' text summaries and the samples. Every selector
 * is a role, a label or a test id, kept in this one file.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PageProblems } from './browser';

export interface PageOptions {
  /** ?backend=: only this backend is tried. */
  backend?: string;
  /**
   * ?set=key=value settings (the CLI's --set), for what the panel has no control for: the browser
   * tests shrink the corpus to its minimum this way.
   */
  settings?: string[];
}

/** The smallest corpus the schema accepts: fast to train, measure and sample. */
export const SMALL_CORPUS = ['realChars=2000', 'heldOutChars=500'];

export function pageUrl(baseUrl: string, options: PageOptions = {}): string {
  const query = new URLSearchParams();
  if (options.backend) query.set('backend', options.backend);
  for (const s of options.settings ?? []) query.append('set', s);
  const q = query.toString();
  return q ? `${baseUrl}?${q}` : baseUrl;
}

export async function openPage(page: Page, baseUrl: string, options: PageOptions = {}): Promise<void> {
  await page.goto(pageUrl(baseUrl, options));
  await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
}

/** Types a value into a numeric setting and commits it (Enter), as a user would. */
export async function setNumber(page: Page, label: string, value: number): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(String(value));
  await field.press('Enter');
  await waitForValue(page, label, String(value));
}

async function waitForValue(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  for (let i = 0; i < 50; i++) {
    if ((await field.inputValue()) === value) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`the "${label}" setting did not take the value ${value}`);
}

export interface Budget {
  size: 'Micro' | 'Tiny';
  steps: number;
  generations: number;
}

/** Model size, training steps and generations through the settings panel. */
export async function setBudget(page: Page, budget: Budget): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${budget.size}\\b`) }).check();
  await setNumber(page, 'Training steps per generation', budget.steps);
  await setNumber(page, 'Generations', budget.generations);
}

export const playButton = (page: Page) =>
  page.getByRole('group', { name: 'Run controls' }).getByRole('button', { name: /^(Play|Resume)$/ });
export const pauseButton = (page: Page) =>
  page.getByRole('group', { name: 'Run controls' }).getByRole('button', { name: 'Pause' });
const progressBar = (page: Page) => page.getByRole('progressbar', { name: 'Run progress, in generations' });

/** The run bar's status line, e.g. "Generation 2 of 3 — training, step 12/40". */
export async function statusText(page: Page): Promise<string> {
  return (await progressBar(page).getAttribute('aria-valuetext')) ?? '';
}

/** Generations done, fractionally (the progress bar's value). */
export async function progressValue(page: Page): Promise<number> {
  return Number(await progressBar(page).getAttribute('aria-valuenow'));
}

/** The training step in the status line, or null outside training. */
export function stepOf(status: string): number | null {
  const m = /training, step ([\d,]+)\//.exec(status);
  return m ? Number(m[1].replace(/,/g, '')) : null;
}

/** The backend the run bar names (its data attribute), once the worker has chosen one. */
export async function backendName(page: Page, timeoutMs: number): Promise<string> {
  const badge = page.locator('[data-backend]');
  return waitFor(page, 'the backend badge', timeoutMs, async () =>
    (await badge.count()) > 0 ? await badge.getAttribute('data-backend') : null,
  );
}

/** A chart's text summary (the accessible name of its plot), found by how it begins. */
export async function chartSummary(page: Page, startsWith: string): Promise<string> {
  const plot = page.getByRole('img', { name: new RegExp(`^${startsWith}`) });
  return (await plot.getAttribute('aria-label')) ?? '';
}

/**
 * Polls `probe` until it returns a value (not null), failing early with the page's message if the
 * run fails. Polling, not waitForFunction: the values are read through roles and labels.
 */
export async function waitFor<T>(
  page: Page,
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | null>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    const error = page.getByTestId('run-error');
    if (await error.isVisible())
      throw new Error(`waiting for ${what}, the page reported an error: ${await error.textContent()}`);
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; status: ${await statusText(page)}`);
}

/** No error thrown in the page and none written to its console. */
export function expectNoProblems(problems: PageProblems): void {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
}

/** First number after a label in a summary, e.g. numberAfter(s, 'generation 0') in "generation 0 7.2; ...". */
export function numberAfter(text: string, label: string): number {
  const m = new RegExp(`${label}:? ([\\d.]+)`).exec(text);
  return m ? Number(m[1]) : NaN;
}
