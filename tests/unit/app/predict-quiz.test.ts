import { describe, expect, it } from 'vitest';
import {
  checkQuiz,
  dealQuiz,
  QUIZ_CHARS,
  shuffled,
  textRealWordShare,
  type QuizPool,
} from '../../../src/app/lessons/predict/quiz-deal';
import { quizRealTexts } from '../../../src/app/lessons/predict/quiz-real-text';
import { prepareCorpus } from '../../../src/engine/corpus/prepare';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { createRng } from '../../../src/engine/rng';

const story = (who: string) =>
  `Once upon a time ${who} went to the park to play with a red ball, and the sun was warm all day long.`;

const pools: [QuizPool, QuizPool, QuizPool] = [
  { kind: 'generation-0', generation: 0, documents: [story('Tom'), 'Short.'], nonWords: new Set() },
  { kind: 'later', generation: 9, documents: [story('Tob blorp'), ''], nonWords: new Set(['tob', 'blorp']) },
  { kind: 'real', generation: null, documents: [story('Anna')], nonWords: new Set() },
];

/** A uniform source from the project's seeded generator. */
const seeded = (seed: number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

describe('the quiz deal', () => {
  it('deals one text from each source onto A, B and C, and its key names the right letters', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const deal = dealQuiz(pools, seeded(seed));
      expect(deal).not.toBeNull();
      if (deal === null) return;
      expect(deal.cards.map((c) => c.letter)).toEqual(['A', 'B', 'C']);
      expect(deal.cards.map((c) => c.kind).sort()).toEqual(['generation-0', 'later', 'real']);
      const zero = deal.cards.find((c) => c.letter === deal.key.generationZero);
      const real = deal.cards.find((c) => c.letter === deal.key.real);
      expect(zero?.kind).toBe('generation-0');
      expect(zero?.text).toContain('Tom'); // the long document: "Short." is passed over
      expect(real?.kind).toBe('real');
      expect(real?.text).toContain('Anna');
      expect(deal.cards.find((c) => c.kind === 'later')?.text).toContain('Tob blorp');
    }
  });

  it('puts generation 0 behind every letter over many deals (the shuffle is not stuck)', () => {
    const letters = new Set<string>();
    for (let seed = 1; seed <= 60; seed++)
      letters.add(dealQuiz(pools, seeded(seed))?.key.generationZero ?? '');
    expect([...letters].sort()).toEqual(['A', 'B', 'C']);
  });

  it('shuffles every order of three about equally often', () => {
    const counts = new Map<string, number>();
    const random = seeded(7);
    const n = 6000;
    for (let i = 0; i < n; i++) {
      const key = shuffled([0, 1, 2], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Each order has probability 1/6: 1000 expected, standard deviation about 29; 5 sd is 144.
    for (const c of counts.values()) expect(Math.abs(c - n / 6)).toBeLessThan(150);
  });

  it('cuts every text to the same length and refuses a source with no text', () => {
    const long = 'word '.repeat(200);
    const deal = dealQuiz(
      [
        { ...pools[0], documents: [long] },
        { ...pools[1], documents: [long] },
        { ...pools[2], documents: [long] },
      ],
      seeded(1),
    );
    for (const card of deal?.cards ?? [])
      expect(Array.from(card.text).length).toBeLessThanOrEqual(QUIZ_CHARS);
    expect(dealQuiz([pools[0], { ...pools[1], documents: ['', '  '] }, pools[2]], seeded(1))).toBeNull();
  });

  it('says right and wrong, for generation 0 and for the real text', () => {
    const deal = dealQuiz(pools, seeded(3));
    if (deal === null) throw new Error('no deal');
    const { generationZero, real } = deal.key;
    const other = (['A', 'B', 'C'] as const).find((l) => l !== generationZero && l !== real) ?? 'A';
    const right = checkQuiz(deal, { generationZero, real });
    expect(right.generationZeroRight).toBe(true);
    expect(right.realRight).toBe(true);
    expect(right.words).toBe(
      `Right: ${generationZero} is generation 0. And right again: ${real} is the real text.`,
    );
    const wrong = checkQuiz(deal, { generationZero: other, real: null });
    expect(wrong.generationZeroRight).toBe(false);
    expect(wrong.realRight).toBeNull();
    expect(wrong.words).toBe(
      `Wrong: you picked ${other}, but generation 0 wrote ${generationZero}. The real text was ${real}.`,
    );
    expect(checkQuiz(deal, { generationZero, real: other }).words).toBe(
      `Right: ${generationZero} is generation 0. The real text was ${real}, not ${other}.`,
    );
  });
});

describe("a card's real-word share", () => {
  it('counts the words not in the non-word list, every occurrence', () => {
    // words: the, tob, ran, to, the, blorp, tob -> 7 words, 3 non-words (tob twice, blorp): 4/7.
    expect(textRealWordShare('The tob ran to the blorp. Tob!', new Set(['tob', 'blorp']))).toBeCloseTo(
      4 / 7,
      12,
    );
    expect(textRealWordShare('All real words here.', new Set())).toBe(1);
    expect(textRealWordShare('... !!!', new Set())).toBeNull();
    expect(textRealWordShare('Some words.', null)).toBeNull();
  });
});

describe('real text for the quiz', () => {
  it("uses the run's own real samples, or deals a built-in corpus again from the run's settings", () => {
    expect(quizRealTexts(['a real story'], DEFAULT_CONFIG)).toEqual(['a real story']);
    const config = {
      ...DEFAULT_CONFIG,
      corpus: { ...DEFAULT_CONFIG.corpus, realChars: 2000, heldOutChars: 500 },
    };
    const again = quizRealTexts([], config);
    expect(again.length).toBeGreaterThan(0);
    expect(again).toEqual(prepareCorpus(config).heldOut);
    expect(quizRealTexts([], { ...config, corpus: { ...config.corpus, source: 'user' } })).toEqual([]);
    expect(quizRealTexts([], null)).toEqual([]);
  });
});
