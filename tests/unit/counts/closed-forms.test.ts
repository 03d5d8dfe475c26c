import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { UnigramChain, type UnigramChainConfig } from '../../../src/engine/counts/unigram-chain';
import { runUnigramChain } from '../../../src/engine/counts/unigram-run';
import { runManyUnigramChains } from '../../../src/engine/counts/many-runs';
import { METRIC_INDEX } from '../../../src/engine/counts/unigram-metrics';
import {
  collisionOf,
  effectiveSampleSize,
  expectedCollision,
  expectedCollisionReplace,
  fixationProbabilities,
  meanAbsorptionTimeTwoSymbols,
  meanFixationTime,
  neutralDriftTime,
  replaceCollisionKeep,
} from '../../../src/engine/counts/closed-forms';

/** Runs the chain until its model is one symbol; returns [generation, symbol] or null past the horizon. */
function runToFixation(config: UnigramChainConfig, horizon: number, seed: string): [number, number] | null {
  const chain = new UnigramChain(config, createRng(seed));
  for (let g = 1; g <= horizon; g++) {
    chain.step();
    let support = 0;
    let last = -1;
    chain.modelLaw.forEach((p, i) => {
      if (p > 0) {
        support++;
        last = i;
      }
    });
    if (support === 1) return [g, last];
  }
  return null;
}

describe('fixation of the neutral chain', () => {
  const law = [0.2, 0.3, 0.5];
  const config: UnigramChainConfig = {
    initialLaw: law,
    paradigm: 'replace',
    trainingTokens: 40,
    generatedTokens: 40,
    corpusTokens: 40,
  };
  const runs = 2000;
  const result = runManyUnigramChains(config, { runs, generations: 400, seed: 'fixation' });

  it('fixes each symbol with probability equal to its initial frequency', () => {
    expect(result.fixation.absorbedShare[400]).toBe(1);
    const theory = fixationProbabilities(law);
    for (let i = 0; i < law.length; i++) {
      const sd = Math.sqrt((theory[i] * (1 - theory[i])) / runs);
      expect(Math.abs(result.fixation.fixedShareBySymbol[i] - theory[i])).toBeLessThan(4 * sd);
    }
  });

  it('takes about the diffusion approximation of the mean fixation time', () => {
    const mean = result.perRun.reduce((s, r) => s + r.absorbedAt, 0) / runs;
    const theory = meanFixationTime(law, effectiveSampleSize([40, 40]));
    // Diffusion approximation of a discrete chain with N ~ 20: agreement to ~15% is what it offers.
    expect(Math.abs(mean - theory) / theory).toBeLessThan(0.15);
    expect(result.fixation.halfAbsorbedGeneration).toBeGreaterThan(0.3 * theory);
    expect(result.fixation.halfAbsorbedGeneration).toBeLessThan(1.2 * theory);
  });
});

describe('replace with lambda < 1: random removal makes the chain absorbing', () => {
  // N = 60 whole tokens, m = 12 swapped per generation (lambda = 0.2), the model is the corpus law.
  const law = [12, 18, 30];
  const config: UnigramChainConfig = {
    initialLaw: law,
    paradigm: 'replace',
    trainingTokens: 60,
    generatedTokens: 12,
    corpusTokens: 60,
    trainOnWholeCorpus: true,
  };
  const keep = replaceCollisionKeep(60, 12);
  const ne = 1 / (1 - keep);
  const runs = 1000;
  // E[1 - S] falls by e^-1 every Ne ~ 165 generations: 15 Ne leave no run unabsorbed.
  const outcomes = Array.from({ length: runs }, (_, r) =>
    runToFixation(config, Math.ceil(15 * ne), `lambda-${r}`),
  );

  it('fixes every run, on each symbol with probability its initial frequency (4 standard errors)', () => {
    expect(outcomes.every((o) => o !== null)).toBe(true);
    const theory = fixationProbabilities(law);
    for (let i = 0; i < law.length; i++) {
      const share = outcomes.filter((o) => o?.[1] === i).length / runs;
      expect(Math.abs(share - theory[i])).toBeLessThan(4 * Math.sqrt((theory[i] * (1 - theory[i])) / runs));
    }
  });

  it("takes about 1 + Littler's time with Ne = 1 / (1 - keep) (diffusion approximation, within 15%)", () => {
    const mean = outcomes.reduce((s, o) => s + (o?.[0] ?? 0), 0) / runs;
    const theory = 1 + meanFixationTime([0.2, 0.3, 0.5], ne);
    expect(Math.abs(mean - theory) / theory).toBeLessThan(0.15);
  });
});

