/**
 * What the samples view shows, worked out from the run by pure functions (tested in Node): which
 * generations have text to show, which one is selected, the same-prompt rows, and which words
 * of a text to mark as never written in the real text.
 */
import { wordSpans } from '../../engine/metrics/ngrams';
import type { PromptSample } from '../../engine/record';
import type { LiveRun } from '../store/live-run';

export interface GenerationText {
  generation: number;
  samples: string[];
  promptSamples: PromptSample[];
  /**
   * Words of these texts that occur nowhere in the real text, as the run measured them; null
   * while the generation is being measured, or for a run recorded before they were listed.
   */
  nonWords: ReadonlySet<string> | null;
  /** Samples of the generation under way: its report (metrics) has not arrived yet. */
  pending: boolean;
}

/** Finished generations, then the one under way if its samples are in, in generation order. */
export function generationTexts(run: Pick<LiveRun, 'generations' | 'pendingSamples'>): GenerationText[] {
  const out: GenerationText[] = run.generations.map((g) => ({
    generation: g.generation,
    samples: g.samples,
    promptSamples: g.promptSamples,
    // A run kept before non-words were listed has no field at all.
    nonWords: g.sampleNonWords ? new Set(g.sampleNonWords) : null,
    pending: false,
  }));
  const p = run.pendingSamples;
  if (p && !out.some((g) => g.generation === p.generation)) {
    out.push({
      generation: p.generation,
      samples: p.samples,
      promptSamples: p.promptSamples,
      nonWords: null,
      pending: true,
    });
  }
  return out;
}

/**
 * The generation on show: the one the user picked if it has text, else the latest. null while
 * no generation has text yet.
 */
export function shownGeneration(
  texts: readonly GenerationText[],
  selected: number | null,
): GenerationText | null {
  if (texts.length === 0) return null;
  if (selected !== null) {
    const picked = texts.find((g) => g.generation === selected);
    if (picked) return picked;
  }
  return texts[texts.length - 1];
}

/**
 * The generations listed under each prompt. Every one while there are few; past `limit`, an
 * even spread that always keeps the first, the shown one and the latest, so a long run still
 * reads from healthy to collapsed in a screenful.
 */
export function generationsToList(
  texts: readonly GenerationText[],
  shown: number | null,
  limit = 12,
): GenerationText[] {
  if (texts.length <= limit) return [...texts];
  const keep = new Set<number>([0, texts.length - 1]);
  const shownIndex = texts.findIndex((g) => g.generation === shown);
  if (shownIndex >= 0) keep.add(shownIndex);
  const slots = limit - keep.size;
  for (let i = 1; i <= slots; i++) keep.add(Math.round((i * (texts.length - 1)) / (slots + 1)));
  return [...keep].sort((a, b) => a - b).map((i) => texts[i]);
}

/** How the real document went on after a prompt (prompts are the starts of held-out documents). */
export function realContinuation(
  prompt: string,
  realSamples: readonly string[],
  maxChars: number,
): string | null {
  const doc = realSamples.find((d) => d.startsWith(prompt));
  if (doc === undefined) return null;
  return Array.from(doc.slice(prompt.length)).slice(0, maxChars).join('');
}

export interface Truncated {
  text: string;
  cut: boolean;
}

/** The first `maxChars` characters (whole code points), cut back to a word end where one is near. */
export function truncate(text: string, maxChars: number): Truncated {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return { text, cut: false };
  const head = chars.slice(0, maxChars).join('');
  const space = head.lastIndexOf(' ');
  return { text: space > maxChars * 0.7 ? head.slice(0, space) : head, cut: true };
}

/** A stretch of text, and whether it is a word the real text never holds. */
export interface TextPiece {
  text: string;
  nonWord: boolean;
}

/**
 * The text cut into plain stretches and non-words (words, found as the metrics find them, whose
 * folded form is in `nonWords`), in order; joined, the pieces are the text. Without a list the
 * text is one plain piece.
 */
export function markNonWords(text: string, nonWords: ReadonlySet<string> | null): TextPiece[] {
  if (nonWords === null || nonWords.size === 0) return text.length > 0 ? [{ text, nonWord: false }] : [];
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of wordSpans(text)) {
    if (!nonWords.has(span.word)) continue;
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), nonWord: false });
    pieces.push({ text: text.slice(span.start, span.end), nonWord: true });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), nonWord: false });
  return pieces;
}
