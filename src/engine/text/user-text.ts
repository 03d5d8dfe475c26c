/**
 * Text a teacher brings: a file's bytes, pasted text, or a web address. Every way it can go wrong
 * gets its own plain-language message (docs/ARCHITECTURE.md: "bad input gets a plain message"), and every
 * repair made on the way (a re-encoding, stripped control codes, a cut) is reported as a notice,
 * so nothing changes silently. All passes are linear in the input's size.
 */
import { buildVocabulary, DEFAULT_MAX_SYMBOLS } from './vocabulary';
import { DEFAULT_MAX_DOCUMENT_CHARS, splitDocuments } from './documents';
import {
  classifyHead,
  countLineFeeds,
  decodeUtf16,
  firstInvalidUtf8,
  HEAD_BYTES,
  invalidUtf8Message,
  SAVE_AS_TEXT,
} from './byte-checks';

export { firstInvalidUtf8 };

export type TextLoadResult =
  | {
      ok: true;
      text: string;
      documents: string[];
      /** Characters in the documents, counted as code points (an emoji is one). */
      chars: number;
      notices: string[];
    }
  | { ok: false; error: string };

export interface UserTextOptions {
  /** Longer text is cut to this many characters (code points, with a notice). Default 5,000,000. */
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
export const EMPTY_FILE = 'The file is empty (0 bytes). Choose a file that contains text.';

const fmt = (n: number): string => n.toLocaleString('en-US');
const fail = (error: string): TextLoadResult => ({ ok: false, error });

/** Characters as a reader counts them: code points, so an emoji is one character, not two halves. */
export function countCodePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) n--;
    }
  }
  return n;
}

/** Index (in UTF-16 code units) just after the first `count` code points of text. */
function codeUnitsOf(text: string, count: number): number {
  let i = 0;
  for (let seen = 0; seen < count && i < text.length; seen++) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

const isUtf8Label = (label: string): boolean => /^(utf-?8|unicode-1-1-utf-8)$/i.test(label);

/** Bytes to a string, or the message that says why they are not text. */
function decodeBytes(bytes: Uint8Array, notices: string[], encoding?: string): string | { error: string } {
  if (bytes.length === 0) return { error: EMPTY_FILE };
  const kind = classifyHead(bytes.subarray(0, HEAD_BYTES));
  if ('error' in kind) return kind;
  if (kind.encoding !== 'utf-8') {
    notices.push(kind.notice);
    return decodeUtf16(bytes.subarray(kind.skip), kind.encoding === 'utf-16be');
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
  if (bad >= 0) return { error: invalidUtf8Message(bytes[bad], bad, 1 + countLineFeeds(bytes, 0, bad)) };
  return new TextDecoder('utf-8').decode(bytes.subarray(kind.skip));
}

/** C0 and C1 control codes except tab and line feed (carriage returns are converted first). */
// eslint-disable-next-line no-control-regex -- matching control codes is this pattern's whole job
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Lines longer than this (minified files, text saved without line breaks) get a notice. */
const LONG_LINE_CHARS = 10_000;

function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  return longest;
}

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
  // Cheap test first: code points never outnumber code units.
  if (text.length > maxChars && countCodePoints(text) > maxChars) {
    notices.push(
      `The text has ${fmt(countCodePoints(text))} characters; only the first ${fmt(maxChars)} are used, the most one run can take in.`,
    );
    text = text.slice(0, codeUnitsOf(text, maxChars));
  }
  const only = onlyCharacter(text);
  if (only !== null) {
    return fail(
      `The text is just the character "${only}" repeated. A model would learn nothing from it but that one character. Use real writing: stories, articles, a book.`,
    );
  }
  const length = countCodePoints(text.trim());
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
  const longest = longestLine(text);
  if (longest > LONG_LINE_CHARS) {
    notices.push(
      `The text has a line of ${fmt(longest)} characters with no line break; it was cut into documents of at most ${fmt(maxDoc)} characters at sentence ends or spaces.`,
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
  const chars = documents.reduce((n, doc) => n + countCodePoints(doc), 0);
  return { ok: true, text, documents, chars, notices };
}
