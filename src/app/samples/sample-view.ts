/**
 * What the samples view shows, worked out from the run by pure functions (tested in Node): which
 * generations have text to show, which one is selected, and the same-prompt rows.
 */
import type { PromptSample } from '../../engine/loop/report';
import type { LiveRun } from '../store/live-run';

export interface GenerationText {
  generation: number;
  samples: string[];
  promptSamples: PromptSample[];
  /** Samples of the generation under way: its report (metrics) has not arrived yet. */
  pending: boolean;
}

/** Finished generations, then the one under way if its samples are in, in generation order. */
export function generationTexts(run: Pick<LiveRun, 'generations' | 'pendingSamples'>): GenerationText[] {
  const out: GenerationText[] = run.generations.map((g) => ({
    generation: g.generation,
    samples: g.samples,
    promptSamples: g.promptSamples,
    pending: false,
  }));
  const p = run.pendingSamples;
  if (p && !out.some((g) => g.generation === p.generation)) {
    out.push({ generation: p.generation, samples: p.samples, promptSamples: p.promptSamples, pending: true });
  }
  return out;
}

/**
 * The generation on show: the one the user picked if it has text, else the latest. null while
 * no generation has text yet.
 */
export function shownGeneration(texts: readonly GenerationText[], selected: number | null): GenerationText | null {
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
export function generationsToList(texts: readonly GenerationText[], shown: number | null, limit = 12): GenerationText[] {
  if (texts.length <= limit) return [...texts];
  const keep = new Set<number>([0, texts.length - 1]);
  const shownIndex = texts.findIndex((g) => g.generation === shown);
  if (shownIndex >= 0) keep.add(shownIndex);
  const slots = limit - keep.size;
  for (let i = 1; i <= slots; i++) keep.add(Math.round((i * (texts.length - 1)) / (slots + 1)));
  return [...keep].sort((a, b) => a - b).map((i) => texts[i]);
}

/** How the real document went on after a prompt (prompts are the starts of held-out documents). */
export function realContinuation(prompt: string, realSamples: readonly string[], maxChars: number): string | null {
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
