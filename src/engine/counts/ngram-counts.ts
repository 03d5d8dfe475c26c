/**
 * Count tables of an n-gram model, one per context length. Contexts are hashed to integers
 * exactly: the last j symbols read as a base-V number (EOD = 0, so the all-EOD start-of-document
 * padding is context 0). An event (context, next symbol) is the key context*V + symbol.
 *
 * A table is built by writing every event key of the sample into one typed array, sorting it
 * and run-length encoding it: O(T log T) with no per-event allocation and no hash map, and the
 * result is sparse (only seen events are stored), so order 4 over ~100 symbols stays small.
 * Sorting also leaves each context's events sorted by symbol, so one probability is a binary
 * search, not a scan over the vocabulary.
 */
import { EOD } from '../text/vocabulary';

export interface CountTable {
  /** Context length j of this table. */
  readonly contextLength: number;
  /** Sorted unique context keys. */
  readonly contextKeys: Float64Array;
  /** Events of context c are eventSymbols[contextStart[c] .. contextStart[c + 1]). */
  readonly contextStart: Int32Array;
  /** Number of events (tokens) seen after context c. */
  readonly contextTotal: Float64Array;
  readonly eventSymbols: Int32Array;
  readonly eventCounts: Float64Array;
}

/** Events of a document list: every symbol, then the EOD that ends each one. */
export function countEvents(documents: readonly Int32Array[]): number {
  let total = 0;
  for (const doc of documents) total += doc.length + 1;
  return total;
}

export function buildCountTable(
  documents: readonly Int32Array[],
  contextLength: number,
  vocabularySize: number,
): CountTable {
  const v = vocabularySize;
  const contextSpace = v ** contextLength;
  const eventTotal = countEvents(documents);
  // 32-bit keys sort several times faster than doubles; fall back only for huge key spaces.
  const keys = contextSpace * v <= 0xffffffff ? new Uint32Array(eventTotal) : new Float64Array(eventTotal);
  let at = 0;
  for (const doc of documents) {
    let context = EOD; // start-of-document padding: all EOD, key 0
    for (let i = 0; i <= doc.length; i++) {
      const symbol = i < doc.length ? doc[i] : EOD;
      if (!(symbol >= 0 && symbol < v) || !Number.isInteger(symbol)) {
        throw new RangeError(`symbol id ${symbol} is outside the vocabulary [0, ${v})`);
      }
      const event = context * v + symbol;
      keys[at++] = event;
      context = event % contextSpace;
    }
  }
  keys.sort();
  return runLengthEncode(keys, contextLength, v);
}

function runLengthEncode(keys: Uint32Array | Float64Array, contextLength: number, v: number): CountTable {
  // First pass: sizes, so the output arrays are allocated once.
  let events = 0;
  let contexts = 0;
  let lastKey = -1;
  let lastContext = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === lastKey) continue;
    events++;
    lastKey = key;
    const context = Math.floor(key / v);
    if (context !== lastContext) {
      contexts++;
      lastContext = context;
    }
  }
  const contextKeys = new Float64Array(contexts);
  const contextStart = new Int32Array(contexts + 1);
  const contextTotal = new Float64Array(contexts);
  const eventSymbols = new Int32Array(events);
  const eventCounts = new Float64Array(events);
  let e = -1;
  let c = -1;
  lastKey = -1;
  lastContext = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const context = Math.floor(key / v);
    if (context !== lastContext) {
      c++;
      contextKeys[c] = context;
      contextStart[c] = e + 1;
      lastContext = context;
    }
    if (key !== lastKey) {
      e++;
      eventSymbols[e] = key - context * v;
      lastKey = key;
    }
    eventCounts[e]++;
    contextTotal[c]++;
  }
  contextStart[contexts] = events;
  return { contextLength, contextKeys, contextStart, contextTotal, eventSymbols, eventCounts };
}

/** Index of a context key in the table, or -1 if it was never seen. */
export function findContext(table: CountTable, key: number): number {
  const keys = table.contextKeys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Count of symbol after the context at index c (binary search in its sorted events). */
export function eventCount(table: CountTable, c: number, symbol: number): number {
  let lo = table.contextStart[c];
  let hi = table.contextStart[c + 1] - 1;
  const symbols = table.eventSymbols;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = symbols[mid];
    if (s === symbol) return table.eventCounts[mid];
    if (s < symbol) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
