import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { UnigramChain, type UnigramChainConfig } from '../../../src/engine/counts/unigram-chain';
import { runUnigramChain } from '../../../src/engine/counts/unigram-run';
import { METRIC_INDEX } from '../../../src/engine/counts/unigram-metrics';
import { realWeightAccumulate, realWeightReplace } from '../../../src/engine/counts/closed-forms';

const zipf = (k: number) => Array.from({ length: k }, (_, i) => 1 / (i + 1));

const base: UnigramChainConfig = {
  initialLaw: zipf(64),
  paradigm: 'replace',
  trainingTokens: 10_000,
  generatedTokens: 2_000,
  corpusTokens: 10_000,
};

describe('UnigramChain provenance', () => {
  it('replace: real weight is exactly (1 - lambda)^n, and gamma + (1 - gamma)(1 - lambda)^n with real data kept', () => {
    for (const gamma of [0, 0.1]) {
      const chain = new UnigramChain({ ...base, realShareKept: gamma }, createRng('replace'));
      for (let n = 1; n <= 60; n++) {
        chain.step();
        const expected = realWeightReplace(n, 0.2, gamma);
        expect(Math.abs(chain.realWeight - expected)).toBeLessThanOrEqual(1e-13 * Math.max(expected, 1e-300));
      }
    }
  });

  it('accumulate and accumulate-subsample: real weight is exactly N0 / (N0 + n m)', () => {
    for (const paradigm of ['accumulate', 'accumulate-subsample'] as const) {
      const chain = new UnigramChain({ ...base, paradigm, generatedTokens: 300 }, createRng(paradigm));
      for (let n = 1; n <= 100; n++) {
        chain.step();
        expect(chain.realWeight).toBe(realWeightAccumulate(n, 10_000, 300));
      }
    }
  });

  it('fresh-data: real weight stays k / (k + m)', () => {
    const chain = new UnigramChain({ ...base, paradigm: 'fresh-data', freshRealTokens: 500 }, createRng('fresh'));
    for (let n = 1; n <= 10; n++) chain.step();
    expect(chain.realWeight).toBe(500 / 2500);
  });

  it('rejects impossible settings with a clear message', () => {
    expect(() => new UnigramChain({ ...base, generatedTokens: 20_000 }, createRng(1))).toThrow(/lambda/);
    expect(() => new UnigramChain({ ...base, initialLaw: [0, 0] }, createRng(1))).toThrow(/positive/);
    expect(() => new UnigramChain({ ...base, trainingTokens: 2.5 }, createRng(1))).toThrow(/integer/);
  });
});

describe('UnigramChain collapse', () => {
  const fullySynthetic: UnigramChainConfig = {
    initialLaw: zipf(64),
    paradigm: 'replace',
    trainingTokens: 100,
    generatedTokens: 100,
    corpusTokens: 100,
  };

  it('unsmoothed and fully synthetic, drifts to a delta (one symbol repeated)', () => {
    for (let r = 0; r < 5; r++) {
      const run = runUnigramChain(fullySynthetic, 3000, createRng(`delta-${r}`));
      expect(run.absorbedAt).toBeGreaterThan(0);
      expect(run.series[METRIC_INDEX.support][3000]).toBe(1);
      expect(run.series[METRIC_INDEX.entropy][3000]).toBe(0);
      expect(run.series[METRIC_INDEX.collision][3000]).toBe(1);
      expect(Math.max(...run.finalLaw)).toBe(1);
      // Extinctions are recorded for every symbol but the survivor.
      expect(Array.from(run.extinctionGeneration).filter((g) => g < 0)).toEqual([-1]);
    }
  });

  it('heavily smoothed, drifts to the uniform law (the random-init level)', () => {
    const run = runUnigramChain({ ...fullySynthetic, alpha: 1000 }, 50, createRng('uniform'));
    expect(run.series[METRIC_INDEX.entropy][0]).toBeLessThan(Math.log(64) - 0.4);
    expect(run.series[METRIC_INDEX.entropy][50]).toBeGreaterThan(Math.log(64) - 0.01);
    for (const p of run.finalLaw) expect(Math.abs(p - 1 / 64)).toBeLessThan(0.002);
  });

  it('accumulate keeps every real symbol alive; replace loses the tail', () => {
    const accumulate = runUnigramChain({ ...fullySynthetic, paradigm: 'accumulate' }, 500, createRng('acc'));
    expect(accumulate.absorbedAt).toBe(-1);
    expect(accumulate.series[METRIC_INDEX.lostSupportShare][500]).toBe(0);
    const replace = runUnigramChain(fullySynthetic, 500, createRng('acc'));
    expect(replace.series[METRIC_INDEX.lostRealMass][500]).toBeGreaterThan(0.3);
  });

  it('generates only the top-k symbols of the fitted law', () => {
    const chain = new UnigramChain({ ...base, decoding: { temperature: 1, topK: 5, topP: 1 } }, createRng('top-k'));
    for (let n = 0; n < 20; n++) {
      chain.step();
      const top = Array.from(chain.modelLaw.keys()).sort((a, b) => chain.modelLaw[b] - chain.modelLaw[a]).slice(0, 5);
      chain.generatedCounts.forEach((count, i) => {
        if (count > 0) expect(top).toContain(i);
      });
    }
    // Only 5 symbols can ever re-enter the corpus, so the tail dies quickly under lambda = 0.2.
    expect(chain.realWeight).toBeLessThan(0.02);
  });
});
