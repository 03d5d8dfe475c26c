/**
 * Character vocabulary. Index 0 is the end-of-document symbol (EOD): it ends every document
 * and, placed first in a context, also means "start of a document" (GPT-2's <|endoftext|>
 * convention), so one reserved symbol lets models learn both to start and to stop.
 * Index 1 is the unknown symbol, for characters beyond the cap.
 */
export const EOD = 0;
export const UNK = 1;
export const EOD_LABEL = '⏎';
export const UNK_LABEL = '\uFFFD';
/** Default cap: printable ASCII plus a little room, as in char-level GPT demos. */
export const DEFAULT_MAX_SYMBOLS = 128;

export interface Vocabulary {
  /** symbols[i] is the character for id i; symbols[EOD] and symbols[UNK] are labels only. */
  readonly symbols: readonly string[];
  readonly size: number;
  /** Ids of the characters of text (EOD not appended); unknown characters map to UNK. */
  encode(text: string): Int32Array;
  /** Text of ids; EOD and UNK render as their labels unless dropped. */
  decode(ids: ArrayLike<number>, options?: { dropSpecial?: boolean }): string;
  /** How many characters of text would map to UNK. */
  countUnknown(text: string): number;
}

class CharVocabulary implements Vocabulary {
  private readonly index = new Map<string, number>();

  constructor(readonly symbols: readonly string[]) {
    if (symbols[EOD] !== EOD_LABEL || symbols[UNK] !== UNK_LABEL) {
      throw new Error('vocabulary must start with the EOD and UNK symbols');
    }
    symbols.forEach((s, i) => {
      if (i > UNK) this.index.set(s, i);
    });
  }

  get size(): number {
    return this.symbols.length;
  }

  encode(text: string): Int32Array {
    const chars = Array.from(text); // code points, so emoji are one symbol, not two halves
    const ids = new Int32Array(chars.length);
    for (let i = 0; i < chars.length; i++) ids[i] = this.index.get(chars[i]) ?? UNK;
    return ids;
  }

  decode(ids: ArrayLike<number>, options: { dropSpecial?: boolean } = {}): string {
    let out = '';
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (options.dropSpecial && (id === EOD || id === UNK)) continue;
      out += this.symbols[id] ?? UNK_LABEL;
    }
    return out;
  }

  countUnknown(text: string): number {
    let n = 0;
    for (const ch of text) if (!this.index.has(ch)) n++;
    return n;
  }
}

/**
 * Builds the vocabulary of a set of documents: the most frequent characters first (ties by
 * code point, so it is deterministic), at most maxSymbols symbols in all including EOD and UNK.
 */
export function buildVocabulary(documents: readonly string[], maxSymbols = DEFAULT_MAX_SYMBOLS): Vocabulary {
  if (maxSymbols < 3) throw new RangeError('a vocabulary needs room for EOD, UNK and one character');
  const counts = new Map<string, number>();
  for (const doc of documents) for (const ch of doc) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  counts.delete(EOD_LABEL);
  counts.delete(UNK_LABEL);
  const chars = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxSymbols - 2)
    .map(([ch]) => ch)
    .sort(); // stable, readable order of ids
  return new CharVocabulary([EOD_LABEL, UNK_LABEL, ...chars]);
}

/** Rebuilds a vocabulary saved as its symbol list (run.json, worker messages). */
export function vocabularyFromSymbols(symbols: readonly string[]): Vocabulary {
  return new CharVocabulary(symbols);
}
