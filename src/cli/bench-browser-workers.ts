/**
 * npm run bench:browser, third part: one generation of the default preset in the real page on
 * wasm with 1 and with k training workers (`?set=workers=k`), timed from Play to generation 0's
 * report (the perplexity chart's summary), and to its first samples on screen. The ratio is the
 * speed-up a class gets from the page's data-parallel training on this machine.
 */
import type { BrowserSession } from '../../tests/support/browser';
import { openPage, playButton } from '../../tests/support/page-run';

export interface GenerationTiming {
  workers: number;
  /** Seconds from Play to generation 0's samples on screen, and to its report. */
  firstSamplesSeconds: number;
  generationSeconds: number;
  /** The page's own notice of the workers it trains on ('' for one). */
  notice: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

async function timeOneGeneration(
  session: BrowserSession,
  workers: number,
  limitMs: number,
): Promise<GenerationTiming> {
  const page = await session.context.newPage();
  try {
    await openPage(page, session.baseUrl, {
      backend: 'wasm',
      settings: [`workers=${workers}`, 'generations=1'],
    });
    await page.waitForFunction(() => document.querySelectorAll('.chart-plot .chart-draw').length > 0);
    await playButton(page).click();
    const t0 = Date.now();
    const elapsed = () => round1((Date.now() - t0) / 1000);
    let firstSamplesSeconds = NaN;
    const samplesEmpty = page.locator('[data-testid="samples-empty"]');
    const perplexityPlot = page.locator('[data-chart="perplexity"] .chart-plot');
    while (Date.now() - t0 < limitMs) {
      if (Number.isNaN(firstSamplesSeconds) && (await samplesEmpty.count()) === 0)
        firstSamplesSeconds = elapsed();
      if (((await perplexityPlot.getAttribute('aria-label')) ?? '').startsWith('Held-out perplexity')) {
        const notices = page.locator('[data-testid="run-notices"]');
        const notice = (await notices.count()) > 0 ? await notices.innerText() : '';
        return {
          workers,
          firstSamplesSeconds,
          generationSeconds: elapsed(),
          notice: /Training on[^\n]*/.exec(notice)?.[0] ?? '',
        };
      }
      if (await page.getByTestId('run-error').isVisible())
        throw new Error(`the page reported an error: ${await page.getByTestId('run-error').textContent()}`);
      await page.waitForTimeout(250);
    }
    throw new Error(`generation 0 with ${workers} worker(s) did not finish within ${limitMs / 1000} s`);
  } finally {
    await page.close();
  }
}

/** Generation 0 of the default preset with each worker count, one page each, in order. */
export async function timeGenerationsByWorkers(
  session: BrowserSession,
  counts: readonly number[],
  limitMs: number,
  say: (line: string) => void,
): Promise<GenerationTiming[]> {
  const out: GenerationTiming[] = [];
  for (const workers of counts) {
    const timing = await timeOneGeneration(session, workers, limitMs);
    say(
      `workers: ${workers} -> generation 0 in ${timing.generationSeconds} s, samples on screen at ${timing.firstSamplesSeconds} s${timing.notice ? ` (${timing.notice})` : ''}`,
    );
    out.push(timing);
  }
  return out;
}
