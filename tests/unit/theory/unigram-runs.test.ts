import { describe, expect, it } from 'vitest';
import { runManyUnigramChains } from '../../../src/engine/counts/many-runs';
import type { UnigramChainConfig } from '../../../src/engine/counts/unigram-chain';
import { UNIGRAM_METRICS } from '../../../src/engine/counts/unigram-metrics';
import { recordedGenerations } from '../../../src/engine/theory/recorded-generations';
import { runUnigramChains } from '../../../src/engine/theory/unigram-runs';
import { expectOrdered } from './fixtures';

describe('recorded generations', () => {
  it('keeps 0..100 one by one, then about 200 log-spaced points ending at the last generation', () => {
    const g = recordedGenerations(1_000_000);
    expect(g.slice(0, 101)).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(g.at(-1)).toBe(1_000_000);
    for (let i = 1; i < g.length; i++) expect(g[i]).toBeGreaterThan(g[i - 1]);
    expect(g.length).toBeGreaterThan(280);
    expect(g.length).toBeLessThanOrEqual(302);
    expect(recordedGenerations(40)).toEqual(Array.from({ length: 41 }, (_, i) => i));
  });
});

describe('many unigram runs with sparse recording', () => {
  // A three-symbol neutral chain that fixes within a few hundred generations.
  const config: UnigramChainConfig = {
    initialLaw: [0.2, 0.3, 0.5],
    paradigm: 'replace',
    trainingTokens: 30,
    generatedTokens: 30,
    corpusTokens: 30,
  };

  it('agrees draw for draw with runManyUnigramChains on the generations it records', async () => {
    const generations = 300;
    const recorded = recordedGenerations(generations, 20, 30);
    const sparse = await runUnigramChains(config, { runs: 60, generations, seed: 'plumbing', recorded });
    const dense = runManyUnigramChains(config, { runs: 60, generations, seed: 'plumbing' });
    for (const metric of UNIGRAM_METRICS) {
      expect(sparse.bands[metric].median).toEqual(recorded.map((g) => dense.bands[metric].median[g]));
      expect(sparse.bands[metric].p10).toEqual(recorded.map((g) => dense.bands[metric].p10[g]));
      expect(sparse.bands[metric].p90).toEqual(recorded.map((g) => dense.bands[metric].p90[g]));
      expectOrdered(sparse.bands[metric]);
    }
    expect(sparse.fixation.absorbedShare).toEqual(recorded.map((g) => dense.fixation.absorbedShare[g]));
    expect(sparse.fixation.halfAbsorbedGeneration).toBe(dense.fixation.halfAbsorbedGeneration);
    expect(sparse.fixation.fixedShareBySymbol).toEqual(Array.from(dense.fixation.fixedShareBySymbol));
    expect(sparse.perRun.absorbedAt).toEqual(
      dense.perRun.map((r) => (r.absorbedAt >= 0 ? r.absorbedAt : null)),
    );
    // Extinction generations of the symbol each run did not fix on are summarised per symbol.
    for (let i = 0; i < 3; i++) {
      const times = dense.perRun.map((r) => r.extinctionGeneration[i]).filter((t) => t >= 0);
      expect(sparse.extinction.extinctShareBySymbol[i]).toBeCloseTo(times.length / 60, 12);
    }
  });

  it('gives R seeds R distinct runs', async () => {
    // 40 symbols: TV values of different runs coincide only by accident, not by a shared stream.
    const law = Array.from({ length: 40 }, (_, i) => 1 / (i + 1));
    const result = await runUnigramChains(
      { ...config, initialLaw: law, generatedTokens: 3000, trainingTokens: 3000, corpusTokens: 3000 },
      {
        runs: 20,
        generations: 50,
        seed: 7,
        recorded: recordedGenerations(50),
      },
    );
    expect(new Set(result.perRun.finalTv).size).toBe(20);
    expect(result.runs).toBe(20);
  });

  it('reports progress and stops between runs when its signal aborts, keeping the finished runs', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const result = await runUnigramChains(
      { ...config, generatedTokens: 10_000, trainingTokens: 10_000, corpusTokens: 10_000 },
      {
        runs: 100,
        generations: 20_000,
        seed: 1,
        recorded: recordedGenerations(20_000),
        signal: controller.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done >= 40_000) controller.abort();
        },
      },
    );
    expect(result.cancelled).toBe(true);
    expect(result.runs).toBeGreaterThanOrEqual(2);
    expect(result.runs).toBeLessThan(100);
    expect(result.perRun.finalTv).toHaveLength(result.runs);
    expect(result.bands.tv.median.every((x) => x !== null)).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
  });
});
