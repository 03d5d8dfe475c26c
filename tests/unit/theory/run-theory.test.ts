import { describe, expect, it } from 'vitest';
import { collisionOf } from '../../../src/engine/counts/closed-forms';
import { runTheory, TEXT_LOOP_BUDGET, theoryMethod } from '../../../src/engine/theory/run-theory';
import type { TheoryRecord, UnigramTheory } from '../../../src/engine/theory/record';
import { expectOrdered, num, theoryConfig } from './fixtures';

const unigramOf = (record: TheoryRecord): UnigramTheory => {
  if (!record.unigram) throw new Error('no unigram part');
  return record.unigram;
};

describe('runTheory, order 0 (the unigram chain)', () => {
  it('takes p0 from D0 with each document\'s EOD and maps the budgets to tokens', async () => {
    const record = await runTheory(theoryConfig({ runs: 3, generations: 5, contamination: 0.5, paradigm: 'accumulate-subsample', trainingSample: 0.2 }));
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

  it.each([
    ['replace with 10% real kept', { paradigm: 'replace', contamination: 0.05, realKept: 0.1 }],
    ['accumulate-subsample', { paradigm: 'accumulate-subsample', contamination: 0.01, trainingSample: 0.5 }],
  ])('%s: the recorded real-data weight is the formula, in every run', async (_name, patch) => {
    const record = await runTheory(theoryConfig({ ...patch, runs: 4, generations: 1500 }));
    const band = unigramOf(record).bands.realWeight;
    const formula = record.formulas.realWeight.values;
    if (!formula) throw new Error('no real-weight formula');
    expect(record.recordedGenerations.length).toBeLessThan(400); // log-spaced past 100
    record.recordedGenerations.forEach((_g, i) => {
      // Exact up to float rounding: the chain multiplies (1 - lambda) step by step, the formula raises it to n.
      expect(num(band.p10[i])).toBeCloseTo(formula[i], 12);
      expect(num(band.p90[i])).toBeCloseTo(formula[i], 12);
    });
    expect(formula.at(-1)).toBeLessThan(formula[1]);
  });

  it('fully synthetic replace: the mean collision follows 1 - S_n = (1 - 1/m)^(n - 1) (1 - S_0) within Monte Carlo error', async () => {
    const record = await runTheory(theoryConfig({ paradigm: 'replace', contamination: 1, realKept: 0, runs: 100, generations: 3000, seed: 3 }));
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
    record.formulas.fixationProbability.bySymbol?.forEach((p, i) => expect(p).toBeCloseTo(u.initialLaw[i], 14));
    const t = record.formulas.fixationTime;
    expect(t.formula && t.approximation).toMatch(/diffusion/);
  });

  it('fresh-data with no fresh text is absorbed; fixation shares, absorbed share and half-time agree', async () => {
    const record = await runTheory(theoryConfig({ paradigm: 'fresh-data', freshShare: 0, contamination: 0.01, trainingSample: 0.05, runs: 50, generations: 2000 }));
    const u = unigramOf(record);
    const fixed = u.fixation.fixedShareBySymbol.reduce((a, b) => a + b, 0);
    expect(fixed).toBeCloseTo(num(u.fixation.absorbedShare.at(-1)), 12);
    expect(fixed).toBeGreaterThan(0.5);
    const half = num(u.fixation.halfAbsorbedGeneration);
    const before = record.recordedGenerations.filter((g) => g < half).length - 1;
    expect(u.fixation.absorbedShare[before]).toBeLessThan(0.5);
    // Every absorbed run fixed on a symbol of D0: the formula gives it a positive probability.
    u.perRun.absorbedSymbol.forEach((s) => s !== null && expect(num(record.formulas.fixationProbability.bySymbol?.[s])).toBeGreaterThan(0));
    expect(record.formulas.collision.values).not.toBeNull();
    expect(record.formulas.realWeight.values?.[5]).toBe(0);
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
    expect(drift.thisParadigm.formula).toBe('lambda n b');
  });
});

describe('runTheory, order >= 1 (the text loop, R times)', () => {
  it('bands every metric over R seeds of the text loop', async () => {
    const seen: number[] = [];
    const firsts: number[] = [];
    const config = theoryConfig({ model: { ngramOrder: 1 }, runs: 3, generations: 3, seed: 11, sampling: { maxLength: 200 } });
    const record = await runTheory(config, { onProgress: (done) => seen.push(done), onTextRun: (_i, r) => firsts.push(r.generations.length) });
    expect(record.method).toBe('text-loop');
    expect(record.notes.join(' ')).toMatch(/slower/);
    const text = record.text;
    if (!text) throw new Error('no text part');
    expect(text.seeds).toEqual([11, 12, 13]);
    expect(new Set(text.finalPerplexity).size).toBe(3);
    expect(firsts).toEqual([3, 3, 3]);
    expect(seen.at(-1)).toBe(9);
    for (const column of ['perplexity', 'js_1', 'js_2', 'js_3', 'kl_1', 'tv_3', 'entropy', 'collision', 'distinct_2', 'lost_support_chars', 'real_share']) {
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
    expect(theoryMethod(theoryConfig({ model: { ngramOrder: 2 }, runs: 5, generations: 20 })).method).toBe('text-loop');
    expect(theoryMethod(theoryConfig({ model: { ngramOrder: 0 }, runs: 50, generations: 10 })).method).toBe('unigram-chain');
    const big = theoryMethod(theoryConfig({ model: { ngramOrder: 2 }, runs: 50, generations: 10_000 }));
    expect(big.method).toBe('unigram-chain');
    expect(big.note).toMatch(/order 2 .*instead/);
    expect(50 * 10_000).toBeGreaterThan(TEXT_LOOP_BUDGET);
    expect(theoryMethod(theoryConfig({ model: { ngramOrder: 2 }, runs: 50, generations: 10_000 }), 'text-loop').method).toBe('text-loop');
  });
});
