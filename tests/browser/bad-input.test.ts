/**
 * Bad files through the page's file input (issue 8): each gets its specific message, the text
 * loaded before and the settings stay, and a 60 MB file is read off the main thread, up to what a
 * run can use, with a notice. Nothing here trains, so this Chromium idles quickly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchLongTasks, watchPage } from '../support/browser';
import { sharedBrowser } from '../support/shared-browser';
import { setNumber, waitFor } from '../support/page-run';

const PROSE = Array.from(
  { length: 40 },
  (_, i) => `Story ${i}. A small bird sang in the tall tree, and the old fox listened all day.`,
).join('\n\n');

function utf16WithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const fileInput = (page: Page) => page.getByLabel('A .txt file', { exact: true });
const loadedLine = (page: Page) => page.locator('.cl-loaded p').first();

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await fileInput(page).setInputFiles({ name, mimeType: 'text/plain', buffer });
}

/** The "Loaded: NAME: ..." line, once the file NAME is the corpus; fails with what the loader shows instead. */
async function waitForLoaded(page: Page, name: string, timeoutMs = 15_000): Promise<string> {
  const status = page.locator('.cl-load-status');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = (await loadedLine(page).count()) > 0 ? ((await loadedLine(page).textContent()) ?? '') : '';
    if (line.startsWith(`Loaded: ${name}:`)) return line;
    await page.waitForTimeout(100);
  }
  throw new Error(`"${name}" was not loaded; the loader shows: ${await status.textContent()}`);
}

/** The loader's alert, once a file has been refused. */
async function refusal(page: Page): Promise<string> {
  const alert = page.locator('.cl-load-status [role="alert"]');
  await alert.waitFor({ timeout: 15_000 });
  return (await alert.textContent()) ?? '';
}

describe('bad corpus files in the page', () => {
  const browser = sharedBrowser({ webgpu: false });

  it('refuses empty and binary files with their own message, keeping the text and settings loaded before', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    await page.goto(`${browser().baseUrl}?backend=wasm`);
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    await page.getByRole('radio', { name: /^Your own text/ }).check();
    await setNumber(page, 'Seed', 42);

    await chooseFile(page, 'story.txt', Buffer.from(PROSE));
    const loaded = await waitForLoaded(page, 'story.txt');
    expect(loaded).toMatch(/story\.txt: [\d,]+ characters in \d+ documents/);

    await chooseFile(page, 'empty.txt', Buffer.alloc(0));
    expect(await refusal(page)).toMatch(/The file is empty \(0 bytes\)/);
    // The refused file replaced nothing: the story is still the corpus, the seed still 42.
    expect(await loadedLine(page).textContent()).toBe(loaded.replace(/^Loaded:/, 'Still loaded:'));
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('42');
    expect(await page.getByRole('radio', { name: /^Your own text/ }).isChecked()).toBe(true);

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.alloc(2000, 7),
    ]);
    await chooseFile(page, 'photo.txt', png);
    await waitFor(page, 'the PNG refusal', 15_000, async () => {
      const text = await refusal(page);
      return /PNG image, not plain text, even if its name ends in \.txt/.test(text) ? text : null;
    });
    expect(await loadedLine(page).textContent()).toMatch(/^Still loaded:.*story\.txt/);
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('42');
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('decodes UTF-16 with a byte-order mark, saying so', async () => {
    const page = await browser().context.newPage();
    await page.goto(`${browser().baseUrl}?backend=wasm`);
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    await page.getByRole('radio', { name: /^Your own text/ }).check();
    await chooseFile(page, 'windows.txt', utf16WithBom(PROSE));
    expect(await waitForLoaded(page, 'windows.txt')).toMatch(/windows\.txt: [\d,]+ characters/);
    await page
      .getByText('The file is in UTF-16 (little-endian, with a byte-order mark); it was converted to text.')
      .waitFor();
    await page.close();
  }, 60_000);

  it('explains a web address whose server does not allow cross-origin reading (CORS)', async () => {
    // Another origin (its own port) that serves text but sends no Access-Control-Allow-Origin.
    const server: Server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end(PROSE),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/story.txt`;
    try {
      const page = await browser().context.newPage();
      await page.goto(`${browser().baseUrl}?backend=wasm`);
      await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
      await page.getByRole('radio', { name: /^Your own text/ }).check();
      await page.getByLabel('Web address', { exact: true }).fill(url);
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      expect(await refusal(page)).toMatch(
        /Could not load the text from 127\.0\.0\.1:\d+\..*cross-origin requests \(CORS\)/,
      );
      await page.close();
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);

  it('reads a 60 MB file in a worker up to what a run can use, without freezing the page', async () => {
    const page = await browser().context.newPage();
    const problems = watchPage(page);
    const longTasks = await watchLongTasks(page);
    await page.goto(`${browser().baseUrl}?backend=wasm`);
    await page.getByRole('heading', { level: 1, name: 'Collapse Lab' }).waitFor();
    await page.getByRole('radio', { name: /^Your own text/ }).check();
    await setNumber(page, 'Seed', 7);
    // Built in the page (60 MB over the test protocol would be slow): one 1 MB block, 60 times.
    const from = await fileInput(page).evaluate((input: HTMLInputElement, prose: string) => {
      const block = new TextEncoder()
        .encode((prose + '\n\n').repeat(Math.ceil(1e6 / (prose.length + 2))))
        .slice(0, 1e6);
      const file = new File(
        Array.from({ length: 60 }, () => block),
        'huge.txt',
        { type: 'text/plain' },
      );
      const transfer = new DataTransfer();
      transfer.items.add(file);
      const start = performance.now();
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return start;
    }, PROSE);
    expect(await waitForLoaded(page, 'huge.txt', 60_000)).toMatch(/huge\.txt: 4,[89]\d\d,\d{3} characters/);
    await page
      .getByText(/The file is 60\.0 MB; reading stopped after its first 5,000,000 characters/)
      .waitFor();
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('7');
    const frozen = (await longTasks.since(from)).filter((t) => t.duration > 200);
    expect(frozen).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
