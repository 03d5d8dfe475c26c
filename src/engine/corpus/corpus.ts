import type { Rng } from '../rng';

/** Who wrote a document: people, or the model of generation k. */
export type Origin = 'human' | number;

export interface CorpusDocument {
  readonly text: string;
  /** Length in characters (code points), the unit every budget here counts. */
  readonly chars: number;
  readonly origin: Origin;
  /**
   * Index of the D0 document this text is (part of), for human text of D0: a document cut in
   * two stays recognisable as the same real text (see drawTrainingSet's "never twice" rule).
   */
  readonly source?: number;
}

export const charCount = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** Documents of one origin; `numbered` gives each its index as `source` (D0's documents). */
export function makeDocuments(texts: readonly string[], origin: Origin, numbered = false): CorpusDocument[] {
  return texts.map((text, i) => ({
    text,
    chars: charCount(text),
    origin,
    ...(numbered ? { source: i } : {}),
  }));
}

export const totalChars = (docs: readonly CorpusDocument[]): number => docs.reduce((n, d) => n + d.chars, 0);

/** Characters [from, to) of a document (code points), keeping its origin and source. */
export function sliceDocument(doc: CorpusDocument, from: number, to: number): CorpusDocument {
  const start = Math.max(0, from);
  const end = Math.min(doc.chars, to);
  if (start === 0 && end === doc.chars) return doc;
  const text = Array.from(doc.text).slice(start, end).join('');
  return { ...doc, text, chars: Math.max(0, end - start) };
}

/**
 * Documents drawn without replacement, in random order, until exactly `chars` characters: the
 * last one drawn is cut to its first characters so that the budget is met exactly (a budget
 * of 10% means 10%, not "10% rounded up to the next whole document"). All of `docs` when they
 * hold less.
 */
export function drawChars(docs: readonly CorpusDocument[], chars: number, rng: Rng): CorpusDocument[] {
  const budget = Math.max(0, Math.round(chars));
  const order = rng.shuffle(docs.map((_, i) => i));
  const out: CorpusDocument[] = [];
  let taken = 0;
  for (const i of order) {
    if (taken >= budget) break;
    const doc = docs[i];
    const room = budget - taken;
    out.push(doc.chars <= room ? doc : sliceDocument(doc, 0, room));
    taken += Math.min(doc.chars, room);
  }
  return out;
}

/**
 * The in-memory corpus (think: the Web), every document tagged with its origin, so the share
 * of human text can be followed generation by generation.
 */
export class Corpus {
  private docs: CorpusDocument[];

  constructor(initial: readonly CorpusDocument[]) {
    this.docs = [...initial];
  }

  get documents(): readonly CorpusDocument[] {
    return this.docs;
  }

  get chars(): number {
    return totalChars(this.docs);
  }

  add(docs: readonly CorpusDocument[]): void {
    this.docs.push(...docs);
  }

  /**
   * Removes exactly `count` characters, a uniform random share of the corpus: the documents
   * are laid end to end in random order on a circle and an arc of `count` characters starting
   * at a uniform random position is cut out (the documents it ends in are cut, their other
   * parts stay). Every character leaves with the same probability count / |C|, whatever its
   * origin or the size of its document, so after n rounds of replace the human share is
   * (1 - lambda)^n in expectation, with the noise of a real random removal. Whole-document
   * removal would not do: it either overshoots or, stopping early, never removes a group
   * that is down to one large document; surviving documents keep their order.
   */
  removeChars(count: number, rng: Rng): void {
    const total = this.chars;
    const remove = Math.max(0, Math.round(count));
    if (remove === 0) return;
    if (remove >= total) {
      this.docs = [];
      return;
    }
    const order = rng.shuffle(this.docs.map((_, i) => i));
    const start = rng.int(total);
    // The arc [start, start + remove) on a circle of length `total`, as one or two intervals.
    // Sorted by position, as the walk below needs.
    const arcs: [number, number][] =
      start + remove <= total
        ? [[start, start + remove]]
        : [
            [0, start + remove - total],
            [start, total],
          ];
    const kept: CorpusDocument[][] = this.docs.map(() => []);
    let at = 0;
    for (const i of order) {
      const doc = this.docs[i];
      const from = at;
      const to = at + doc.chars;
      at = to;
      // The parts of [from, to) outside every arc survive, as pieces of the same text.
      let cursor = from;
      for (const [a, b] of arcs) {
        if (b <= from || a >= to) continue;
        if (a > cursor) kept[i].push(sliceDocument(doc, cursor - from, a - from));
        cursor = Math.max(cursor, b);
      }
      if (cursor < to) kept[i].push(sliceDocument(doc, cursor - from, to - from));
    }
    this.docs = kept.flat().filter((d) => d.chars > 0);
  }

  /** Removes a share of the corpus (removeChars of share * |C| characters). */
  removeShare(share: number, rng: Rng): void {
    this.removeChars(Math.min(1, Math.max(0, share)) * this.chars, rng);
  }

  /** Characters by origin: human first, then generations in order. */
  provenance(): { origin: Origin; chars: number }[] {
    const counts = new Map<Origin, number>();
    for (const d of this.docs) counts.set(d.origin, (counts.get(d.origin) ?? 0) + d.chars);
    return [...counts.entries()]
      .map(([origin, chars]) => ({ origin, chars }))
      .sort((a, b) =>
        a.origin === 'human' ? -1 : b.origin === 'human' ? 1 : (a.origin as number) - (b.origin as number),
      );
  }

  humanShare(): number {
    const total = this.chars;
    if (total === 0) return 0;
    return this.docs.reduce((n, d) => n + (d.origin === 'human' ? d.chars : 0), 0) / total;
  }
}
