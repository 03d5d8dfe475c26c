/**
 * What raw bytes are, before they are decoded: a known non-text format (by its signature),
 * UTF-16 (by byte-order mark or by its column of zero bytes), binary (NUL bytes near the start),
 * or UTF-8 to validate. Shared by the whole-buffer loader (user-text.ts) and the streaming one
 * (text-stream.ts), so a file gets the same message whichever way it was read.
 */

const fmt = (n: number): string => n.toLocaleString('en-US');

export const SAVE_AS_TEXT =
  'Please choose a plain-text file (.txt), or open the document and save or export it as plain text.';

/** Bytes looked at to tell binary and UTF-16 from text (git looks at 8,000). */
export const HEAD_BYTES = 8192;

/** Signatures of common non-text files, so a renamed photo gets a message that names it. */
const MAGIC: readonly { bytes: readonly number[]; at?: number; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x57, 0x45, 0x42, 0x50], at: 8, what: 'a WebP image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a zip archive (Word .docx, OpenDocument and EPUB files are zip archives too)',
  },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office document (.doc or .xls)' },
  {
    bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66],
    what: 'an RTF document (it holds formatting codes, not plain text)',
  },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x49, 0x44, 0x33], what: 'an MP3 audio file' },
  { bytes: [0x66, 0x74, 0x79, 0x70], at: 4, what: 'a video or audio file (MP4/MOV)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF executable)' },
];

function sniffMagic(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    const at = m.at ?? 0;
    if (bytes.length >= at + m.bytes.length && m.bytes.every((b, i) => bytes[at + i] === b)) return m.what;
  }
  return null;
}

/**
 * UTF-16 without a byte-order mark: text in Latin script has a zero high byte in almost every
 * code unit, so NULs fill one byte column (odd offsets for little-endian) and not the other.
 */
function sniffUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul > 0.3 * pairs && evenNul < 0.05 * pairs) return 'le';
  if (evenNul > 0.3 * pairs && oddNul < 0.05 * pairs) return 'be';
  return null;
}

/**
 * UTF-16 without a byte-order mark in any script (Arabic, Russian, Chinese...): read as code
 * units, the bytes hold no control codes and no half surrogate pairs, and at least 1% of the units
 * are spaces or line breaks, which in UTF-16 carry a zero byte (0x0020, 0x000A; 0x3000, the
 * ideographic space). Random bytes fail on surrogates; one-byte text read two bytes at a time
 * fails the spaces (it has no zero bytes); the wrong byte order fails them too.
 */
function plausibleUtf16(bytes: Uint8Array, bigEndian: boolean): boolean {
  const units = Math.min(bytes.length, HEAD_BYTES) >> 1;
  if (units < 8) return false;
  let spaces = 0;
  for (let i = 0; i < units; i++) {
    const a = bytes[2 * i];
    const b = bytes[2 * i + 1];
    const unit = bigEndian ? (a << 8) | b : (b << 8) | a;
    if (unit === 0x20 || unit === 0x0a || unit === 0x3000) spaces++;
    else if (unit < 0x20 && unit !== 0x09 && unit !== 0x0d) return false;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      if (i === units - 1) break; // the head ends between the two halves of a pair
      const c = bytes[2 * i + 2];
      const d = bytes[2 * i + 3];
      const next = bigEndian ? (c << 8) | d : (d << 8) | c;
      if (next < 0xdc00 || next > 0xdfff) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
    else if (unit === 0xfffe || unit === 0xffff) return false;
  }
  return spaces >= 0.01 * units;
}

/** How the rest of the bytes are to be read, with the notice that says so; or why they cannot be. */
export type ByteKind =
  | { encoding: 'utf-8'; skip: number }
  | { encoding: 'utf-16le' | 'utf-16be'; skip: number; notice: string }
  | { error: string };

/**
 * Classifies a file by its first bytes (up to HEAD_BYTES; more are ignored). An empty head is
 * the caller's to explain (it knows whether a file or a paste was empty).
 */
export function classifyHead(head: Uint8Array): ByteKind {
  if (head[0] === 0xff && head[1] === 0xfe) {
    return {
      encoding: 'utf-16le',
      skip: 2,
      notice: 'The file is in UTF-16 (little-endian, with a byte-order mark); it was converted to text.',
    };
  }
  if (head[0] === 0xfe && head[1] === 0xff) {
    return {
      encoding: 'utf-16be',
      skip: 2,
      notice: 'The file is in UTF-16 (big-endian, with a byte-order mark); it was converted to text.',
    };
  }
  const what = sniffMagic(head);
  if (what)
    return { error: `This file is ${what}, not plain text, even if its name ends in .txt. ${SAVE_AS_TEXT}` };
  const utf16 = sniffUtf16(head);
  if (utf16) {
    return {
      encoding: utf16 === 'le' ? 'utf-16le' : 'utf-16be',
      skip: 0,
      notice: `The file looks like UTF-16 (${utf16 === 'le' ? 'little' : 'big'}-endian) without a byte-order mark; it was converted to text.`,
    };
  }
  // Like git: a NUL byte near the start means binary (unless the bytes read as UTF-16 text).
  // A stray NUL later is stripped as a control code.
  const nul = head.subarray(0, HEAD_BYTES).indexOf(0);
  for (const bigEndian of [false, true]) {
    if (nul >= 0 && plausibleUtf16(head, bigEndian)) {
      const order = bigEndian ? 'big' : 'little';
      return {
        encoding: bigEndian ? 'utf-16be' : 'utf-16le',
        skip: 0,
        notice: `The file looks like UTF-16 (${order}-endian) without a byte-order mark; it was converted to text.`,
      };
    }
  }
  if (nul >= 0) {
    return {
      error: `This file contains NUL bytes (the first at byte ${fmt(nul)}), so it is a binary file (a program, picture, database or word-processor file), not plain text. ${SAVE_AS_TEXT}`,
    };
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf; // UTF-8 byte-order mark
  return { encoding: 'utf-8', skip: bom ? 3 : 0 };
}

/** UTF-16 code units of the bytes (little- or big-endian); an odd last byte is dropped. */
export function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (!bigEndian) return new TextDecoder('utf-16le').decode(even);
  const swapped = new Uint8Array(even.length);
  for (let i = 0; i < even.length; i += 2) {
    swapped[i] = even[i + 1];
    swapped[i + 1] = even[i];
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/**
 * Offset of the first character that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or
 * -1. The offset is that of the character's first byte: for Latin-1 text, the byte of the "é".
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i; // the file ends in the middle of a character
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The refusal for a byte that UTF-8 does not allow (byte: undefined when the file ends mid-character). */
export function invalidUtf8Message(byte: number | undefined, offset: number, line: number): string {
  const hex = byte === undefined ? 'the end' : `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return (
    `This file is not valid UTF-8 text: byte ${fmt(offset)} (line ${fmt(line)}) is ${hex}, which UTF-8 does not allow there. ` +
    'It may be saved in an older encoding such as Windows-1252 or Latin-1. Open it in a text editor and save it as "UTF-8".'
  );
}

/** Line feeds in bytes[from, to). */
export function countLineFeeds(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (bytes[i] === 10) n++;
  return n;
}
