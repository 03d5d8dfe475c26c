import { describe, expect, it } from 'vitest';
import type { GenerationReport } from '../../../src/engine/record';
import {
  generationTexts,
  generationsToList,
  markNonWords,
  realContinuation,
  shownGeneration,
  truncate,
  type GenerationText,
} from '../../../src/app/samples/sample-view';

/** Only the fields the samples view reads; the rest of a report does not matter here. */
function report(generation: number): GenerationReport {
  return {
    generation,
    samples: [`doc of ${generation}`],
    promptSamples: [{ prompt: 'Once ', continuation: `upon ${generation}` }],
  } as unknown as GenerationReport;
}

const texts = (n: number): GenerationText[] =>
  Array.from({ length: n }, (_, g) => ({
    generation: g,
    samples: [],
    promptSamples: [],
    nonWords: null,
    pending: false,
  }));

describe('samples view', () => {
  it('lists finished generations, then the one under way once its samples are in', () => {
    const run = {
      generations: [report(0), report(1)],
      pendingSamples: { generation: 2, samples: ['x'], promptSamples: [] },
    };
    const out = generationTexts(run);
    expect(out.map((g) => [g.generation, g.pending])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    // A report that has arrived wins over stale pending samples of the same generation.
    expect(
      generationTexts({
        generations: [report(0)],
        pendingSamples: { generation: 0, samples: [], promptSamples: [] },
      }),
    ).toHaveLength(1);
  });

  it('shows nothing before any generation has text, the latest when following, the pick otherwise', () => {
    expect(shownGeneration([], null)).toBeNull();
    expect(shownGeneration(texts(3), null)?.generation).toBe(2);
    expect(shownGeneration(texts(3), 1)?.generation).toBe(1);
    // A pick with no text (a fresh run) falls back to the latest rather than to nothing.
    expect(shownGeneration(texts(3), 7)?.generation).toBe(2);
  });

  it('lists every generation while few, else a spread keeping the first, the shown and the latest', () => {
    expect(generationsToList(texts(5), 2).map((g) => g.generation)).toEqual([0, 1, 2, 3, 4]);
    const long = generationsToList(texts(100), 37, 12).map((g) => g.generation);
    expect(long.length).toBeLessThanOrEqual(12);
    expect(long).toContain(0);
    expect(long).toContain(37);
    expect(long).toContain(99);
    expect([...long].sort((a, b) => a - b)).toEqual(long);
  });

  it('finds the real continuation of a prompt in the held-out documents', () => {
    expect(realContinuation('Once upon ', ['Other.', 'Once upon a time there was'], 6)).toBe('a time');
    expect(realContinuation('Missing ', ['Once upon a time'], 6)).toBeNull();
  });

  it('truncates long text at a word end and leaves short text alone', () => {
    expect(truncate('short', 10)).toEqual({ text: 'short', cut: false });
    expect(truncate('the cat sat on the mat', 12)).toEqual({ text: 'the cat sat', cut: true });
    // Whole code points: an emoji is never split in half.
    expect(truncate('😀😀😀😀', 2)).toEqual({ text: '😀😀', cut: true });
  });

  it('marks the listed non-words in the text as written, and nothing without a list', () => {
    const pieces = markNonWords('The Blorp sat, blorp’s zing.', new Set(['blorp', "blorp's"]));
    expect(pieces).toEqual([
      { text: 'The ', nonWord: false },
      { text: 'Blorp', nonWord: true },
      { text: ' sat, ', nonWord: false },
      { text: 'blorp’s', nonWord: true },
      { text: ' zing.', nonWord: false },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('The Blorp sat, blorp’s zing.');
    expect(markNonWords('the cat', null)).toEqual([{ text: 'the cat', nonWord: false }]);
    expect(markNonWords('', new Set(['x']))).toEqual([]);
    // A real word that holds a non-word's letters is not marked: whole words only.
    expect(markNonWords('zingo', new Set(['zing']))).toEqual([{ text: 'zingo', nonWord: false }]);
  });

  it("carries each finished generation's non-words, and none for one still being measured", () => {
    const finished = { ...report(0), sampleNonWords: ['blorp'] } as GenerationReport;
    const old = report(1); // a run kept before non-words were listed
    const out = generationTexts({
      generations: [finished, old],
      pendingSamples: { generation: 2, samples: ['x'], promptSamples: [] },
    });
    expect(out.map((g) => (g.nonWords ? [...g.nonWords] : null))).toEqual([['blorp'], null, null]);
  });
});
