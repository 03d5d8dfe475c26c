/**
 * What the list of words that died shows, as of one generation: every real word's last written
 * generation (from the engine's word census, metrics/word-census.ts), the rarest first, with how
 * many are gone in all and in each band of real frequency. A large vocabulary is shown as its most
 * frequent words and an even sample of the others, and says so: a class reads tens of rows, not
 * thousands. Pure.
 */
import { lastWritten, type WordFates } from '../../../engine/metrics/word-census';

/** Up to this many real words, the list shows them all. */
export const FULL_LIST_LIMIT = 80;
/** Past it: the most frequent words, and an even sample of the others. */
export const FREQUENT_SHOWN = 20;
export const OTHERS_SHOWN = 60;

export interface WordRow {
  word: string;
  /** Times it occurs in the held-out real text the run measures against. */
  realCount: number;
  /** The last generation that wrote it; 'still' if the generation shown did; 'never' if none did. */
  lastWritten: number | 'still' | 'never';
}

/** Real words that occur a given number of times (from min to max) in the real text. */
export interface FrequencyBand {
  label: string;
  min: number;
  max: number;
  words: number;
  /** Of them, not written by the generation shown. */
  gone: number;
  /** Of those, never written by any generation up to it. */
  never: number;
}

export interface WordListView {
  /** The generation the list is as of. */
  asOf: number;
  firstGeneration: number;
  /** Real words in all, and how many of them the generation shown did not write. */
  realWords: number;
  gone: number;
  bands: FrequencyBand[];
  /** The rows shown, rarest first (ties: lost earliest first, then still written, then never written). */
  rows: WordRow[];
  /** Set when only part of the vocabulary is listed. */
  sampled: { frequent: number; others: number; othersShown: number } | null;
}

const BANDS: readonly Omit<FrequencyBand, 'words' | 'gone' | 'never'>[] = [
  { label: 'once', min: 1, max: 1 },
  { label: 'twice', min: 2, max: 2 },
  { label: '3 or 4 times', min: 3, max: 4 },
  { label: '5 to 9 times', min: 5, max: 9 },
  { label: '10 to 99 times', min: 10, max: 99 },
  { label: '100 times or more', min: 100, max: Infinity },
];

/**
 * Sort key of a row's fate among words equally frequent: written then lost first (the earliest
 * loss first), then still written, then never written, so the rows a class came for, words the
 * models once wrote and lost, lead the list rather than sink under those never written.
 */
const fateOrder = (w: WordRow['lastWritten']): number =>
  w === 'still' ? Number.MAX_SAFE_INTEGER - 1 : w === 'never' ? Number.MAX_SAFE_INTEGER : w;

const rarestFirst = (a: WordRow, b: WordRow): number =>
  a.realCount - b.realCount ||
  fateOrder(a.lastWritten) - fateOrder(b.lastWritten) ||
  (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);

/** `count` items spread evenly over `items` (the first and the last included), in order. */
export function evenSample<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  if (count <= 0) return [];
  if (count === 1) return [items[0]];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]);
}

export function wordListView(fates: WordFates): WordListView {
  // fates.words is most frequent first.
  const all: WordRow[] = fates.words.map((f) => ({
    word: f.word,
    realCount: f.realCount,
    lastWritten: lastWritten(f, fates.firstGeneration),
  }));
  const isGone = (r: WordRow) => r.lastWritten !== 'still';
  const bands = BANDS.map((b) => {
    const inBand = all.filter((r) => r.realCount >= b.min && r.realCount <= b.max);
    return {
      ...b,
      words: inBand.length,
      gone: inBand.filter(isGone).length,
      never: inBand.filter((r) => r.lastWritten === 'never').length,
    };
  }).filter((b) => b.words > 0);
  let shown = all;
  let sampled: WordListView['sampled'] = null;
  if (all.length > FULL_LIST_LIMIT) {
    const others = all.slice(FREQUENT_SHOWN).sort(rarestFirst);
    shown = [...all.slice(0, FREQUENT_SHOWN), ...evenSample(others, OTHERS_SHOWN)];
    sampled = { frequent: FREQUENT_SHOWN, others: others.length, othersShown: OTHERS_SHOWN };
  }
  return {
    asOf: fates.asOf,
    firstGeneration: fates.firstGeneration,
    realWords: all.length,
    gone: all.filter(isGone).length,
    bands,
    rows: [...shown].sort(rarestFirst),
    sampled,
  };
}

/** The row's last-written cell in words. */
export function lastWrittenText(w: WordRow['lastWritten']): string {
  if (w === 'still') return 'still written';
  if (w === 'never') return 'never written';
  return `generation ${w}`;
}
