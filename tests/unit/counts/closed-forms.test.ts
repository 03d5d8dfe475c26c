import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import type { UnigramChainConfig } from '../../../src/engine/counts/unigram-chain';
import { runUnigramChain } from '../../../src/engine/counts/unigram-run';
import { runManyUnigramChains } from '../../../src/engine/counts/many-runs';
import { METRIC_INDEX } from '../../../src/engine/counts/unigram-metrics';
import {
  biasedDriftAccumulateSubsample,
  biasedDriftReplace,
  collisionOf,
  effectiveSampleSize,
  expectedCollision,
  fixationProbabilities,
  meanAbsorptionTimeTwoSymbols,
  meanFixationTime,
} from '../../../src/engine/counts/closed-forms';

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

  it('follows 1 - S_n = (1 - 1/M)^n (1 - S_0) when each model fits the previous one\'s M tokens', () => {
    const M = 30;
    const config: UnigramChainConfig = {
      initialLaw: law,
      paradigm: 'replace',
      trainingTokens: M,
      generatedTokens: M,
      corpusTokens: M,
      trainOnWholeCorpus: true,
    };
    const mean = meanCollision(config, 40);
    for (const n of [1, 5, 20, 40]) {
      // sd of S across runs is below 0.35 here; 4 standard errors.
      expect(Math.abs(mean[n] - expectedCollision(n, s0, [M]))).toBeLessThan((4 * 0.35) / Math.sqrt(runs));
    }
    // And the formula is not trivially satisfied: S moved a lot.
    expect(expectedCollision(40, s0, [M]) - s0).toBeGreaterThan(0.3);
  });

  it('follows the two-stage form when M tokens are drawn from a corpus of m generated ones', () => {
    const config: UnigramChainConfig = {
      initialLaw: law,
      paradigm: 'replace',
      trainingTokens: 50,
      generatedTokens: 25,
      corpusTokens: 25,
    };
    const mean = meanCollision(config, 20);
    // Model n has seen n training stages and n - 1 generation stages.
    for (const n of [1, 5, 20]) {
      const keep = (1 - 1 / 50) ** n * (1 - 1 / 25) ** (n - 1);
      expect(Math.abs(mean[n] - (1 - keep * (1 - s0)))).toBeLessThan((4 * 0.35) / Math.sqrt(runs));
    }
    expect(expectedCollision(2, s0, [50, 25])).toBeCloseTo(1 - (1 - 1 / 50) ** 2 * (1 - 1 / 25) ** 2 * (1 - s0), 14);
  });
});

describe('closed forms', () => {
  it('reduce to the classic two-allele absorption time', () => {
    expect(meanFixationTime([0.3, 0.7], 100)).toBeCloseTo(meanAbsorptionTimeTwoSymbols(0.3, 100), 10);
    expect(meanAbsorptionTimeTwoSymbols(0.5, 100)).toBeCloseTo(200 * Math.log(2), 10);
  });

  it('give the biased-drift curves of SCIENCE.md', () => {
    expect(biasedDriftReplace(10, 0.1, 0.02)).toBeCloseTo(0.02, 14);
    expect(biasedDriftAccumulateSubsample(100, 1000, 10, 0.02)).toBeCloseTo(0.02 * Math.log(2), 14);
    expect(effectiveSampleSize([50])).toBeCloseTo(50, 10);
  });
});
