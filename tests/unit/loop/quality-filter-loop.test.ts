import { describe, expect, it } from 'vitest';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

/** The count model (fast, no TensorFlow.js) on the built-in tales, replace at 100%. */
const countRun = (filter: { keep: number; dedupe: boolean }) =>
  microRunConfig({
    generations: 3,
    model: { family: 'ngram', ngramOrder: 1, ngramAlpha: 0 },
    filter,
    evaluation: { sampleChars: 1_000 },
  });

describe('the quality filter in the loop', () => {
  it('writes exactly m characters, chosen from twice as many, and the kept text scores better with the judge', async () => {
    const reports = reportsOf(await collectEvents(countRun({ keep: 0.5, dedupe: false })));
    expect(reports).toHaveLength(3);
    for (const r of reports) {
      expect(r.writtenChars).toBe(r.generatedBudgetChars);
      expect(r.filter).not.toBeNull();
      expect(r.filter?.rejected).toBeGreaterThan(0);
      expect(r.filter?.judgeNllKept).toBeLessThan(r.filter?.judgeNllAll as number);
    }
  });

  it('keeps the model’s own measurements: the same generation-0 model is measured the same with or without the filter', async () => {
    const [plain] = reportsOf(await collectEvents(countRun({ keep: 1, dedupe: false })));
    const [filtered] = reportsOf(await collectEvents(countRun({ keep: 0.5, dedupe: true })));
    expect(plain.filter).toBeNull();
    expect(filtered.perplexity).toBe(plain.perplexity);
    expect(filtered.js).toEqual(plain.js);
    expect(filtered.realWordShare).toBe(plain.realWordShare);
  });
});

describe("the count model's evaluation floor in the report", () => {
  it('counts the held-out tokens an unsmoothed count model scores at the floor, and the transformer-free run says how many were scored', async () => {
    const [r] = reportsOf(await collectEvents(countRun({ keep: 1, dedupe: false })));
    expect(r.heldOutTokens).toBeGreaterThan(1_500);
    expect(r.flooredTokens).not.toBeNull();
    expect(r.flooredTokens as number).toBeGreaterThan(0);
    // Each floored token adds ln(1e6) nats: they cannot exceed the total NLL.
    expect((r.flooredTokens as number) * Math.log(1e6)).toBeLessThanOrEqual(
      r.nllPerChar * r.heldOutTokens + 1e-6,
    );
  });
});
