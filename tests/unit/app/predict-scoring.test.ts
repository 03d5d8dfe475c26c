import { describe, expect, it } from 'vitest';
import {
  directionOf,
  scorePrediction,
  type GenerationFigures,
} from '../../../src/app/lessons/predict/prediction-scoring';
import {
  predictionTurn,
  settleAnswer,
  type LockedAnswer,
} from '../../../src/app/lessons/predict/prediction-turn';
import { MAX_HISTORY, readHistory, writeHistory } from '../../../src/app/lessons/predict/prediction-store';

const gen = (generation: number, perplexity: number, realWordShare: number): GenerationFigures => ({
  generation,
  perplexity,
  realWordShare,
});

describe('a prediction beside what was measured', () => {
  // before: perplexity 2.00, 81% real words; after: 2.62 (x1.31), 74%.
  const before = gen(3, 2, 0.81);
  const after = gen(4, 2.62, 0.74);

  it('calls the direction with a 5% band for "about the same"', () => {
    // ratio    1.31  1.06  1.05  1.00  0.96  0.95  0.80
    // counts   up    up    same  same  same  same  down
    expect([1.31, 1.06, 1.05, 1, 0.96, 0.95, 0.8].map(directionOf)).toEqual([
      'up',
      'up',
      'same',
      'same',
      'same',
      'same',
      'down',
    ]);
  });

  it('says a right direction with a too-big factor in words, and the real words in points', () => {
    const outcome = scorePrediction({ direction: 'up', factor: 1.5, realWordShare: 0.8 }, before, after);
    expect(outcome.ratio).toBeCloseTo(1.31, 10);
    expect(outcome.directionRight).toBe(true);
    expect(outcome.perplexityWords).toBe(
      'You said up, x1.50; it went up x1.31. Right direction; you expected a bigger rise.',
    );
    // 80% said, 74% written: 6 points fewer, outside the 5-point band.
    expect(outcome.shareRight).toBe(false);
    expect(outcome.shareWords).toBe('You said 80% real words; it wrote 74%. 6 points fewer than you said.');
  });

  it('counts a factor within 10% of the measured one as the right size', () => {
    // 1.40 / 1.31 = 1.069: within 10%. 1.20 / 1.31 = 0.916: within 10% too (|ln| = 0.088 < ln 1.1 = 0.095).
    for (const factor of [1.4, 1.2])
      expect(
        scorePrediction({ direction: 'up', factor, realWordShare: null }, before, after).perplexityWords,
      ).toBe(
        `You said up, x${factor.toFixed(2)}; it went up x1.31. Right direction, and about the right size.`,
      );
    // 1.10 / 1.31 = 0.84: a smaller rise than measured.
    expect(
      scorePrediction({ direction: 'up', factor: 1.1, realWordShare: null }, before, after).perplexityWords,
    ).toBe('You said up, x1.10; it went up x1.31. Right direction; you expected a smaller rise.');
  });

  it('says wrong directions, "about the same" and falls in words', () => {
    const wrong = scorePrediction({ direction: 'down', factor: 0.8, realWordShare: 0.75 }, before, after);
    expect(wrong.directionRight).toBe(false);
    expect(wrong.perplexityWords).toBe(
      'You said down, x0.80; it went up x1.31. Not this time: it went the other way.',
    );
    // 75% said, 74% written: within 5 points.
    expect(wrong.shareRight).toBe(true);
    expect(wrong.shareWords).toBe('You said 75% real words; it wrote 74%. Within 5 points.');
    expect(
      scorePrediction({ direction: 'same', factor: 1, realWordShare: null }, before, after).perplexityWords,
    ).toBe('You said about the same; it went up x1.31. Not this time: it moved by more than 5%.');
    // 2.00 -> 2.04 is x1.02: about the same.
    const flat = gen(4, 2.04, 0.8);
    expect(
      scorePrediction({ direction: 'same', factor: 1, realWordShare: null }, before, flat).perplexityWords,
    ).toBe('You said about the same; it stayed about the same (x1.02). Right: it stayed within 5%.');
    expect(
      scorePrediction({ direction: 'up', factor: 1.2, realWordShare: null }, before, flat).perplexityWords,
    ).toBe('You said up, x1.20; it stayed about the same (x1.02). Not this time: it moved by less than 5%.');
    // 2.00 -> 1.50 is x0.75; predicted x0.90: a smaller fall.
    const fall = gen(4, 1.5, 0.9);
    const down = scorePrediction({ direction: 'down', factor: 0.9, realWordShare: null }, before, fall);
    expect(down.perplexityWords).toBe(
      'You said down, x0.90; it went down x0.75. Right direction; you expected a smaller fall.',
    );
    expect(down.shareWords).toBeNull();
    expect(down.shareRight).toBeNull();
  });
});

