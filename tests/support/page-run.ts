/**
 * Driving the demo page the way a user does: open it, press "Start training", read the figures
 * it shows. Selectors are the page's labels and test ids, in one place.
 */
import type { Page } from 'playwright-core';

export interface PageRunOptions {
  backend?: string;
  steps?: number;
}

export function pageUrl(baseUrl: string, options: PageRunOptions): string {
  const query = new URLSearchParams();
  if (options.backend) query.set('backend', options.backend);
  if (options.steps !== undefined) query.set('steps', String(options.steps));
  const q = query.toString();
  return q ? `${baseUrl}?${q}` : baseUrl;
}

export async function openAndStart(page: Page, baseUrl: string, options: PageRunOptions): Promise<void> {
  await page.goto(pageUrl(baseUrl, options));
  await page.getByRole('button', { name: 'Start training' }).click();
}

/** Text of the element with this test id, or throws with the page's error if the run failed. */
export async function waitForText(page: Page, testId: string, timeoutMs: number): Promise<string> {
  const target = page.getByTestId(testId);
  const error = page.getByTestId('error');
  await target.or(error).first().waitFor({ timeout: timeoutMs });
  if (await error.isVisible()) throw new Error(`the page reported an error: ${await error.textContent()}`);
  return (await target.textContent()) ?? '';
}
