/**
 * Every bad corpus input of issue 8, in one table, fed to the loader (the streaming file loader
 * the page's worker and the CLI use, or the URL loader) and to the CLI (`simulate --corpus`).
 * A refusal must be the same specific message in both, and in the CLI one line on stderr with a
 * non-zero exit; an odd but valid text must load, say what was repaired, and run (the count
 * model, one generation: a transformer would take minutes).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCorpusText } from '../../../src/engine/text/fetch-text';
import { loadUserTextStream } from '../../../src/engine/text/text-stream';
import { countCodePoints, loadUserText, type TextLoadResult } from '../../../src/engine/text/user-text';
import { buildVocabulary } from '../../../src/engine/text/vocabulary';

const enc = new TextEncoder();
const PROSE = Array.from(
  { length: 60 },
  (_, i) => `Story ${i}. A small bird sang in the tall tree all morning, and the fox listened.`,
).join('\n\n');
const CYRILLIC = 'Жил-был кот. Он любил тёплое молоко и долгий сон у окна.\n\n'.repeat(40);
const CHINESE = '从前有一只小猫。它喜欢喝牛奶，也喜欢在窗边睡觉。\n\n'.repeat(60);
const RTL = 'שלום עולם, מה שלומך היום? مرحبا بالعالم، كيف حالك اليوم؟ ';
const EMOJI = 'The cat 🐈 saw a rocket 🚀 and smiled 🙂. Café, naïve, cafe\u0301 and re\u0301sume\u0301. 👩‍👩‍👧 ';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let at = 0;
  if (bom) [out[0], out[1], at] = bigEndian ? [0xfe, 0xff, 2] : [0xff, 0xfe, 2];
  for (let i = 0; i < text.length; i++, at += 2) {
    const code = text.charCodeAt(i);
    out[at + (bigEndian ? 1 : 0)] = code & 0xff;
    out[at + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return out;
}

const withPrefix = (prefix: number[], rest = PROSE): Uint8Array =>
  new Uint8Array([...prefix, ...enc.encode(rest)]);
const latin1 = (): Uint8Array => {
  const bytes = enc.encode(PROSE);
  return new Uint8Array([...bytes.subarray(0, 150), 0xe9, ...bytes.subarray(150)]); // a Latin-1 "é"
};
/** About 60 MB of prose in paragraphs: built once, only for the cases that need it. */
const HUGE_BYTES = 60_000_000;
const huge = (): Uint8Array => {
  const unit = enc.encode(PROSE + '\n\n');
  const out = new Uint8Array(HUGE_BYTES);
  for (let at = 0; at < HUGE_BYTES; at += unit.length) out.set(unit.subarray(0, HUGE_BYTES - at), at);
  return out;
};

type Accepted = Extract<TextLoadResult, { ok: true }>;

interface FileCase {
  name: string;
  bytes: () => Uint8Array;
  /** The refusal (refused) or a notice it must carry (accepted; null: no notice at all). */
  refused?: RegExp;
  notice?: RegExp | null;
  /** More that a user would see of an accepted text. */
  check?: (result: Accepted) => void;
}

