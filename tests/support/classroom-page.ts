/**
 * Helpers for the classroom and accessibility browser tests: a quick run of the count model (no
 * training, so a generation takes well under a second even here), and an axe-core audit.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { chartSummary, playButton, SMALL_CORPUS, statusText, waitFor } from './page-run';

/** The count model on the smallest corpus: generations finish at once, on any machine. */
export const QUICK_RUN = ['model=ngram', 'generations=3', ...SMALL_CORPUS];

export function quickUrl(baseUrl: string, extra = ''): string {
  const set = QUICK_RUN.map((s) => `set=${s}`).join('&');
  return `${baseUrl}?backend=wasm&v=1&${set}${extra ? `&${extra}` : ''}`;
}

/** Presses Play, waits for the run to finish, and returns the perplexity chart's summary. */
export async function runQuick(page: Page): Promise<string> {
  await playButton(page).click();
  await waitFor(page, 'the run to finish', 60_000, async () =>
    (await statusText(page)).startsWith('Done') ? true : null,
  );
  return waitFor(page, 'the perplexity chart', 10_000, async () => {
    const text = await chartSummary(page, 'Held-out perplexity');
    return /latest, generation \d/.test(text) ? text : null;
  });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Puts axe-core in the page. The built page's Content-Security-Policy refuses inline scripts (so
 * addScriptTag({ path }) is blocked), but allows its own origin: axe is served from there.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  const url = new URL('__axe-core.min.js', page.url()).href;
  await page.route(url, (route) => route.fulfill({ path: axePath, contentType: 'text/javascript' }));
  await page.addScriptTag({ url });
}

/** Runs axe-core on the page as it is now; returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and element, for a failure message that says what to fix. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')} ${n.html}`))
    .join('\n');
}
