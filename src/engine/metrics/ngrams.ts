/**
 * N-gram counting over documents, the raw material of every sample-based metric.
 *
 * Boundary convention (binding for all metrics in this folder): n-grams are counted only
 * *inside* a document: no n-gram spans two documents and no start/end symbol is added, so a
 * document shorter than n contributes nothing. Reason: generated samples and held-out text are
 * cut into documents differently (EOD, length cap, paragraphs); counting across or around the
 * cuts would measure the cutting, not the text.
 *
 * Characters are Unicode code points (what Array.from yields), matching the vocabulary, so an
 * emoji is one symbol, never two surrogate halves.
 */

/** Counts of n-grams keyed by their text, with the total number of occurrences. */
export interface NgramCounts {
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

/** Separator between words in a word n-gram key; words never contain a space. */
export const WORD_SEPARATOR = ' ';

const SURROGATE = /[\uD800-\uDFFF]/;

/** Builds NgramCounts from a key stream (total = number of keys added). */
export class NgramCounter {
  private readonly map = new Map<string, number>();
  private count = 0;

  add(key: string): void {
    this.map.set(key, (this.map.get(key) ?? 0) + 1);
    this.count++;
  }

  result(): NgramCounts {
    return { counts: this.map, total: this.count };
  }
}

function checkOrder(n: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`n-gram order must be a positive integer, got ${n}`);
}

/**
 * Character n-gram counts for several orders in one pass over the documents.
 * Returns a Map from order to counts, in the order asked for.
 */
export function countCharNgramsByOrder(
  documents: readonly string[],
  orders: readonly number[],
): Map<number, NgramCounts> {
  orders.forEach(checkOrder);
  const counters = orders.map(() => new NgramCounter());
  for (const doc of documents) {
    if (!SURROGATE.test(doc)) {
      // Fast path: without surrogates, UTF-16 units are code points and substring is exact.
      for (let k = 0; k < orders.length; k++) {
        const n = orders[k];
        const counter = counters[k];
        for (let i = 0; i + n <= doc.length; i++) counter.add(doc.substring(i, i + n));
      }
    } else {
      const chars = Array.from(doc);
      for (let k = 0; k < orders.length; k++) {
        const n = orders[k];
        const counter = counters[k];
        for (let i = 0; i + n <= chars.length; i++) counter.add(chars.slice(i, i + n).join(''));
      }
    }
  }
  const out = new Map<number, NgramCounts>();
  orders.forEach((n, k) => out.set(n, counters[k].result()));
  return out;
}

/** Character n-gram counts of order n (n-grams inside documents only). */
export function countCharNgrams(documents: readonly string[], n: number): NgramCounts {
  return countCharNgramsByOrder(documents, [n]).get(n) as NgramCounts;
}

// A word: letters (with combining marks) and apostrophes, e.g. "don't", "café".
const WORD = /[\p{L}\p{M}'\u2019]+/gu;
const LEADING_APOSTROPHES = /^['\u2019]+/;
const TRAILING_APOSTROPHES = /['\u2019]+$/;

/** One word of a text: where it stands (UTF-16 offsets, end exclusive) and its folded form. */
export interface WordSpan {
  start: number;
  end: number;
  /** The word as tokenizeWords gives it: lowercased, "'" for a typographic apostrophe. */
  word: string;
}

/**
 * The words of a text with their places, so a view can mark words in the text as written.
 * Matching runs on the text as written and each word is folded after, so offsets are the
 * text's own (lowercasing first could change the length of a string, e.g. "İ").
 */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const lead = LEADING_APOSTROPHES.exec(raw)?.[0].length ?? 0;
    const trail = TRAILING_APOSTROPHES.exec(raw)?.[0].length ?? 0;
    if (lead + trail >= raw.length) continue; // apostrophes alone are quote marks, not a word
    const start = (match.index ?? 0) + lead;
    const end = (match.index ?? 0) + raw.length - trail;
    spans.push({
      start,
      end,
      word: text
        .slice(start, end)
        .toLowerCase()
        .replace(/\u2019/g, "'"),
    });
  }
  return spans;
}

/**
 * Words of a text: lowercased maximal runs of letters and apostrophes. Apostrophes at a word's
 * edges are quotes, not part of the word, and are stripped ("'hello'" -> "hello"); a typographic
 * apostrophe (U+2019) is normalised to "'" so both spellings of "don't" are one word.
 * Digits, punctuation and whitespace separate words.
 */
export function tokenizeWords(text: string): string[] {
  return wordSpans(text).map((s) => s.word);
}

/** Word n-gram counts (keys are words joined by WORD_SEPARATOR), inside documents only. */
export function countWordNgrams(documents: readonly string[], n: number): NgramCounts {
  checkOrder(n);
  const counter = new NgramCounter();
  for (const doc of documents) {
    const words = tokenizeWords(doc);
    for (let i = 0; i + n <= words.length; i++) {
      counter.add(n === 1 ? words[i] : words.slice(i, i + n).join(WORD_SEPARATOR));
    }
  }
  return counter.result();
}

/** Probability of each n-gram (count / total); empty when there are no n-grams. */
export function toProbabilities(table: NgramCounts): Map<string, number> {
  const p = new Map<string, number>();
  if (table.total === 0) return p;
  for (const [key, c] of table.counts) p.set(key, c / table.total);
  return p;
}

/** NgramCounts from a plain probability or count table (handy for tests and exact laws). */
export function ngramCountsFrom(
  entries: Record<string, number> | Iterable<readonly [string, number]>,
): NgramCounts {
  const pairs =
    Symbol.iterator in entries
      ? [...(entries as Iterable<readonly [string, number]>)]
      : Object.entries(entries);
  const counts = new Map<string, number>();
  let total = 0;
  for (const [key, value] of pairs) {
    if (!(value >= 0) || !Number.isFinite(value))
      throw new RangeError(`weight of "${key}" must be finite and >= 0`);
    if (value === 0) continue;
    counts.set(key, (counts.get(key) ?? 0) + value);
    total += value;
  }
  return { counts, total };
}
