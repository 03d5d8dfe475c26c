/**
 * Text a teacher brings: a file's bytes, pasted text, or a web address. Every way it can go wrong
 * gets its own plain-language message (DESIGN.md: "bad input gets a clear message"), and every
 * repair made on the way (a re-encoding, stripped control codes, a cut) is reported as a notice,
 * so nothing changes silently. All passes are linear in the input's size.
 */
import { buildVocabulary, DEFAULT_MAX_SYMBOLS } from './vocabulary';
import { DEFAULT_MAX_DOCUMENT_CHARS, splitDocuments } from './documents';

export type TextLoadResult =
  { ok: true; text: string; documents: string[]; notices: string[] } | { ok: false; error: string };

export interface UserTextOptions {
  /** Longer text is cut to this many characters (with a notice). Default 5,000,000. */
  maxChars?: number;
  /** Shorter text is refused: too little to hold some out and train on the rest. Default 1,000. */
  minChars?: number;
  /** Longest document; default 2,000 (shorter for short texts, see below). */
  maxDocumentChars?: number;
  /** Vocabulary cap used to count characters that will become "unknown". Default 128. */
  vocabularyCap?: number;
  /** Encoding a server declared (charset); used when it is not UTF-8 or UTF-16. */
  encoding?: string;
}

export const DEFAULT_MAX_USER_CHARS = 5_000_000;
export const DEFAULT_MIN_USER_CHARS = 1_000;

const fmt = (n: number): string => n.toLocaleString('en-US');
const fail = (error: string): TextLoadResult => ({ ok: false, error });
const SAVE_AS_TEXT =
  'Please choose a plain-text file (.txt), or open the document and save or export it as plain text.';

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

/** UTF-16 code units of the bytes (little- or big-endian); an odd last byte is dropped. */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
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

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

const isUtf8Label = (label: string): boolean => /^(utf-?8|unicode-1-1-utf-8)$/i.test(label);

