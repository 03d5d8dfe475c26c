/**
 * The class as the filter: before a generation's text enters the corpus, the first few documents
 * of its stream are offered to the class, which keeps or discards each. The documents it keeps
 * enter first; the rest of the budget m is filled by the same rule as without the class, the
 * stream's next documents in order (the last one cut at the budget). A discarded document never
 * enters. The amount written stays m, so a run the class filtered differs from the unfiltered run
 * on the same seed only in which text enters, as with the quality filter (which the class
 * replaces while it chooses: one filter at a time, so the class sees what the model wrote).
 */
import { charCount } from '../corpus/corpus';
import { nonWordsOf } from '../metrics/real-words';
import type { SupportLookup } from '../metrics/tails';
import { takeBudget, type GeneratedDocument } from './generated-text';

/** Documents offered to the class each generation: as many as a class reads in a minute or two. */
export const OFFERED_DOCUMENTS = 6;

/** Discarded documents kept in the report, each at most this many characters. */
const RECORDED_DISCARD_CHARS = 600;

/** One document as the class sees it. */
export interface OfferedDocument {
  text: string;
  /** Words of it that occur nowhere in the real text (folded as the metrics fold them), sorted. */
  nonWords: string[];
}

/** What the loop asks the class. */
export interface ClassReviewRequest {
  generation: number;
  offered: OfferedDocument[];
  /** m: the characters this generation writes back, the class's choice first. */
  budget: number;
}

/**
 * Asks the class which of the offered documents enter; resolves with the indices it keeps. The
 * loop stops waiting (and the run ends as cancelled) when `signal` aborts.
 */
export type ClassReviewer = (request: ClassReviewRequest, signal: AbortSignal) => Promise<readonly number[]>;

/** What the class did in one generation: one element of a report's `classFilter`. */
export interface ClassFilterRecord {
  offered: number;
  kept: number;
  discarded: number;
  /** Characters of the kept documents that entered (the last one cut if they alone pass m). */
  keptChars: number;
  /** Characters of the model's next documents that filled the rest of m. */
  filledChars: number;
  /** The discarded documents, each cut to a few hundred characters. */
  discardedTexts: string[];
}

/** The offer: the stream's first OFFERED_DOCUMENTS documents, their made-up words marked. */
export function offerToClass(
  generation: number,
  documents: readonly GeneratedDocument[],
  budget: number,
  realWords: SupportLookup,
): ClassReviewRequest {
  const offered = documents.slice(0, OFFERED_DOCUMENTS).map((d) => ({
    text: d.text,
    nonWords: nonWordsOf([d.text], realWords),
  }));
  return { generation, offered, budget };
}

/** Waits for the class's answer, or throws the signal's reason when the run is cancelled meanwhile. */
export async function askTheClass(
  reviewer: ClassReviewer,
  request: ClassReviewRequest,
  signal: AbortSignal,
): Promise<number[]> {
  signal.throwIfAborted();
  let stopWaiting: () => void = () => {};
  const cancelled = new Promise<never>((_, reject) => {
    stopWaiting = () => reject(signal.reason);
    signal.addEventListener('abort', stopWaiting, { once: true });
  });
  try {
    const answer = await Promise.race([reviewer(request, signal), cancelled]);
    return keptIndices(answer, request.offered.length);
  } finally {
    signal.removeEventListener('abort', stopWaiting);
  }
}

/** The answer read strictly: whole indices of offered documents, each once, in the stream's order. */
export function keptIndices(answer: readonly number[], offered: number): number[] {
  const valid = answer.filter((i) => Number.isInteger(i) && i >= 0 && i < offered);
  return [...new Set(valid)].sort((a, b) => a - b);
}

/**
 * The text written back: the kept documents, then the stream's documents after the offered
 * ones, until exactly m characters (the last cut). `rest` is the stream after the offer.
 */
export function writtenWithClassChoice(
  offered: readonly GeneratedDocument[],
  rest: readonly GeneratedDocument[],
  kept: readonly number[],
  budget: number,
): { texts: string[]; cut: boolean; record: ClassFilterRecord } {
  const keptSet = new Set(kept);
  const keptDocuments = offered.filter((_, i) => keptSet.has(i));
  const written = takeBudget([...keptDocuments, ...rest], budget);
  const fromKept = Math.min(keptDocuments.length, written.texts.length);
  const keptChars = written.texts.slice(0, fromKept).reduce((n, t) => n + charCount(t), 0);
  return {
    texts: written.texts,
    cut: written.cut,
    record: {
      offered: offered.length,
      kept: keptDocuments.length,
      discarded: offered.length - keptDocuments.length,
      keptChars,
      filledChars: written.chars - keptChars,
      discardedTexts: offered
        .filter((_, i) => !keptSet.has(i))
        .map((d) => Array.from(d.text).slice(0, RECORDED_DISCARD_CHARS).join('')),
    },
  };
}

/** Said when a run asks for the class and nothing can ask one (the command line, a sweep). */
export const NO_CLASS_MESSAGE =
  'The class filter needs a class to choose: run it in the page (here there is no one to ask).';

export interface ClassChoiceInput {
  reviewer: ClassReviewer | undefined;
  signal: AbortSignal;
  generation: number;
  /** The generation's stream so far. */
  stream: { documents: readonly GeneratedDocument[]; exhausted: boolean };
  budget: number;
  realWords: SupportLookup;
  /** The stream's next documents, at least `chars` characters of them, after `documentsBefore`. */
  drawMore(documentsBefore: number, chars: number): Promise<{ documents: readonly GeneratedDocument[] }>;
}

/**
 * The class's choice among the stream's first documents, and the rest of m from the stream's
 * next ones (drawn further when what the class discarded leaves the stream short).
 */
export async function chooseWithClass(input: ClassChoiceInput) {
  const { reviewer, stream, budget } = input;
  if (!reviewer) throw new Error(NO_CLASS_MESSAGE);
  const request = offerToClass(input.generation, stream.documents, budget, input.realWords);
  const kept = await askTheClass(reviewer, request, input.signal);
  const offered = stream.documents.slice(0, request.offered.length);
  let rest = stream.documents.slice(offered.length);
  const have = [...kept.map((i) => offered[i]), ...rest].reduce((n, d) => n + d.chars, 0);
  if (have < budget && !stream.exhausted) {
    const more = await input.drawMore(stream.documents.length, budget - have);
    rest = [...rest, ...more.documents];
  }
  return writtenWithClassChoice(offered, rest, kept, budget);
}
