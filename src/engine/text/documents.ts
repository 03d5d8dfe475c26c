/**
 * Documents: the unit the corpus samples, holds out and writes back. Text is cut into documents at
 * blank lines; a paragraph too long for one document is cut at sentence or line ends. Splitting a
 * corpus works on whole documents, so no held-out sentence ever shares a document with training
 * text.
 */
import { createRng } from '../rng';

export const DEFAULT_MAX_DOCUMENT_CHARS = 2_000;

/** A blank line (possibly holding spaces or tabs) separates two documents. */
const BLANK_LINE = /\n[ \t]*\n\s*/;

/** Is position i (just after text[i - 1]) a good place to cut? 2 = line end, 1 = sentence end. */
function boundaryStrength(text: string, i: number): number {
  const before = text.charCodeAt(i - 1);
  if (before === 10 /* \n */) return 2;
  const after = text.charCodeAt(i);
  if (after !== 32 && after !== 10) return 0;
  // A sentence ends at . ! ? possibly followed by a closing quote or bracket.
  let j = i - 1;
  const c = text.charAt(j);
  if (c === '"' || c === "'" || c === ')' || c === '\u201D') j--;
  const end = text.charAt(j);
  return end === '.' || end === '!' || end === '?' ? 1 : 0;
}

/** Never cut between the two halves of a surrogate pair (an emoji would break in two). */
function safeCut(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

/**
 * Cuts one paragraph into pieces of at most maxChars characters, preferring line ends, then
 * sentence ends, then spaces. The search for a cut looks back at most half a piece, so every piece
 * is at least maxChars / 2 long (bar the last) and the work stays linear in the text's length.
 */
function cutParagraph(paragraph: string, maxChars: number, out: string[]): void {
  let start = 0;
  while (paragraph.length - start > maxChars) {
    const limit = start + maxChars;
    const floor = start + Math.max(1, Math.floor(maxChars / 2));
    let best = -1;
    let bestStrength = 0;
    let space = -1;
    for (let i = limit; i > floor; i--) {
      const strength = boundaryStrength(paragraph, i);
      if (strength > bestStrength) {
        best = i;
        bestStrength = strength;
        if (strength === 2) break;
      }
      if (space < 0 && paragraph.charCodeAt(i) === 32) space = i;
    }
    const cut = best > 0 ? best : space > 0 ? space : safeCut(paragraph, limit);
    const piece = paragraph.slice(start, cut).trim();
    if (piece) out.push(piece);
    start = cut;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
}

/** Documents of text: blank-line-separated paragraphs, long ones cut to at most maxChars. */
export function splitDocuments(text: string, options: { maxChars?: number } = {}): string[] {
  const maxChars = options.maxChars ?? DEFAULT_MAX_DOCUMENT_CHARS;
  if (!(maxChars >= 2)) throw new RangeError(`documents need maxChars >= 2, got ${maxChars}`);
  const out: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(BLANK_LINE)) {
    const trimmed = paragraph.trim();
    if (trimmed) cutParagraph(trimmed, maxChars, out);
  }
  return out;
}

export interface SplitOptions {
  seed: number;
  /** Share of the characters held out for evaluation (never trained on); default 0.1. */
  heldOutShare?: number;
  /** Share kept back as fresh real data for the fresh-data paradigm; default 0. */
  reserveShare?: number;
}

export interface CorpusSplit {
  /** Real text never used for training: held-out perplexity and divergences read it. */
  heldOut: string[];
  /** Real text the first generation's corpus starts from. */
  real: string[];
  /** Real text fed in later as fresh data (fresh-data paradigm). */
  reserve: string[];
}

/**
 * Splits documents by a seeded shuffle. Shares count characters, not documents, so a few long
 * documents cannot make a "10%" held-out set hold half the text. Each part keeps the documents'
 * original order (easier to read). Held-out and reserve get at least one document when their
 * share is positive; training keeps at least one, or this throws.
 */
export function splitCorpus(documents: readonly string[], options: SplitOptions): CorpusSplit {
  const heldOutShare = options.heldOutShare ?? 0.1;
  const reserveShare = options.reserveShare ?? 0;
  if (!(heldOutShare >= 0 && reserveShare >= 0 && heldOutShare + reserveShare < 1)) {
    throw new RangeError(
      `held-out (${heldOutShare}) and reserve (${reserveShare}) shares must be >= 0 and sum below 1`,
    );
  }
  const total = documents.reduce((sum, doc) => sum + doc.length, 0);
  const order = createRng(options.seed)
    .split('split-corpus')
    .shuffle(documents.map((_, i) => i));
  const part = new Uint8Array(documents.length); // 0 real, 1 held out, 2 reserve
  let next = 0;
  const take = (share: number, label: number): void => {
    if (share <= 0) return;
    let chars = 0;
    do {
      if (next >= order.length) break;
      const i = order[next++];
      part[i] = label;
      chars += documents[i].length;
    } while (chars < share * total);
  };
  take(heldOutShare, 1);
  take(reserveShare, 2);
  if (next >= order.length) {
    throw new RangeError(
      `${documents.length} document(s) are too few to hold out ${Math.round(heldOutShare * 100)}% and still train on something`,
    );
  }
  const split: CorpusSplit = { heldOut: [], real: [], reserve: [] };
  const parts = [split.real, split.heldOut, split.reserve];
  documents.forEach((doc, i) => parts[part[i]].push(doc));
  return split;
}