const FILE_CASES: FileCase[] = [
  { name: 'empty', bytes: () => new Uint8Array(0), refused: /The file is empty \(0 bytes\)/ },
  {
    name: 'whitespace only',
    bytes: () => enc.encode(' \n\n\t  \r\n '.repeat(200)),
    refused: /only spaces and line breaks/,
  },
  {
    name: 'one repeated character',
    bytes: () => enc.encode('a'.repeat(5000)),
    refused: /just the character "a" repeated/,
  },
  {
    name: 'NUL bytes (binary)',
    bytes: () => new Uint8Array([72, 105, 0, 1, 2, 0, 200, 0, 0, 13, 99, 0]),
    refused: /contains NUL bytes \(the first at byte 2\)/,
  },
  {
    name: 'a PNG renamed .txt',
    bytes: () => withPrefix([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    refused: /This file is a PNG image, not plain text/,
  },
  {
    name: 'a JPEG renamed .txt',
    bytes: () => withPrefix([0xff, 0xd8, 0xff, 0xe0]),
    refused: /This file is a JPEG image/,
  },
  {
    name: 'a GIF renamed .txt',
    bytes: () => enc.encode('GIF89a' + PROSE),
    refused: /This file is a GIF image/,
  },
  {
    name: 'a PDF renamed .txt',
    bytes: () => enc.encode('%PDF-1.7\n' + PROSE),
    refused: /This file is a PDF document/,
  },
  {
    name: 'a ZIP (.docx) renamed .txt',
    bytes: () => withPrefix([0x50, 0x4b, 0x03, 0x04]),
    refused: /zip archive \(Word \.docx/,
  },
  {
    name: 'invalid UTF-8 (Latin-1)',
    bytes: latin1,
    refused: /not valid UTF-8 text: byte 150 \(line 3\) is 0xE9.*Windows-1252/,
  },
  {
    name: 'UTF-8 cut mid-character',
    bytes: () => new Uint8Array([...enc.encode(PROSE), 0xe2, 0x82]),
    refused: /not valid UTF-8 text: byte 4,848 \(line 119\) is 0xE2/,
  },
  {
    name: 'mostly control characters',
    bytes: () => enc.encode('\u0001\u0002\u0003\u0004'.repeat(100) + PROSE.slice(0, 200)),
    refused: /not text: 400 of its 600 characters are invisible control codes/,
  },
  {
    name: 'too short',
    bytes: () => enc.encode('A short note. '.repeat(20)),
    refused: /too short: 279 characters\. At least 1,000/,
  },
  {
    name: 'UTF-16 LE with BOM',
    bytes: () => utf16(PROSE, false, true),
    notice: /UTF-16 \(little-endian, with a byte-order mark\)/,
    check: (r) => expect(r.text).toBe(PROSE),
  },
  {
    name: 'UTF-16 BE with BOM',
    bytes: () => utf16(PROSE, true, true),
    notice: /UTF-16 \(big-endian, with a byte-order mark\)/,
    check: (r) => expect(r.text).toBe(PROSE),
  },
  {
    name: 'UTF-16 LE without BOM',
    bytes: () => utf16(PROSE, false, false),
    notice: /looks like UTF-16 \(little-endian\) without a byte-order mark/,
    check: (r) => expect(r.text).toBe(PROSE),
  },
  {
    name: 'UTF-16 BE without BOM',
    bytes: () => utf16(PROSE, true, false),
    notice: /looks like UTF-16 \(big-endian\) without a byte-order mark/,
    check: (r) => expect(r.text).toBe(PROSE),
  },
  {
    name: 'UTF-16 LE without BOM, Cyrillic',
    bytes: () => utf16(CYRILLIC, false, false),
    notice: /looks like UTF-16 \(little-endian\) without a byte-order mark/,
    check: (r) => expect(r.text).toBe(CYRILLIC),
  },
  {
    name: 'UTF-16 BE without BOM, Chinese',
    bytes: () => utf16(CHINESE, true, false),
    notice: /looks like UTF-16 \(big-endian\) without a byte-order mark/,
    check: (r) => expect(r.text).toBe(CHINESE),
  },
  {
    name: 'a very long line',
    bytes: () => enc.encode('The dog ran home and the cat followed it. '.repeat(3000)),
    notice: /a line of 126,000 characters with no line break; it was cut into documents of at most 2,000/,
    check: (r) => expect(Math.max(...r.documents.map((d) => d.length))).toBeLessThanOrEqual(2000),
  },
  {
    name: 'control characters in text',
    bytes: () => enc.encode(PROSE.slice(0, 500) + '\u0007\u001b[0m\u000c' + PROSE.slice(500)),
    notice: /Removed 3 control characters/,
    check: (r) => expect(r.text).toBe(PROSE.slice(0, 500) + '[0m' + PROSE.slice(500)),
  },
  {
    name: 'right-to-left scripts',
    bytes: () => enc.encode(`${RTL}\n\n`.repeat(60)),
    notice: null,
    check: (r) => expect(r.documents.join(' ')).toContain('שלום עולם'),
  },
  {
    name: 'emoji and combining marks',
    bytes: () => enc.encode(`${EMOJI}\n\n`.repeat(40)),
    notice: null,
    check: (r) => {
      // Counted as a reader counts: 🐈 is one character, e + U+0301 two (a letter and its accent).
      expect(r.chars).toBe(r.documents.reduce((n, d) => n + [...d].length, 0));
      expect(r.chars).toBeLessThan(r.documents.reduce((n, d) => n + d.length, 0));
      const vocabulary = buildVocabulary(r.documents);
      expect(vocabulary.symbols).toContain('🐈');
      expect(vocabulary.symbols).toContain('\u0301');
      expect(vocabulary.decode(vocabulary.encode(r.documents[0]))).toBe(r.documents[0]);
    },
  },
  {
    name: '60 MB (read up to what a run uses)',
    bytes: huge,
    notice:
      /The file is 60\.0 MB; reading stopped after its first 5,000,000 characters \(5\.0 MB\), the most one run can use/,
    check: (r) => {
      expect(countCodePoints(r.text)).toBeLessThanOrEqual(5_000_000);
      expect(r.chars).toBeGreaterThan(4_800_000); // less the blank lines between paragraphs
    },
  },
];

/** Feeds bytes as a stream of chunks, as File.stream() and a Node read stream deliver them. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'collapse-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI without blocking this process (the URL cases' server answers from here). */
function simulate(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['src/cli/simulate.ts', ...args], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
const RUN_CHEAPLY = ['--set', 'model=ngram', '--generations', '1', '--quiet'];

function expectOneLineRefusal(
  r: { code: number | null; stderr: string },
  input: string,
  message: RegExp,
): void {
  expect(r.code).not.toBe(0);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0].startsWith(`simulate: error: corpus ${input}: `), lines[0]).toBe(true);
  expect(lines[0]).toMatch(message);
}

describe.each(FILE_CASES)('bad corpus file: $name', (c) => {
  let bytes: Uint8Array;
  let file: string;
  beforeAll(() => {
    bytes = c.bytes();
    file = path.join(dir, `${c.name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(file, bytes);
  });

  it('the loader refuses it with its message, or loads it and says what it repaired', async () => {
    for (const chunk of bytes.length > 1e6 ? [1 << 20] : [7, 1 << 16]) {
      const result = await loadUserTextStream(chunked(bytes, chunk), { totalBytes: bytes.length });
      if (c.refused) {
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error).toMatch(c.refused);
        // Read whole, the same file gets the same message.
        const whole = loadUserText(bytes);
        expect(!whole.ok && whole.error).toBe(!result.ok && result.error);
      } else {
        expect(result.ok, !result.ok ? result.error : '').toBe(true);
        if (!result.ok) return;
        if (c.notice) expect(result.notices.join('\n')).toMatch(c.notice);
        else expect(result.notices).toEqual([]);
        c.check?.(result);
      }
    }
  }, 60_000);

  it('the CLI refuses it in one line with a non-zero exit, or runs on it', async () => {
    if (c.refused) {
      expectOneLineRefusal(
        await simulate(['--corpus', file, '--out', path.join(dir, 'never.json')]),
        file,
        c.refused,
      );
      return;
    }
    const r = await simulate(['--corpus', file, ...RUN_CHEAPLY, '--out', path.join(dir, 'ok.json')]);
    expect(r.code, r.stderr).toBe(0);
    if (c.notice) expect(r.stderr).toMatch(new RegExp(`^note: .*${c.notice.source}`, 'm'));
  }, 60_000);
});

/** Addresses: each path of a local server plays one way a download goes wrong. */
interface UrlCase {
  name: string;
  path: string | null; // null: a port that refuses connections
  refused: RegExp;
}

const URL_CASES: UrlCase[] = [
  {
    name: 'a server error (404)',
    path: '/missing.txt',
    refused: /answered with HTTP error 404 \(no file at this address\)/,
  },
  { name: 'a timeout', path: '/slow', refused: /did not send the text within 0\.5 s/ },
  { name: 'not text (an image)', path: '/photo.png', refused: /returns "image\/png", not text/ },
  {
    name: 'not text (a web page)',
    path: '/page',
    refused: /returns a web page \(HTML\), not a plain-text file/,
  },
  { name: 'a binary body labelled text', path: '/binary.txt', refused: /This file is a PNG image/ },
  // In a browser a CORS refusal and a dead server look the same to the page: one message names both.
  {
    name: 'a failed connection (or CORS)',
    path: null,
    refused: /Could not load the text from 127\.0\.0\.1:\d+.*\(CORS\)/,
  },
];

describe('bad corpus address', () => {
  let server: Server;
  let base = '';
  let closedPort = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const p = req.url ?? '/';
      if (p === '/missing.txt') res.writeHead(404).end('not here');
      else if (p === '/slow') setTimeout(() => res.writeHead(200).end(PROSE), 3_000);
      else if (p === '/photo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64));
      else if (p === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      else if (p === '/binary.txt')
        res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
      else res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/story.txt`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const urlOf = (c: UrlCase): string => (c.path === null ? closedPort : `${base}${c.path}`);

  it.each(URL_CASES)('$name: the loader explains it', async (c) => {
    const result = await fetchCorpusText(urlOf(c), { timeoutMs: 500 });
    expect(!result.ok && result.error).toMatch(c.refused);
  });

  it.each(URL_CASES)(
    '$name: the CLI refuses it in one line',
    async (c) => {
      const url = urlOf(c);
      expectOneLineRefusal(
        await simulate(['--corpus', url, '--timeout', '0.5', '--out', path.join(dir, 'never.json')]),
        url,
        c.refused,
      );
    },
    60_000,
  );
});
