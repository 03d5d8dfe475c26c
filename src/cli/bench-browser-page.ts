/**
 * npm run bench:browser, first part: drives the build's bench.html, which runs the measurements
 * in its own worker, relays its progress lines to stderr as they come and returns its figures.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserSession } from '../../tests/support/browser';
import { watchPage } from '../../tests/support/browser';
import type { BackendName, BenchState } from '../bench/protocol';

/** The two pages the benchmark needs from a build. */
export function missingBuildFiles(dist: string): string[] {
  return ['index.html', 'bench.html'].filter((f) => !existsSync(path.join(dist, f)));
}

/** Generous: SwiftShader WebGPU alone takes minutes; a hang still ends with a message. */
const BENCH_PAGE_LIMIT_MS = 20 * 60_000;

export async function runBenchPage(
  session: BrowserSession,
  backends: readonly BackendName[],
  steps: number,
  say: (line: string) => void,
): Promise<Pick<BenchState, 'model' | 'results'>> {
  const page = await session.context.newPage();
  const problems = watchPage(page);
  try {
    const query = new URLSearchParams({ backends: backends.join(','), steps: String(steps) });
    await page.goto(`${session.baseUrl}bench.html?${query}`);
    const startedAt = Date.now();
    const deadline = startedAt + BENCH_PAGE_LIMIT_MS;
    let printed = 0;
    for (;;) {
      const state = await page.evaluate(() => window.__collapseBench ?? null);
      if (!state) {
        if (Date.now() - startedAt < 10_000) {
          await page.waitForTimeout(200);
          continue;
        }
        throw new Error(
          `bench.html did not start its benchmark (page errors: ${problems.pageErrors.join('; ') || 'none'})`,
        );
      }
      for (; printed < state.lines.length; printed++) say(state.lines[printed]);
      if (state.done) {
        // A CSP violation or a failed chunk shows here even when the figures came through.
        for (const message of [...problems.pageErrors, ...problems.consoleErrors])
          say(`bench page reported: ${message}`);
        if (state.error) throw new Error(`the benchmark page failed: ${state.error}`);
        return { model: state.model, results: state.results };
      }
      if (Date.now() > deadline)
        throw new Error(`the benchmark page did not finish within ${BENCH_PAGE_LIMIT_MS / 60_000} minutes`);
      await page.waitForTimeout(500);
    }
  } finally {
    await page.close();
  }
}
