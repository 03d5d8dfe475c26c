import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import type { SimulationConfig } from '../../../src/engine/config/schema';
import { charCount, totalChars } from '../../../src/engine/corpus/corpus';
import { prepareCorpus } from '../../../src/engine/corpus/prepare';

const withCorpus = (corpus: Partial<SimulationConfig['corpus']>, seed = 1): SimulationConfig => ({
  ...DEFAULT_CONFIG,
  seed,
  corpus: { ...DEFAULT_CONFIG.corpus, ...corpus },
});

describe('preparing the real text', () => {
  it.each([
    ['markov', 2_000, 5_000],
    ['markov', 9_999, 1_234],
    ['tiny-tales', 10_000, 5_000],
    ['tiny-tales', 40_000, 4_000],
  ] as const)(
    '%s: D0 holds exactly %i characters and the held-out text exactly %i',
    (source, realChars, heldOutChars) => {
      for (const seed of [1, 2, 3]) {
        const prepared = prepareCorpus(withCorpus({ source, realChars, heldOutChars }, seed));
        expect(totalChars(prepared.real)).toBe(realChars);
        expect(prepared.heldOut.reduce((n, d) => n + charCount(d), 0)).toBe(heldOutChars);
        expect(prepared.notices).toEqual([]);
      }
    },
  );

  it('numbers the documents of D0, so a cut piece is known as part of its real document', () => {
    const prepared = prepareCorpus(
      withCorpus({ source: 'tiny-tales', realChars: 5_000, heldOutChars: 1_000 }),
    );
    expect(prepared.real.map((d) => d.source)).toEqual(prepared.real.map((_, i) => i));
    expect(prepared.reserve.every((d) => d.source === undefined)).toBe(true);
  });

  it("no held-out document, whole or cut, is part of D0's text", () => {
    const prepared = prepareCorpus(
      withCorpus({ source: 'tiny-tales', realChars: 20_000, heldOutChars: 3_000 }),
    );
    const real = new Set(prepared.real.map((d) => d.text));
    for (const doc of prepared.heldOut) expect(real.has(doc)).toBe(false);
  });

  it('says so when your own text cannot fill the real budget once the held-out text is taken', () => {
    const story = 'The fox ran to the hill and sat down. '.repeat(10);
    const prepared = prepareCorpus(
      withCorpus({ source: 'user', realChars: 2_000, heldOutChars: 500 }),
      Array.from({ length: 6 }, () => story),
    );
    expect(
      totalChars(prepared.real) + prepared.heldOut.reduce((n, d) => n + charCount(d), 0),
    ).toBeLessThanOrEqual(6 * story.length);
    expect(prepared.notices.join(' ')).toMatch(/your text has 2280 characters/);
  });
});
