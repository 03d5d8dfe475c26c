/**
 * The evaluation sample: the first n characters (code points) of a stream of documents, the last
 * document cut at the budget. Estimates of divergences, tails and diversity from a finite sample
 * move with its size (a small sample misses more of the real support and shows more noise as
 * divergence), so every generation, and the real reference, is measured on the same number of
 * characters. The documents of a model's stream are independent draws in a random order, so a
 * prefix of it is as unbiased a sample as any other part.
 */

export interface CharPrefix {
  /** The documents, the last one possibly cut. */
  documents: string[];
  /** Characters (code points) in all: min(chars, what the stream holds). */
  chars: number;
  /** Whether the last document was cut (it went on past the budget). */
  cut: boolean;
}

/** The first `count` code points of `text`, and how many there were (fewer when the text is shorter). */
function headOf(text: string, count: number): { head: string; length: number } {
  let units = 0;
  let points = 0;
  while (units < text.length && points < count) {
    const code = text.charCodeAt(units);
    const pair = code >= 0xd800 && code <= 0xdbff && units + 1 < text.length;
    const next = pair ? text.charCodeAt(units + 1) : 0;
    units += pair && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    points++;
  }
  return { head: text.slice(0, units), length: points };
}

/**
 * The first `chars` characters of the documents, in order: whole documents while they fit, then
 * the head of the one that crosses the budget. Never splits a surrogate pair (an emoji is one
 * character). The i-th document out is (the head of) the i-th document in, so callers can pair
 * it with what they know of each document (its stop, its length).
 */
export function firstChars(documents: readonly string[], chars: number): CharPrefix {
  if (!(chars >= 0) || !Number.isFinite(chars))
    throw new RangeError(`a character budget must be a finite number >= 0, got ${chars}`);
  const budget = Math.floor(chars);
  const out: string[] = [];
  let taken = 0;
  for (const doc of documents) {
    if (taken >= budget) break;
    const { head, length } = headOf(doc, budget - taken);
    out.push(head);
    taken += length;
    if (head.length < doc.length) return { documents: out, chars: taken, cut: true };
  }
  return { documents: out, chars: taken, cut: false };
}
