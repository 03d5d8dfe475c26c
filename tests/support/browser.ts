/**
 * Headless Chromium for the browser tests: the system Chromium (Debian's package) driven by
 * playwright-core, which ships no browser of its own. Each launch gets a fresh profile
 * directory, so no state leaks between runs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from './static-server';

/** The built page; COLLAPSE_LAB_DIST names another build (parallel work builds into its own folder). */
export const DIST_DIR =
  process.env.COLLAPSE_LAB_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). The browser tests need one: ` +
        "install Debian's chromium: apt-get install -y chromium, or set CHROMIUM_PATH to a Chromium executable.",
    );
  }
  return found;
}

const CHROMIUM_ARGS = [
  '--no-sandbox', // tests run as root in containers, where the sandbox cannot start
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** WebGPU is off in Linux Chromium unless asked for; with no GPU it runs on SwiftShader. */
const WEBGPU_ARGS = ['--enable-unsafe-webgpu'];

export interface BrowserOptions {
  /** Offer WebGPU (default true). false: Chromium as Linux users get it, with no WebGPU. */
  webgpu?: boolean;
}

export interface BrowserSession {
  context: BrowserContext;
  /** Base URL of the built page, with a trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves dist/ and launches Chromium with a fresh profile. Needs `vite build` to have run. */
export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(
      `${DIST_DIR}/index.html is missing: run "npm run build" (npm test does it) before the browser tests`,
    );
  }
  const executablePath = findChromium();
  // Served from a sub-path, as on a course website: the build must use relative URLs only.
  const server: StaticServer = await startStaticServer(DIST_DIR, '/course/collapse-lab/');
  const profile = await mkdtemp(path.join(tmpdir(), 'collapse-lab-chromium-'));
  let context: BrowserContext;
  try {
    // A persistent context is the way to hand Chromium our own --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.webgpu === false ? [] : WEBGPU_ARGS)],
      viewport: { width: 1000, height: 900 },
    });
  } catch (e) {
    await server.close();
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    context,
    baseUrl: server.url,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PageProblems {
  /** Uncaught exceptions of the page (and its workers, where Chromium reports them). */
  pageErrors: string[];
  /** console.error messages. */
  consoleErrors: string[];
  /** Every console message, for the failure report. */
  log: string[];
}

/** Starts collecting a page's errors and console output. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { pageErrors: [], consoleErrors: [], log: [] };
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  page.on('console', (m) => {
    problems.log.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  return problems;
}

declare global {
  interface Window {
    /** Main-thread tasks over 50 ms, collected from page start (see watchLongTasks). */
    __longTasks?: { start: number; duration: number }[];
  }
}

/**
 * Records the page's long main-thread tasks (PerformanceObserver 'longtask', which reports
 * every task over 50 ms) from before its first script runs. Call before page.goto.
 */
export async function watchLongTasks(
  page: Page,
): Promise<{ since(ms: number): Promise<{ start: number; duration: number }[]>; now(): Promise<number> }> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks?.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  return {
    /** Long tasks that started at or after `ms` (the page's performance.now() clock). */
    since: (ms) => page.evaluate((from) => (window.__longTasks ?? []).filter((t) => t.start >= from), ms),
    now: () => page.evaluate(() => performance.now()),
  };
}