/** Bytes to a string, or the message that says why they are not text. */
function decodeBytes(bytes: Uint8Array, notices: string[], encoding?: string): string | { error: string } {
  if (bytes.length === 0) return { error: 'The file is empty (0 bytes). Choose a file that contains text.' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    notices.push('The file is in UTF-16 (little-endian, with a byte-order mark); it was converted to text.');
    return decodeUtf16(bytes.subarray(2), false);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    notices.push('The file is in UTF-16 (big-endian, with a byte-order mark); it was converted to text.');
    return decodeUtf16(bytes.subarray(2), true);
  }
  const what = sniffMagic(bytes);
  if (what)
    return { error: `This file is ${what}, not plain text, even if its name ends in .txt. ${SAVE_AS_TEXT}` };
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    notices.push(
      `The file looks like UTF-16 (${utf16 === 'le' ? 'little' : 'big'}-endian) without a byte-order mark; it was converted to text.`,
    );
    return decodeUtf16(bytes, utf16 === 'be');
  }
  // Like git: a NUL byte near the start means binary. A stray NUL later is stripped as a control code.
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) {
    return {
      error: `This file contains NUL bytes (the first at byte ${fmt(nul)}), so it is a binary file (a program, picture, database or word-processor file), not plain text. ${SAVE_AS_TEXT}`,
    };
  }
  const bad = firstInvalidUtf8(bytes);
  // A declared legacy encoding is trusted only for bytes that are not UTF-8: many servers
  // label every text file ISO-8859-1 by default, whatever it holds.
  if (bad >= 0 && encoding && !isUtf8Label(encoding)) {
    try {
      const text = new TextDecoder(encoding).decode(bytes);
      notices.push(`The text is not UTF-8; it was decoded as ${encoding}, the encoding the server declared.`);
      return text;
    } catch {
      // An encoding this platform does not know: report the UTF-8 error below.
    }
  }
  if (bad >= 0) {
    const hex =
      bytes[bad] === undefined ? 'the end' : `0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      error:
        `This file is not valid UTF-8 text: byte ${fmt(bad)} (line ${fmt(lineOf(bytes, bad))}) is ${hex}, which UTF-8 does not allow there. ` +
        'It may be saved in an older encoding such as Windows-1252 or Latin-1. Open it in a text editor and save it as "UTF-8".',
    };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 byte-order mark
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}

/** C0 and C1 control codes except tab and line feed (carriage returns are converted first). */
// eslint-disable-next-line no-control-regex -- matching control codes is this pattern's whole job
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The one non-space character a text repeats, or null if it has two or more. */
function onlyCharacter(text: string): string | null {
  let only: string | null = null;
  for (const ch of text) {
    if (ch === ' ' || ch === '\n' || ch === '\t') continue;
    if (only === null) only = ch;
    else if (ch !== only) return null;
  }
  return only;
}

/** Checks, repairs and splits user text into documents, or says plainly why it cannot be used. */
export function loadUserText(input: Uint8Array | string, options: UserTextOptions = {}): TextLoadResult {
  const maxChars = options.maxChars ?? DEFAULT_MAX_USER_CHARS;
  const minChars = options.minChars ?? DEFAULT_MIN_USER_CHARS;
  const cap = options.vocabularyCap ?? DEFAULT_MAX_SYMBOLS;
  const notices: string[] = [];
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeBytes(input, notices, options.encoding);
    if (typeof decoded !== 'string') return fail(decoded.error);
    text = decoded;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0)
    return fail('The text is empty: there is nothing to learn from. Paste or choose some text.');
  text = text.replace(/\r\n?/g, '\n');

  let controls = 0;
  text = text.replace(CONTROL, () => {
    controls++;
    return '';
  });
  // Mostly control codes: a binary file whose first bytes happened to pass the checks above.
  if (controls > 0.1 * (text.length + controls) && controls > 8) {
    return fail(
      `This is not text: ${fmt(controls)} of its ${fmt(text.length + controls)} characters are invisible control codes. ${SAVE_AS_TEXT}`,
    );
  }
  if (controls > 0) {
    notices.push(
      `Removed ${fmt(controls)} control character${controls === 1 ? '' : 's'} (invisible codes such as NUL, ESC or form feed that are not part of normal text).`,
    );
  }
  if (text.trim().length === 0) {
    return fail('The text holds only spaces and line breaks: there are no words to learn from.');
  }
  if (text.length > maxChars) {
    let cut = maxChars;
    const code = text.charCodeAt(cut);
    if (code >= 0xdc00 && code <= 0xdfff) cut--; // keep an emoji whole
    notices.push(
      `The text has ${fmt(text.length)} characters; only the first ${fmt(cut)} are used. (The limit can be raised in the settings, at the cost of memory and time.)`,
    );
    text = text.slice(0, cut);
  }
  const only = onlyCharacter(text);
  if (only !== null) {
    return fail(
      `The text is just the character "${only}" repeated. A model would learn nothing from it but that one character. Use real writing: stories, articles, a book.`,
    );
  }
  const length = text.trim().length;
  if (length < minChars) {
    return fail(
      `The text is too short: ${fmt(length)} characters. At least ${fmt(minChars)} are needed, so that a tenth can be kept aside to test the model and the rest is enough to train on. Add more text (a few pages).`,
    );
  }
  // A short text in one paragraph would be one document, and a held-out split needs several:
  // cap documents at a tenth of the text (at least 100 characters) so there are about ten.
  const maxDoc = Math.min(
    options.maxDocumentChars ?? DEFAULT_MAX_DOCUMENT_CHARS,
    Math.max(100, Math.floor(length / 10)),
  );
  const documents = splitDocuments(text, { maxChars: maxDoc });
  if (documents.length < 2) {
    return fail(
      'The text could not be cut into at least two pieces (one to test on, one to train on). Add more text.',
    );
  }
  const vocabulary = buildVocabulary(documents, cap);
  let unknown = 0;
  for (const doc of documents) unknown += vocabulary.countUnknown(doc);
  if (unknown > 0) {
    const seen = new Set<string>();
    for (const doc of documents) for (const ch of doc) seen.add(ch);
    const distinct = seen.size;
    notices.push(
      `The text uses ${fmt(distinct)} different characters, more than the ${fmt(cap - 2)} a model can tell apart; the ${fmt(distinct - (vocabulary.size - 2))} rarest (${fmt(unknown)} occurrences) will be treated as "unknown" (shown as \uFFFD).`,
    );
  }
  return { ok: true, text, documents, notices };
}
