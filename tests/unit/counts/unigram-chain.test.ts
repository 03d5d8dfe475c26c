import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import {
  initialCorpusCounts,
  UnigramChain,
  type UnigramChainConfig,
} from '../../../src/engine/counts/unigram-chain';
import { runUnigramChain } from '../../../src/engine/counts/unigram-run';
import { METRIC_INDEX } from '../../../src/engine/counts/unigram-metrics';
import {
  realWeightAccumulate,
  realWeightFreshData,
  realWeightReplace,
} from '../../../src/engine/counts/closed-forms';

const zipf = (k: number) => Array.from({ length: k }, (_, i) => 1 / (i + 1));

const base: UnigramChainConfig = {
  initialLaw: zipf(64),
  paradigm: 'replace',
  trainingTokens: 10_000,
  generatedTokens: 2_000,
  corpusTokens: 10_000,
};

describe('UnigramChain provenance', () => {
  it('replace: the real weight is random, a whole number of tokens, with mean (1 - lambda)^n (gamma + (1 - gamma)(1 - lambda)^n with real data kept) within 4 standard errors', () => {
    const runs = 400;
    const generations = [5, 15];
    for (const gamma of [0, 0.1]) {
      const sums = generations.map(() => 0);
      const squares = generations.map(() => 0);
      const distinct = new Set<number>();
      for (let r = 0; r < runs; r++) {
        const chain = new UnigramChain({ ...base, realShareKept: gamma }, createRng(`replace-${r}`));
        for (let n = 1; n <= 15; n++) {
          chain.step();
          // The first removal takes only real tokens: exactly a share lambda of them.
          if (n === 1) expect(chain.realWeight).toBeCloseTo(realWeightReplace(1, 0.2, gamma), 14);
          const j = generations.indexOf(n);
          if (j < 0) continue;
          sums[j] += chain.realWeight;
          squares[j] += chain.realWeight ** 2;
          // The corpus' real tokens: a whole number.
          const realTokens = ((chain.realWeight - gamma) / (1 - gamma)) * 10_000;
          expect(Math.abs(realTokens - Math.round(realTokens))).toBeLessThan(1e-6);
          if (n === 15) distinct.add(chain.realWeight);
        }
      }
      generations.forEach((n, j) => {
        const mean = sums[j] / runs;
        const se = Math.sqrt((squares[j] / runs - mean * mean) / (runs - 1));
        expect(se).toBeGreaterThan(0);
        expect(Math.abs(mean - realWeightReplace(n, 0.2, gamma))).toBeLessThan(4 * se);
      });
      expect(distinct.size).toBeGreaterThan(50);
    }
  });

  it('replace: removal is uniform over provenance, the real count of one generation has the hypergeometric law (N = 10, m = 4, by hand)', () => {
    // After one write-back of a corpus of 10 real tokens, 4 removed: exactly 6 real remain.
    // After two: 6 real among 10, 4 removed at random: real left = 6 - H, H ~ Hyp(10, 6, 4), E[H] = 2.4,
    // Var[H] = 4 (0.6)(0.4)(6/9) = 0.64.
    const config: UnigramChainConfig = {
      initialLaw: [1, 1],
      paradigm: 'replace',
      trainingTokens: 10,
      generatedTokens: 4,
      corpusTokens: 10,
      trainOnWholeCorpus: true,
    };
    const runs = 20_000;
    let sum = 0;
    let sumSq = 0;
    for (let r = 0; r < runs; r++) {
      const chain = new UnigramChain(config, createRng(`two-${r}`));
      chain.step();
      expect(chain.realWeight).toBeCloseTo(0.6, 14);
      chain.step();
      const removed = 6 - Math.round(chain.realWeight * 10);
      sum += removed;
      sumSq += removed * removed;
    }
    const mean = sum / runs;
    const variance = sumSq / runs - mean * mean;
    expect(Math.abs(mean - 2.4)).toBeLessThan(4 * Math.sqrt(0.64 / runs));
    expect(Math.abs(variance - 0.64)).toBeLessThan(0.04);
  });

  it('replace starts from whole tokens: floor(p N) of each symbol, the rest to the largest remainders', () => {
    expect(Array.from(initialCorpusCounts([0.5, 0.3, 0.2], 10))).toEqual([5, 3, 2]);
    expect(Array.from(initialCorpusCounts([1, 1, 1], 10))).toEqual([4, 3, 3]);
    expect(Array.from(initialCorpusCounts([0.66, 0.34, 0], 3))).toEqual([2, 1, 0]);
    // Counts over N, normalised with rounding error, come back exactly.
    const counts = [17, 1, 3, 29];
    expect(
      Array.from(
        initialCorpusCounts(
          counts.map((c) => c / 50),
          50,
        ),
      ),
    ).toEqual(counts);
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

  it('fresh-data: the corpus grows by k fresh real and m generated tokens, real weight (N0 + n k) / (N0 + n (k + m)) exactly', () => {
    const chain = new UnigramChain(
      { ...base, paradigm: 'fresh-data', freshRealTokens: 500 },
      createRng('fresh'),
    );
    for (let n = 1; n <= 10; n++) {
      chain.step();
      expect(chain.realWeight).toBeCloseTo(realWeightFreshData(n, 10_000, 500, 2000), 14);
    }
    // By hand: N0 = 10,000, k = 500, m = 2,000, n = 10: 15,000 / 35,000.
    expect(chain.realWeight).toBeCloseTo(15 / 35, 14);
    // With no fresh data it is accumulate-subsample: the same corpus, the same draws.
    const none = new UnigramChain({ ...base, paradigm: 'fresh-data', freshRealTokens: 0 }, createRng('same'));
    const subsample = new UnigramChain({ ...base, paradigm: 'accumulate-subsample' }, createRng('same'));
    for (let n = 1; n <= 20; n++) {
      none.step();
      subsample.step();
    }
    expect(Array.from(none.modelLaw)).toEqual(Array.from(subsample.modelLaw));
    expect(none.realWeight).toBe(subsample.realWeight);
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

  it('replace with lambda < 1 loses symbols in finite time; accumulate keeps every real symbol alive', () => {
    // lambda = 0.1 on 100 tokens: the removal noise drives rare symbols out, for good.
    const run = runUnigramChain(
      { ...fullySynthetic, generatedTokens: 10, trainOnWholeCorpus: true },
      3000,
      createRng('lose'),
    );
    expect(run.series[METRIC_INDEX.support][3000]).toBeLessThan(run.series[METRIC_INDEX.support][0] / 2);
  });

  it('accumulate keeps every real symbol alive; replace loses the tail', () => {
    const accumulate = runUnigramChain({ ...fullySynthetic, paradigm: 'accumulate' }, 500, createRng('acc'));
    expect(accumulate.absorbedAt).toBe(-1);
    expect(accumulate.series[METRIC_INDEX.lostSupportShare][500]).toBe(0);
    const replace = runUnigramChain(fullySynthetic, 500, createRng('acc'));
    expect(replace.series[METRIC_INDEX.lostRealMass][500]).toBeGreaterThan(0.3);
  });

  it('generates only the top-k symbols of the fitted law', () => {
    const chain = new UnigramChain(
      { ...base, decoding: { temperature: 1, topK: 5, topP: 1 } },
      createRng('top-k'),
    );
    for (let n = 0; n < 20; n++) {
      chain.step();
      const top = Array.from(chain.modelLaw.keys())
        .sort((a, b) => chain.modelLaw[b] - chain.modelLaw[a])
        .slice(0, 5);
      chain.generatedCounts.forEach((count, i) => {
        if (count > 0) expect(top).toContain(i);
      });
    }
    // Only 5 symbols can ever re-enter the corpus, so the tail dies quickly under lambda = 0.2.
    expect(chain.realWeight).toBeLessThan(0.02);
  });
});
