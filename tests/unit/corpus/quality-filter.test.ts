import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { createRealTextJudge, filterGenerated, type Judge } from '../../../src/engine/corpus/quality-filter';
import { prepareCorpus } from '../../../src/engine/corpus/prepare';

/** A hand-made judge: the score is the number of x's, so the ranking is known. */
const countX: Judge = (text) => (text.match(/x/g) ?? []).length;
const chars = (texts: readonly string[]) => texts.reduce((n, t) => n + Array.from(t).length, 0);

describe('the quality filter', () => {
  it('keeping everything passes the candidates through in order, cut to the budget', () => {
    const candidates = ['aaaa', 'bbbb', 'cccc'];
    const result = filterGenerated(candidates, 10, { keep: 1, dedupe: false }, countX);
    expect(result.kept).toEqual(['aaaa', 'bbbb', 'cc']);
    expect(result.rejected).toBe(0);
  });

  it('keeps the best-scored documents first, exactly the budget, in generation order', () => {
    const candidates = ['xxxx', 'aaaa', 'xxaa', 'bbbb', 'xaaa'];
    const result = filterGenerated(candidates, 10, { keep: 0.5, dedupe: false }, countX);
    // Ranked: aaaa (0), bbbb (0), xaaa (1), xxaa (2), xxxx (4): 4 + 4 + 2 of xaaa.
    expect(result.kept).toEqual(['aaaa', 'bbbb', 'xa']);
    expect(chars(result.kept)).toBe(10);
    expect(result.chars).toBe(10);
    expect(result.cut).toBe(true);
    expect(result.rejected).toBe(2);
    expect(result.judgeNllKept).toBeCloseTo(1 / 3, 12);
    expect(result.judgeNllAll).toBeCloseTo(7 / 5, 12);
  });

  it('drops documents already in the corpus and repeats within the generation when deduplicating', () => {
    const candidates = ['once upon', 'the end', 'once upon', 'a fox'];
    const result = filterGenerated(candidates, 100, { keep: 1, dedupe: true }, countX, new Set(['a fox']));
    expect(result.kept).toEqual(['once upon', 'the end']);
    expect(result.duplicates).toBe(2);
    expect(result.cut).toBe(false);
  });

  it('a judge trained on real text alone scores English better than noise of the same letters', () => {
    const prepared = prepareCorpus({
      ...DEFAULT_CONFIG,
      corpus: { source: 'tiny-tales', realChars: 10_000, heldOutChars: 2_000 },
    });
    const judge = createRealTextJudge(
      prepared.real.map((d) => d.text),
      prepared.vocabulary,
    );
    const english = prepared.heldOut[0];
    const shuffled = Array.from(english).reverse().join('');
    expect(judge(english)).toBeLessThan(judge(shuffled) - 0.5);
    const result = filterGenerated(
      [shuffled, english],
      Array.from(english).length,
      { keep: 0.5, dedupe: false },
      judge,
    );
    expect(result.kept).toEqual([english]);
  });
});