describe('collision probability of the fully synthetic chain', () => {
  const law = [0.4, 0.25, 0.15, 0.1, 0.05, 0.03, 0.015, 0.005];
  const s0 = collisionOf(law);
  const runs = 600;

  function meanCollision(config: UnigramChainConfig, generations: number): Float64Array {
    const mean = new Float64Array(generations + 1);
    for (let r = 0; r < runs; r++) {
      const run = runUnigramChain(config, generations, createRng(`collision-${r}`));
      for (let g = 0; g <= generations; g++) mean[g] += run.series[METRIC_INDEX.collision][g] / runs;
    }
    return mean;
  }

  it('lambda = 1, the model is the corpus law: 1 - S_n = (1 - 1/m)^(n - 1) (1 - S_0) (model 1 fits D0 itself)', () => {
    const M = 30;
    const config: UnigramChainConfig = {
      initialLaw: [12, 8, 5, 2, 1, 1, 1],
      paradigm: 'replace',
      trainingTokens: M,
      generatedTokens: M,
      corpusTokens: M,
      trainOnWholeCorpus: true,
    };
    const sc = collisionOf(Array.from(config.initialLaw, (c) => c / M));
    expect(expectedCollisionReplace(5, sc, M, M)).toBeCloseTo(1 - (1 - 1 / M) ** 4 * (1 - sc), 14);
    const mean = meanCollision(config, 40);
    expect(mean[1]).toBeCloseTo(sc, 14); // no run has drawn anything yet: p_1 is D0's law
    for (const n of [5, 20, 40]) {
      // sd of S across runs is below 0.35 here; 4 standard errors.
      expect(Math.abs(mean[n] - expectedCollisionReplace(n, sc, M, M))).toBeLessThan(
        (4 * 0.35) / Math.sqrt(runs),
      );
    }
    // And the formula is not trivially satisfied: S moved a lot.
    expect(expectedCollisionReplace(40, sc, M, M) - sc).toBeGreaterThan(0.3);
  });

  it('follows the two-stage form when M tokens are drawn from a corpus of m generated ones', () => {
    const config: UnigramChainConfig = {
      initialLaw: [10, 6, 4, 2, 1, 1, 1],
      paradigm: 'replace',
      trainingTokens: 50,
      generatedTokens: 25,
      corpusTokens: 25,
    };
    const sc = collisionOf(Array.from(config.initialLaw, (c) => c / 25));
    const mean = meanCollision(config, 20);
    // Model n has seen n training stages and n - 1 generation stages.
    for (const n of [1, 5, 20]) {
      const keep = (1 - 1 / 50) ** n * (1 - 1 / 25) ** (n - 1);
      expect(expectedCollisionReplace(n, sc, 25, 25, 50)).toBeCloseTo(1 - keep * (1 - sc), 14);
      expect(Math.abs(mean[n] - (1 - keep * (1 - sc)))).toBeLessThan((4 * 0.35) / Math.sqrt(runs));
    }
    expect(expectedCollision(2, s0, [50, 25])).toBeCloseTo(
      1 - (1 - 1 / 50) ** 2 * (1 - 1 / 25) ** 2 * (1 - s0),
      14,
    );
  });

  it('lambda < 1 with random removal: the mean of 1 - S_n over seeds is f keep^(n - 1) (1 - S_0) within 4 standard errors', () => {
    const counts = [40, 25, 15, 10, 5, 3, 1, 1];
    const config: UnigramChainConfig = {
      initialLaw: counts,
      paradigm: 'replace',
      trainingTokens: 100,
      generatedTokens: 10,
      corpusTokens: 100,
      trainOnWholeCorpus: true,
    };
    const sc = collisionOf(counts.map((c) => c / 100));
    // keep = 1 - [m (N - m)/(N - 1) + m] / N^2, by hand: 1 - (900/99 + 10) / 10,000.
    expect(replaceCollisionKeep(100, 10)).toBeCloseTo(1 - (900 / 99 + 10) / 10_000, 15);
    const generations = 500;
    const sums = new Float64Array(generations + 1);
    const squares = new Float64Array(generations + 1);
    for (let r = 0; r < runs; r++) {
      const run = runUnigramChain(config, generations, createRng(`removal-${r}`));
      for (let g = 0; g <= generations; g++) {
        const h = 1 - run.series[METRIC_INDEX.collision][g];
        sums[g] += h;
        squares[g] += h * h;
      }
    }
    for (const n of [1, 50, 200, 500]) {
      const mean = sums[n] / runs;
      const se = Math.sqrt(Math.max(squares[n] / runs - mean * mean, 0) / (runs - 1));
      expect(Math.abs(mean - (1 - expectedCollisionReplace(n, sc, 100, 10)))).toBeLessThanOrEqual(
        4 * se + 1e-12,
      );
    }
    // Removing the expected share instead (no removal noise) keeps 1 - m/N^2 a generation: at
    // n = 500 that form lies many standard errors away, so this test tells the two apart.
    const mean500 = sums[500] / runs;
    const se500 = Math.sqrt((squares[500] / runs - mean500 ** 2) / (runs - 1));
    expect(Math.abs(mean500 - (1 - 10 / 10_000) ** 499 * (1 - sc))).toBeGreaterThan(10 * se500);
  });
});

describe('closed forms', () => {
  it('reduce to the classic two-allele absorption time', () => {
    expect(meanFixationTime([0.3, 0.7], 100)).toBeCloseTo(meanAbsorptionTimeTwoSymbols(0.3, 100), 10);
    expect(meanAbsorptionTimeTwoSymbols(0.5, 100)).toBeCloseTo(200 * Math.log(2), 10);
  });

  it('give the neutral drift time by hand for two symbols', () => {
    // p = (1/2, 1/2): sum sqrt(p (1 - p)) = 1, so 1 - keep^n = 2 pi level^2.
    const keep = 0.99;
    expect(neutralDriftTime([0.5, 0.5], keep, 0.1)).toBeCloseTo(
      Math.log(1 - 2 * Math.PI * 0.01) / Math.log(keep),
      12,
    );
    expect(neutralDriftTime([0.5, 0.5], keep, 0.5)).toBe(Infinity); // 2 pi / 4 > 1: out of the approximation's reach
    expect(effectiveSampleSize([50])).toBeCloseTo(50, 10);
  });
});