describe('whose turn it is', () => {
  const shown = [gen(0, 1.7, 0.9), gen(1, 2.3, 0.8)];

  it('asks for the generation after the latest one on screen, while the run will make it', () => {
    expect(predictionTurn(shown, 10)).toEqual({ target: 2, before: shown[1] });
    expect(predictionTurn(shown, 2)).toBeNull(); // generation 1 was the last
    expect(predictionTurn([], 10)).toBeNull(); // nothing to compare with yet
  });

  const answer: LockedAnswer = {
    target: 2,
    before: shown[1],
    prediction: { direction: 'up', factor: 1.3, realWordShare: null },
    runLabel: 'Live run',
    at: 0,
  };

  it('waits for its generation, then scores it against the generation it was made on', () => {
    expect(settleAnswer(answer, shown)).toEqual({ kind: 'waiting' });
    const settled = settleAnswer(answer, [...shown, gen(2, 2.99, 0.7)]);
    expect(settled.kind).toBe('revealed');
    if (settled.kind !== 'revealed') return;
    expect(settled.after.generation).toBe(2);
    expect(settled.outcome?.perplexityWords).toBe(
      'You said up, x1.30; it went up x1.30. Right direction, and about the right size.',
    );
    expect(settleAnswer({ ...answer, prediction: null }, [...shown, gen(2, 2.99, 0.7)])).toMatchObject({
      kind: 'revealed',
      outcome: null,
    });
  });

  it('drops an answer whose run left the screen', () => {
    expect(settleAnswer(answer, [])).toEqual({ kind: 'gone' });
    expect(settleAnswer(answer, [gen(0, 1.7, 0.9), gen(1, 2.31, 0.8), gen(2, 3, 0.7)])).toEqual({
      kind: 'gone',
    });
  });
});

describe('the history kept in this browser', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
  };
  const entry = (g: number) => ({
    runLabel: 'Live run',
    at: g,
    before: gen(g, 2, 0.8),
    after: gen(g + 1, 2.6, 0.7),
    prediction: { direction: 'up' as const, factor: 1.3, realWordShare: null },
    directionRight: true,
    shareRight: null,
    perplexityWords: 'You said up, x1.30; it went up x1.30. Right direction, and about the right size.',
    shareWords: null,
  });

  it('reads back what it wrote, keeps the newest entries, and reads junk as none', () => {
    const store = memory();
    writeHistory([entry(0), entry(1)], store);
    expect(readHistory(store)).toEqual([entry(0), entry(1)]);
    writeHistory(
      Array.from({ length: MAX_HISTORY + 5 }, (_, i) => entry(i)),
      store,
    );
    const back = readHistory(store);
    expect(back).toHaveLength(MAX_HISTORY);
    expect(back[0].at).toBe(5);
    store.setItem('collapse-lab:predictions', '{"not": "a list"}');
    expect(readHistory(store)).toEqual([]);
    writeHistory([], store);
    expect(store.getItem('collapse-lab:predictions')).toBeNull();
    expect(readHistory(null)).toEqual([]);
  });
});
