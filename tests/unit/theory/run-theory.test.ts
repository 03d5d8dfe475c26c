import { describe, expect, it } from 'vitest';
import { collisionOf } from '../../../src/engine/counts/closed-forms';
import { runTheory, TEXT_LOOP_BUDGET, theoryMethod } from '../../../src/engine/theory/run-theory';
import type { TheoryRecord, UnigramTheory } from '../../../src/engine/record';
import { expectOrdered, num, theoryConfig } from './fixtures';

const unigramOf = (record: TheoryRecord): UnigramTheory => {
  if (!record.unigram) throw new Error('no unigram part');
  return record.unigram;
};

describe('runTheory, order 0 (the unigram chain)', () => {
  it("takes p0 from D0 with each document's EOD and maps the budgets to tokens", async () => {
    const record = await runTheory(
      theoryConfig({
        runs: 3,
        generations: 5,
        contamination: 0.5,
        paradigm: 'accumulate-subsample',
        trainingSample: 0.2,
      }),
    );
    const u = unigramOf(record);
    expect(record.method).toBe('unigram-chain');
    expect(u.initialLaw.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(u.initialLaw[0]).toBeGreaterThan(0); // EOD closes every real document
    const n0 = u.tokens.realTokens;
    expect(n0).toBeGreaterThan(3000);
    expect(u.tokens.generatedTokens).toBe(Math.round(0.5 * n0));
    expect(u.tokens.trainingTokens).toBe(Math.round(0.2 * n0));
    expect(record.recordedGenerations).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('accumulate-subsample: the recorded real-data weight is the formula, in every run', async () => {
    const record = await runTheory(
      theoryConfig({
        paradigm: 'accumulate-subsample',
        contamination: 0.01,
        trainingSample: 0.5,
        runs: 4,
        generations: 1500,
      }),
    );
    const band = unigramOf(record).bands.realWeight;
    const formula = record.formulas.realWeight.values;
    if (!formula) throw new Error('no real-weight formula');
    expect(record.recordedGenerations.length).toBeLessThan(400); // log-spaced past 100
    record.recordedGenerations.forEach((_g, i) => {
      expect(num(band.p10[i])).toBeCloseTo(formula[i], 12);
      expect(num(band.p90[i])).toBeCloseTo(formula[i], 12);
    });
    expect(formula.at(-1)).toBeLessThan(formula[1]);
  });

  it('replace with 10% real kept: the real-data weight is random, its mean over runs the formula within 4 standard errors', async () => {
    const record = await runTheory(
      theoryConfig({ paradigm: 'replace', contamination: 0.05, realKept: 0.1, runs: 30, generations: 300 }),
    );
    const band = unigramOf(record).bands.realWeight;
    const formula = record.formulas.realWeight.values;
    if (!formula) throw new Error('no real-weight formula');
    expect(record.formulas.realWeight.formula).toMatch(/mean over runs/);
    // Late on hardly a real token is left in any run (the share is then gamma): no test there.
    for (const g of [10, 50, 100]) {
      const i = record.recordedGenerations.indexOf(g);
      const se = (num(band.p90[i]) - num(band.p10[i])) / 2.56 / Math.sqrt(record.runs);
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(num(band.mean[i]) - formula[i])).toBeLessThan(4 * se);
    }
  });

  it('fresh-data: the corpus grows by k fresh real and m generated tokens, real weight (N0 + n k) / (N0 + n (k + m)) in every run', async () => {
    const record = await runTheory(
      theoryConfig({
        paradigm: 'fresh-data',
        freshShare: 0.5,
        contamination: 0.2,
        trainingSample: 1,
        runs: 3,
        generations: 200,
      }),
    );
    const u = unigramOf(record);
    const { realTokens: n0, freshRealTokens: k, generatedTokens: m } = u.tokens;
    expect(k).toBe(Math.round(0.5 * n0));
    record.recordedGenerations.forEach((n, i) => {
      const exact = (n0 + n * k) / (n0 + n * (k + m));
      expect(record.formulas.realWeight.values?.[i]).toBeCloseTo(exact, 12);
      expect(num(u.bands.realWeight.p10[i])).toBeCloseTo(exact, 12);
      expect(num(u.bands.realWeight.p90[i])).toBeCloseTo(exact, 12);
    });
    // It tends to k / (k + m) = 5/7 from above, not sitting there from generation 1.
    expect(num(u.bands.realWeight.median.at(-1))).toBeGreaterThan(k / (k + m));
    expect(record.notes.join(' ')).toMatch(/as in the text loop/);
    // No fresh data: the same process as accumulate-subsample, draw for draw.
    const none = await runTheory(
      theoryConfig({
        paradigm: 'fresh-data',
        freshShare: 0,
        contamination: 0.2,
        trainingSample: 1,
        runs: 3,
        generations: 50,
      }),
    );
    const subsample = await runTheory(
      theoryConfig({
        paradigm: 'accumulate-subsample',
        contamination: 0.2,
        trainingSample: 1,
        runs: 3,
        generations: 50,
      }),
    );
    expect(unigramOf(none).bands).toEqual(unigramOf(subsample).bands);
  });

  it('fully synthetic replace: the mean collision follows 1 - S_n = (1 - 1/m)^(n - 1) (1 - S_0) within Monte Carlo error', async () => {
    const record = await runTheory(
      theoryConfig({
        paradigm: 'replace',
        contamination: 1,
        realKept: 0,
        runs: 100,
        generations: 3000,
        seed: 3,
      }),
    );
    const u = unigramOf(record);
    const formula = record.formulas.collision.values;
    if (!formula) throw new Error(`no collision formula: ${JSON.stringify(record.formulas.collision)}`);
    expect(formula[0]).toBeCloseTo(collisionOf(u.initialLaw), 12);
    const band = u.bands.collision;
    expectOrdered(band);
    for (const g of [300, 1000, 3000]) {
      const i = record.recordedGenerations.findIndex((x) => x >= g);
      // The 10-90% band spans ~2.56 standard deviations of one run; the mean of 100 runs, a tenth of one.
      const se = (num(band.p90[i]) - num(band.p10[i])) / 2.56 / Math.sqrt(record.runs);
      expect(Math.abs(num(band.mean[i]) - formula[i])).toBeLessThan(4 * se + 1e-9);
    }
    // Real drift: at 3000 generations S has moved far from S_0 (a wrong stage count shows).
    expect(formula.at(-1)).toBeGreaterThan(2 * formula[0]);
    record.formulas.fixationProbability.bySymbol?.forEach((p, i) =>
      expect(p).toBeCloseTo(u.initialLaw[i], 14),
    );
    const t = record.formulas.fixationTime;
    expect(t.formula && t.approximation).toMatch(/diffusion/);
  });

  it('heavily smoothed, the law stays near uniform and the closed forms say why they do not apply', async () => {
    const record = await runTheory(theoryConfig({ model: { ngramAlpha: 1000 }, runs: 5, generations: 200 }));
    const u = unigramOf(record);
    const uniform = Math.log(u.symbols.length);
    for (let i = 1; i < record.recordedGenerations.length; i++) {
      expect(num(u.bands.entropy.p10[i])).toBeGreaterThan(0.97 * uniform);
      expect(u.bands.support.p10[i]).toBe(u.symbols.length);
    }
    expect(record.formulas.collision.values).toBeNull();
    expect(record.formulas.fixationProbability.formula).toBeNull();
    const drift = record.formulas.biasedDrift;
    if (!('thisParadigm' in drift)) throw new Error('expected a biased-drift curve');
    expect(drift.bias).toBeGreaterThan(0.1);
    expect(drift.thisParadigm.formula).toMatch(/saturating at D/);
    // The mean-field curve stays between 0 and the distance D of p0 from uniform, where it ends.
    expect(drift.thisParadigm.values.every((v) => v >= 0 && v <= drift.limit)).toBe(true);
    expect(num(drift.thisParadigm.values.at(-1))).toBeCloseTo(drift.limit, 6);
  });
});

describe('runTheory, order >= 1 (the text loop, R times)', () => {
  it('bands every metric over R seeds of the text loop', async () => {
    const seen: number[] = [];
    const firsts: number[] = [];
    const config = theoryConfig({
      model: { ngramOrder: 1 },
      runs: 3,
      generations: 3,
      seed: 11,
      sampling: { maxLength: 200 },
    });
    const record = await runTheory(config, {
      onProgress: (done) => seen.push(done),
      onTextRun: (_i, r) => firsts.push(r.generations.length),
    });
    expect(record.method).toBe('text-loop');
    expect(record.notes.join(' ')).toMatch(/slower/);
    const text = record.text;
    if (!text) throw new Error('no text part');
    expect(text.seeds).toEqual([11, 12, 13]);
    expect(new Set(text.finalPerplexity).size).toBe(3);
    expect(firsts).toEqual([3, 3, 3]);
    expect(seen.at(-1)).toBe(9);
    for (const column of [
      'perplexity',
      'js_1',
      'js_2',
      'js_3',
      'kl_1',
      'tv_3',
      'entropy',
      'collision',
      'distinct_2',
      'lost_support_chars',
      'real_share',
    ]) {
      expect(text.bands[column]?.median, column).toHaveLength(3);
      expectOrdered(text.bands[column]);
    }
    // replace, lambda = 1: the text corpus is all human before generation 0 trains, none after.
    expect(record.formulas.realWeight.values).toEqual([1, 0, 0]);
    expect(text.bands.real_share.median).toEqual([1, 0, 0]);
  });
});

describe('choosing the path', () => {
  it('runs the text loop for orders >= 1 within budget, and the order-0 chain with a note past it', () => {
    expect(theoryMethod(theoryConfig({ model: { ngramOrder: 2 }, runs: 5, generations: 20 })).method).toBe(
      'text-loop',
    );
    expect(theoryMethod(theoryConfig({ model: { ngramOrder: 0 }, runs: 50, generations: 10 })).method).toBe(
      'unigram-chain',
    );
    const big = theoryMethod(theoryConfig({ model: { ngramOrder: 2 }, runs: 50, generations: 10_000 }));
    expect(big.method).toBe('unigram-chain');
    expect(big.note).toMatch(/order 2 .*instead/);
    expect(50 * 10_000).toBeGreaterThan(TEXT_LOOP_BUDGET);
    expect(
      theoryMethod(theoryConfig({ model: { ngramOrder: 2 }, runs: 50, generations: 10_000 }), 'text-loop')
        .method,
    ).toBe('text-loop');
  });
});
