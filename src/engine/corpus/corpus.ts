import type { Rng } from '../rng';

/** Who wrote a document: people, or the model of generation k. */
export type Origin = 'human' | number;

export interface CorpusDocument {
  readonly text: string;
  /** Length in characters (code points), the unit every budget here counts. */
  readonly chars: number;
  readonly origin: Origin;
}

export const charCount = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

export function makeDocuments(texts: readonly string[], origin: Origin): CorpusDocument[] {
  return texts.map((text) => ({ text, chars: charCount(text), origin }));
}

export const totalChars = (docs: readonly CorpusDocument[]): number => docs.reduce((n, d) => n + d.chars, 0);

/** Documents drawn without replacement, in random order, until at least `chars` characters. */
export function sampleByChars(docs: readonly CorpusDocument[], chars: number, rng: Rng): CorpusDocument[] {
  const order = rng.shuffle(docs.map((_, i) => i));
  const out: CorpusDocument[] = [];
  let taken = 0;
  for (const i of order) {
    if (taken >= chars) break;
    out.push(docs[i]);
    taken += docs[i].chars;
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
   * Removes a share of the corpus, the same share of every origin (documents chosen at random
   * within each origin), so old text is swapped out in proportion: after n rounds the human
   * share is (1 - share)^n up to document granularity, as in the replace paradigm's formula.
   */
  removeShare(share: number, rng: Rng): void {
    if (share >= 1) {
      this.docs = [];
      return;
    }
    const byOrigin = new Map<Origin, number[]>();
    this.docs.forEach((d, i) => {
      const list = byOrigin.get(d.origin) ?? [];
      list.push(i);
      byOrigin.set(d.origin, list);
    });
    const removed = new Set<number>();
    for (const indices of byOrigin.values()) {
      const target = share * indices.reduce((n, i) => n + this.docs[i].chars, 0);
      let taken = 0;
      for (const i of rng.shuffle(indices)) {
        // Stop at the document that lands closest to the target, not always past it.
        if (taken + this.docs[i].chars / 2 > target) break;
        removed.add(i);
        taken += this.docs[i].chars;
      }
    }
    this.docs = this.docs.filter((_, i) => !removed.has(i));
  }

  /** Characters by origin: human first, then generations in order. */
  provenance(): { origin: Origin; chars: number }[] {
    const counts = new Map<Origin, number>();
    for (const d of this.docs) counts.set(d.origin, (counts.get(d.origin) ?? 0) + d.chars);
    return [...counts.entries()]
      .map(([origin, chars]) => ({ origin, chars }))
      .sort((a, b) => (a.origin === 'human' ? -1 : b.origin === 'human' ? 1 : (a.origin as number) - (b.origin as number)));
  }

  humanShare(): number {
    const total = this.chars;
    if (total === 0) return 0;
    return this.docs.reduce((n, d) => n + (d.origin === 'human' ? d.chars : 0), 0) / total;
  }
}
