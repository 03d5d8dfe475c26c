/**
 * tiny-tales: the default corpus. Short children's stories from a seeded probabilistic grammar,
 * in the spirit of TinyStories (Eldan & Li 2023), the corpus Gerstgrasser et al. used for their
 * collapse experiments. Real enough that a reader sees broken English when a model collapses,
 * small enough (a few dozen characters, a few hundred words) that a tiny char-level model learns it.
 *
 * Grammar: tiny-tales-grammar/templates.ts (sentences), tiny-tales-grammar/lexicon.ts (words), tiny-tales-grammar/story.ts
 * (assembly).
 */
import { createRng } from '../rng';
import { tellStory } from './tiny-tales-grammar/story';

/** Default corpus size: enough text that 10% held out is still a fair test set. */
export const TINY_TALES_DEFAULT_CHARS = 500_000;
/** Each story is one document of this many characters (stories outside are redrawn). */
export const TINY_TALES_MIN_STORY_CHARS = 150;
export const TINY_TALES_MAX_STORY_CHARS = 600;

export interface TinyTalesOptions {
  seed: number;
  /** Stories are added until their total length reaches this; default 500,000. */
  minChars?: number;
}

/** Stories (one document each) totalling at least minChars characters; same seed, same stories. */
export function generateTinyTales(options: TinyTalesOptions): string[] {
  const minChars = options.minChars ?? TINY_TALES_DEFAULT_CHARS;
  const rng = createRng(options.seed).split('tiny-tales');
  const stories: string[] = [];
  let total = 0;
  while (total < minChars) {
    const story = tellStory(rng);
    // Redraw (from the same stream, so still deterministic) rather than cut a story mid-plot.
    if (story.length < TINY_TALES_MIN_STORY_CHARS || story.length > TINY_TALES_MAX_STORY_CHARS) continue;
    stories.push(story);
    total += story.length;
  }
  return stories;
}
