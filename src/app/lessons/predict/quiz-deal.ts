/**
 * "Which text is generation 0?": three texts, one written by generation 0, one by a later
 * generation and one real held-out text, dealt face down as A, B and C in a random order, and
 * the class's answer checked against the key. Pure (the random source is a parameter): tested
 * in Node.
 */
import { wordSpans } from '../../../engine/metrics/ngrams';
import { truncate } from '../../samples/sample-view';

export type QuizSourceKind = 'generation-0' | 'later' | 'real';
export const CARD_LETTERS = ['A', 'B', 'C'] as const;
export type CardLetter = (typeof CARD_LETTERS)[number];

/** Characters shown per card: the same cut for all, so length gives nothing away. */
export const QUIZ_CHARS = 260;
/** Documents shorter than this are passed over while longer ones exist (an early end mark is a tell). */
const MIN_CHARS = 80;

/** Where a card's text can come from: a generation's documents, or real ones. */
export interface QuizPool {
  kind: QuizSourceKind;
  /** The generation that wrote it; null for real text. */
  generation: number | null;
  documents: readonly string[];
  /**
   * Words of these documents no real text holds (the run's sampleNonWords); an empty set for
   * real held-out text, whose words are real by definition; null when the run did not record them.
   */
  nonWords: ReadonlySet<string> | null;
}

export interface QuizCard {
  letter: CardLetter;
  kind: QuizSourceKind;
  generation: number | null;
  text: string;
  nonWords: ReadonlySet<string> | null;
}

export interface QuizDeal {
  cards: QuizCard[];
  /** The letters of generation 0's text and of the real text. */
  key: { generationZero: CardLetter; real: CardLetter };
}

/** A uniform random index below n, from a source of uniform numbers in [0, 1). */
const below = (n: number, random: () => number): number => Math.min(n - 1, Math.floor(random() * n));

/** Fisher-Yates: every order equally likely given a uniform source. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(i + 1, random);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** One document of the pool, at random among the long enough ones, cut to QUIZ_CHARS; null if none has text. */
function pickText(documents: readonly string[], random: () => number): string | null {
  const withText = documents.filter((d) => d.trim().length > 0);
  if (withText.length === 0) return null;
  const long = withText.filter((d) => Array.from(d).length >= MIN_CHARS);
  const pool = long.length > 0 ? long : withText;
  return truncate(pool[below(pool.length, random)].trim(), QUIZ_CHARS).text;
}

/**
 * Deals one text from each pool (generation 0, the later generation, real text) onto shuffled
 * letters. Null when a pool has no text (a run whose model wrote only empty documents).
 */
export function dealQuiz(
  pools: readonly [QuizPool, QuizPool, QuizPool],
  random: () => number,
): QuizDeal | null {
  const texts = pools.map((pool) => pickText(pool.documents, random));
  if (texts.some((t) => t === null)) return null;
  const order = shuffled([0, 1, 2], random);
  const cards = order.map((poolIndex, i) => ({
    letter: CARD_LETTERS[i],
    kind: pools[poolIndex].kind,
    generation: pools[poolIndex].generation,
    text: texts[poolIndex] as string,
    nonWords: pools[poolIndex].nonWords,
  }));
  const letterOf = (kind: QuizSourceKind): CardLetter => cards.find((c) => c.kind === kind)?.letter ?? 'A';
  return { cards, key: { generationZero: letterOf('generation-0'), real: letterOf('real') } };
}

export interface QuizVerdict {
  generationZeroRight: boolean;
  /** null when the class did not say which text is real. */
  realRight: boolean | null;
  words: string;
}

/** The class's picks checked against the key, in words to read out. */
export function checkQuiz(
  deal: QuizDeal,
  picks: { generationZero: CardLetter; real: CardLetter | null },
): QuizVerdict {
  const generationZeroRight = picks.generationZero === deal.key.generationZero;
  const realRight = picks.real === null ? null : picks.real === deal.key.real;
  const first = generationZeroRight
    ? `Right: ${deal.key.generationZero} is generation 0.`
    : `Wrong: you picked ${picks.generationZero}, but generation 0 wrote ${deal.key.generationZero}.`;
  const second =
    realRight === null
      ? `The real text was ${deal.key.real}.`
      : realRight
        ? `And right again: ${deal.key.real} is the real text.`
        : `The real text was ${deal.key.real}, not ${picks.real}.`;
  return { generationZeroRight, realRight, words: `${first} ${second}` };
}

/**
 * The share of a text's word tokens (as the metrics find them) that are real words: not in
 * `nonWords`. Null when the text has no words or the non-words were not recorded.
 */
export function textRealWordShare(text: string, nonWords: ReadonlySet<string> | null): number | null {
  if (nonWords === null) return null;
  const words = wordSpans(text);
  if (words.length === 0) return null;
  return words.filter((w) => !nonWords.has(w.word)).length / words.length;
}
