import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../src/engine/text/vocabulary';
import {
  generateTinyTales,
  TINY_TALES_MAX_STORY_CHARS,
  TINY_TALES_MIN_STORY_CHARS,
} from '../../../src/engine/text/tiny-tales';

// One default-size corpus shared by the tests: generating it is part of what is under test.
const stories = generateTinyTales({ seed: 7, minChars: 500_000 });
const all = stories.join('\n\n');

describe('tiny-tales corpus', () => {
  it('is at least 500,000 characters of stories, each 150-600 characters', () => {
    expect(all.length).toBeGreaterThanOrEqual(500_000);
    for (const story of stories) {
      expect(story.length).toBeGreaterThanOrEqual(TINY_TALES_MIN_STORY_CHARS);
      expect(story.length).toBeLessThanOrEqual(TINY_TALES_MAX_STORY_CHARS);
    }
  });

  it('is the same for the same seed and different for another seed', () => {
    const a = generateTinyTales({ seed: 3, minChars: 20_000 });
    expect(generateTinyTales({ seed: 3, minChars: 20_000 })).toEqual(a);
    const b = generateTinyTales({ seed: 4, minChars: 20_000 });
    expect(b.slice(0, 5)).not.toEqual(a.slice(0, 5));
  });

  it('uses a rich vocabulary: at least 300 distinct words, and most stories are unique', () => {
    const words = new Set(all.toLowerCase().match(/[a-z']+/g));
    expect(words.size).toBeGreaterThanOrEqual(300);
    expect(new Set(stories).size).toBeGreaterThan(0.99 * stories.length);
  });

  it('keeps to a small character set, well under 70 symbols for a char-level model', () => {
    const vocabulary = buildVocabulary(stories);
    expect(vocabulary.size).toBeLessThan(70);
    expect(all).toMatch(/^[A-Za-z0-9 .,!?'"\n]+$/);
    // Digits exist but are rare.
    expect((all.match(/[0-9]/g) ?? []).length).toBeLessThan(all.length / 1000);
  });

  it('reads as English: capitalised sentences with closing punctuation, no unfilled slots', () => {
    for (const story of stories) {
      expect(story).toMatch(/^[A-Z]/);
      expect(story).toMatch(/[.!?]"?$/);
      expect(story).not.toMatch(/[{}]|\s\s|\ba [aeiou]/);
      expect(story).not.toMatch(/\n\s*\n/); // one story, one document: no blank line inside
      // After a sentence ends, the next starts with a capital or an opening quote.
      for (const m of story.matchAll(/[.!?] (\S)/g)) expect(m[1]).toMatch(/[A-Z"]/);
      // Quotes come in pairs.
      expect((story.match(/"/g) ?? []).length % 2).toBe(0);
    }
  });

  it("has the varied shapes of a children's story", () => {
    const share = (re: RegExp): number => stories.filter((s) => re.test(s)).length / stories.length;
    expect(share(/^Once upon a time/)).toBeGreaterThan(0.1);
    expect(share(/One day/)).toBeGreaterThan(0.1);
    expect(share(/"[^"]*\?"/)).toBeGreaterThan(0.1); // questions in dialogue
    expect(share(/"[^"]*!"/)).toBeGreaterThan(0.1); // exclamations in dialogue
    for (const word of [' because ', ' but ', ' so ', 'learned that', 'happily ever after', 'best friends']) {
      expect(share(new RegExp(word))).toBeGreaterThan(0.01);
    }
  });
});
