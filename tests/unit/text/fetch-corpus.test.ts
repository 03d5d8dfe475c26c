import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCorpusText } from '../../../src/engine/text/fetch-text';

const PROSE = Array.from(
  { length: 30 },
  (_, i) => `Story ${i}. A small bird sang in the tall tree all morning long.`,
).join('\n\n');

/** Plain ASCII prose, longer than the 20,000 characters the tests let a run use. */
const BIG = 'The small dog ran home to eat his dinner.\n'.repeat(2_000);

// A local server on 127.0.0.1 only; each path plays one kind of server behaviour.
let server: Server;
let base = '';
let closedPortUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/story.txt') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(PROSE);
    else if (path === '/latin1.txt') {
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' })
        .end(Buffer.from(PROSE + ' Café.', 'latin1'));
    } else if (path === '/missing.txt') res.writeHead(404).end('not here');
    else if (path === '/photo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64));
    else if (path === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    else if (path === '/slow') setTimeout(() => res.writeHead(200).end(PROSE), 2_000);
    else if (path === '/big') {
      const body = BIG.slice(0, 50_000);
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(body.length) }).end(body);
    } else if (path === '/big-stream') {
      res.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no length announced
      for (let i = 0; i < 50; i++) res.write(BIG.slice(i * 1_000, (i + 1) * 1_000));
      res.end();
    } else if (path === '/big-latin1') {
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' })
        .end(Buffer.from(BIG, 'latin1'));
    } else if (path === '/empty') res.writeHead(200, { 'content-type': 'text/plain' }).end();
    else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that refuses connections: open a server, note its port, close it.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/story.txt`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = { timeoutMs: 500, maxChars: 20_000 };

describe('fetchCorpusText', () => {
  it('loads text from a server and splits it into documents', async () => {
    const result = await fetchCorpusText(`${base}/story.txt`, options);
    expect(result).toMatchObject({ ok: true, text: PROSE, notices: [] });
    expect(result.ok && result.documents.length).toBeGreaterThanOrEqual(10);
  });

  it('decodes with the declared charset when the bytes are not UTF-8', async () => {
    const result = await fetchCorpusText(`${base}/latin1.txt`, options);
    expect(result.ok && result.text.endsWith('Café.')).toBe(true);
    expect(result.ok && result.notices.join(' ')).toMatch(/decoded as ISO-8859-1/);
  });

  it.each([
    ['not a URL', 'not a url', /"not a url" is not a valid web address.*https:\/\//],
    [
      'a file: URL',
      'file:///home/teacher/story.txt',
      /Only http:\/\/ and https:\/\/.*not "file:".*file button/,
    ],
    [
      'an ftp: URL',
      'ftp://127.0.0.1/story.txt',
      /Only http:\/\/ and https:\/\/ addresses can be loaded, not "ftp:"/,
    ],
  ])('refuses %s before any request', async (_name, url, message) => {
    const result = await fetchCorpusText(url, options);
    expect(!result.ok && result.error).toMatch(message);
  });

  it.each([
    ['an HTTP error', '/missing.txt', /answered with HTTP error 404 \(no file at this address\)/],
    ['an image', '/photo.png', /returns "image\/png", not text/],
    ['a web page', '/page', /returns a web page \(HTML\), not a plain-text file/],
    ['a slow server (timeout)', '/slow', /did not send the text within 0\.5 s/],
    ['an empty body', '/empty', /file is empty/],
  ])('explains %s', async (_name, path, message) => {
    const result = await fetchCorpusText(`${base}${path}`, options);
    expect(!result.ok && result.error).toMatch(message);
  });

  it.each([
    [
      'announced with its length',
      '/big',
      /^The file is 50\.0 kB; reading stopped after its first 20,000 characters \(20\.0 kB\)/,
    ],
    [
      'streamed without a length',
      '/big-stream',
      /^Reading stopped after its first 20,000 characters \(20\.0 kB\)/,
    ],
  ])('reads a huge download (%s) only as far as a run can use, and says so', async (_name, path, notice) => {
    const result = await fetchCorpusText(`${base}${path}`, options);
    expect(result.ok, !result.ok ? result.error : '').toBe(true);
    expect(result.ok && result.notices[0]).toMatch(notice);
    expect(result.ok && result.text.length).toBeLessThanOrEqual(20_000);
  });

  it('reads a huge download in a declared legacy encoding up to what a run can use, and says so', async () => {
    const result = await fetchCorpusText(`${base}/big-latin1`, options);
    expect(result.ok && result.text.startsWith('The small dog')).toBe(true);
    expect(result.ok && result.notices.join(' ')).toMatch(/only the first 20,000 are used/);
  });

  it('explains a refused connection, naming CORS as a likely cause', async () => {
    const result = await fetchCorpusText(closedPortUrl, options);
    expect(!result.ok && result.error).toMatch(
      /Could not load the text from 127\.0\.0\.1:\d+.*cross-origin requests \(CORS\)/,
    );
  });

  it('stops when the user cancels', async () => {
    const controller = new AbortController();
    const pending = fetchCorpusText(`${base}/slow`, {
      ...options,
      timeoutMs: 5_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(!result.ok && result.error).toBe('Loading was cancelled.');
  });
});
