import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, loadUserText } from '../../../src/engine/text/user-text';

const enc = new TextEncoder();
/** Two thousand characters of ordinary prose in paragraphs. */
const PROSE = Array.from(
  { length: 20 },
  (_, i) => `Paragraph ${i}. The quick brown fox jumps over the lazy dog, and then it naps. What a day!`,
).join('\n\n');

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let at = 0;
  if (bom) {
    out[0] = bigEndian ? 0xfe : 0xff;
    out[1] = bigEndian ? 0xff : 0xfe;
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) {
    const code = text.charCodeAt(i);
    out[at + (bigEndian ? 1 : 0)] = code & 0xff;
    out[at + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return out;
}

function withPrefix(prefix: number[], rest = 'hello world'): Uint8Array {
  return new Uint8Array([...prefix, ...enc.encode(rest)]);
}

describe('loadUserText: refusals, each with its own message', () => {
  const latin1 = enc.encode(PROSE);
  const bad = new Uint8Array([...latin1.subarray(0, 150), 0xe9, ...latin1.subarray(150)]); // Latin-1 "é"
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['an empty file', new Uint8Array(0), /file is empty \(0 bytes\)/],
    ['an empty string', '', /text is empty/],
    ['whitespace only', ' \n\n\t  \r\n ', /only spaces and line breaks/],
    ['one repeated character', 'a'.repeat(5000), /just the character "a" repeated/],
    ['one repeated character across lines', 'zzzz\nzzzz\n'.repeat(300), /just the character "z" repeated/],
    [
      'NUL bytes (a binary file)',
      new Uint8Array([72, 105, 0, 1, 2, 0, 200, 0, 0, 13, 99, 0]),
      /contains NUL bytes \(the first at byte 2\)/,
    ],
    [
      'a PNG renamed .txt',
      withPrefix([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      /PNG image, not plain text/,
    ],
    ['a JPEG renamed .txt', withPrefix([0xff, 0xd8, 0xff, 0xe0]), /JPEG image/],
    ['a PDF renamed .txt', enc.encode('%PDF-1.7\n' + PROSE), /PDF document/],
    ['a zip (or .docx) renamed .txt', withPrefix([0x50, 0x4b, 0x03, 0x04]), /zip archive \(Word \.docx/],
    ['a gzip file', withPrefix([0x1f, 0x8b, 0x08]), /gzip-compressed/],
    ['invalid UTF-8 (Latin-1 text)', bad, /not valid UTF-8 text: byte 150 \(line 3\) is 0xE9.*Windows-1252/],
    [
      'UTF-8 cut mid-character',
      new Uint8Array([...latin1, 0xe2, 0x82]),
      /not valid UTF-8 text: byte 1,\d{3} .*is 0xE2/,
    ],
    [
      'mostly control codes',
      '\u0001\u0002\u0003\u0004'.repeat(100) + 'ab',
      /not text: 400 of its 402 characters are invisible control codes/,
    ],
    [
      'too short to split',
      'A short note. '.repeat(20),
      /too short: 279 characters\. At least 1,000 are needed/,
    ],
  ];
  it.each(cases)('%s', (_name, input, message) => {
    const result = loadUserText(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('honours a caller-set minimum size in its message', () => {
    const result = loadUserText(PROSE, { minChars: 10_000 });
    expect(!result.ok && result.error).toMatch(/At least 10,000 are needed/);
  });
});

describe('loadUserText: repairs, each reported in a notice', () => {
  it('accepts plain UTF-8 prose silently and splits it into documents', () => {
    const result = loadUserText(enc.encode(PROSE));
    expect(result).toMatchObject({ ok: true, notices: [] });
    if (result.ok) {
      expect(result.text).toBe(PROSE);
      expect(result.documents.length).toBeGreaterThanOrEqual(10);
    }
  });

  it.each([
    ['UTF-16 LE with BOM', utf16(PROSE, false, true), /UTF-16 \(little-endian, with a byte-order mark\)/],
    ['UTF-16 BE with BOM', utf16(PROSE, true, true), /UTF-16 \(big-endian, with a byte-order mark\)/],
    [
      'UTF-16 LE without BOM',
      utf16(PROSE, false, false),
      /looks like UTF-16 \(little-endian\) without a byte-order mark/,
    ],
    [
      'UTF-16 BE without BOM',
      utf16(PROSE, true, false),
      /looks like UTF-16 \(big-endian\) without a byte-order mark/,
    ],
  ])('decodes %s', (_name, bytes, notice) => {
    const result = loadUserText(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.text).toBe(PROSE);
      expect(result.notices.join(' ')).toMatch(notice);
    }
  });

  it('strips a UTF-8 byte-order mark and Windows line ends without fuss', () => {
    const result = loadUserText(withPrefix([0xef, 0xbb, 0xbf], PROSE.replace(/\n/g, '\r\n')));
    expect(result).toMatchObject({ ok: true, text: PROSE, notices: [] });
  });

  it('strips control characters and says how many', () => {
    const dirty = PROSE.slice(0, 500) + '\u0007\u001b[0m\u000c' + PROSE.slice(500) + '\u0000';
    const result = loadUserText(dirty);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect([...result.text].some((ch) => ch < ' ' && ch !== '\n')).toBe(false);
      expect(result.notices.join(' ')).toMatch(/Removed 4 control characters/);
    }
  });

  it('truncates text beyond the cap (default 5,000,000) and says so; the caller may raise the cap', () => {
    const big = 'The dog ran home. '.repeat(300_000); // 5.4 million characters
    const result = loadUserText(big);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.text.length).toBe(5_000_000);
      expect(result.notices.join(' ')).toMatch(/has 5,400,000 characters; only the first 5,000,000 are used/);
      expect(result.documents.length).toBeGreaterThan(2_000);
    }
    const raised = loadUserText(big, { maxChars: 6_000_000 });
    expect(raised.ok && raised.notices.join(' ')).not.toMatch(/only the first/);
  });

  it('accepts a long single line, right-to-left scripts, emoji and combining marks', () => {
    const mixed = 'שלום עולם. مرحبا بالعالم! 🙂🚀 cafe\u0301 naïve. '.repeat(60);
    const result = loadUserText(mixed);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.documents.length).toBeGreaterThanOrEqual(10); // one line, still many documents
      expect(result.documents.join(' ')).toContain('🙂🚀');
      expect(result.notices).toEqual([]);
    }
  });

  it('reports how many characters fall beyond the vocabulary cap and become unknown', () => {
    const rare = PROSE + '\n\n' + 'ĀāĂăĄą';
    const result = loadUserText(rare, { vocabularyCap: 20 });
    expect(result.ok && result.notices.join(' ')).toMatch(
      /more than the 18 a model can tell apart; the \d+ rarest \(\d[\d,]* occurrences\) will be treated as "unknown"/,
    );
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0xe2, 0x82, 0xac], -1], // €
    [[0xf0, 0x9f, 0x99, 0x82], -1], // 🙂
    [[0x61, 0xc0, 0x80], 1], // overlong
    [[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate written as UTF-8
    [[0x61, 0xe2, 0x28, 0xa1], 1], // bad continuation
    [[0x61, 0x80], 1], // stray continuation byte
  ])('%j -> %i', (bytes, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(expected);
  });
});
