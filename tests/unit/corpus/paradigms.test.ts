import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import type { SimulationConfig } from '../../../src/engine/config/schema';
import { Corpus, makeDocuments, totalChars, type CorpusDocument } from '../../../src/engine/corpus/corpus';
import { drawTrainingSet, writeBack, type ParadigmContext } from '../../../src/engine/corpus/paradigms';
import { createRng } from '../../../src/engine/rng';

/** n equal documents of `size` characters: granularity 1/n of the corpus. */
const docs = (n: number, size: number, origin: 'human' | number): CorpusDocument[] =>
  makeDocuments(
    Array.from({ length: n }, () => 'x'.repeat(size)),
    origin,
  );

function setUp(changes: Partial<SimulationConfig>, realDocs = 1000, size = 10, reserveDocs = realDocs) {
  const config = { ...DEFAULT_CONFIG, ...changes } as SimulationConfig;
  const real = docs(realDocs, size, 'human');
  const ctx: ParadigmContext = {
    config,
    real,
    realChars: totalChars(real),
    reserve: docs(reserveDocs, size, 'human'),
  };
  return { config, ctx, corpus: new Corpus(real) };
}

describe('paradigms', () => {
  it('replace with a fixed corpus: the corpus keeps its size and its human share falls', () => {
    // The expectation (1 - lambda)^n, over seeds, is checked in removal.test.ts: one run of a
    // random removal is (1 - lambda)^n only up to its noise.
    const lambda = 0.3;
    const { ctx, corpus } = setUp({ paradigm: 'replace', contamination: lambda });
    const rng = createRng(1);
    let share = 1;
    for (let n = 1; n <= 6; n++) {
      writeBack(corpus, docs(lambda * 1000, 10, n), ctx, rng);
      expect(corpus.chars).toBe(10_000);
      expect(corpus.humanShare()).toBeLessThan(share);
      share = corpus.humanShare();
    }
  });

  it('replace with everything swapped (the seed paper) leaves no human text after one generation', () => {
    const { ctx, corpus } = setUp({ paradigm: 'replace', contamination: 1 });
    writeBack(corpus, docs(1000, 10, 0), ctx, createRng(2));
    expect(corpus.humanShare()).toBe(0);
  });

  it('accumulate: the human share is N0 / (N0 + n m) exactly, and the model trains on all of it', () => {
    const { ctx, corpus } = setUp({ paradigm: 'accumulate', contamination: 0.05 });
    const rng = createRng(3);
    for (let n = 1; n <= 10; n++) {
      writeBack(corpus, docs(50, 10, n), ctx, rng);
      expect(corpus.humanShare()).toBe(10_000 / (10_000 + n * 500));
      expect(totalChars(drawTrainingSet(corpus, ctx, rng))).toBe(corpus.chars);
    }
  });

  it('accumulate-subsample: the corpus grows but each training set has about M characters', () => {
    const { ctx, corpus } = setUp({
      paradigm: 'accumulate-subsample',
      contamination: 0.5,
      trainingSample: 0.4,
    });
    const rng = createRng(4);
    for (let n = 1; n <= 4; n++) writeBack(corpus, docs(500, 10, n), ctx, rng);
    expect(corpus.chars).toBe(30_000);
    const sample = drawTrainingSet(corpus, ctx, rng);
    expect(totalChars(sample)).toBe(4_000);
    // A random sample: its human share is near the corpus' (1/3), not all human.
    const human = totalChars(sample.filter((d) => d.origin === 'human')) / 4_000;
    expect(Math.abs(human - 1 / 3)).toBeLessThan(0.06);
  });

  it('replace keeping 10% real data: a tenth of every training set is original human text', () => {
    const { ctx, corpus } = setUp({ paradigm: 'replace', contamination: 1, realKept: 0.1 });
    const rng = createRng(5);
    writeBack(corpus, docs(1000, 10, 0), ctx, rng);
    const set = drawTrainingSet(corpus, ctx, rng);
    expect(totalChars(set.filter((d) => d.origin === 'human')) / totalChars(set)).toBeCloseTo(0.1, 2);
  });

  it('replace keeping real data: generation 0 trains on D0 exactly, as with nothing kept', () => {
    const real = makeDocuments(
      Array.from({ length: 200 }, (_, i) => `real ${i} `.padEnd(20, 'x')),
      'human',
    );
    const config = { ...DEFAULT_CONFIG, paradigm: 'replace', realKept: 0.1 } as SimulationConfig;
    const ctx: ParadigmContext = { config, real, realChars: totalChars(real), reserve: [] };
    const corpus = new Corpus(real);
    expect(drawTrainingSet(corpus, ctx, createRng(9))).toEqual(
      drawTrainingSet(corpus, { ...ctx, config: { ...config, realKept: 0 } }, createRng(9)),
    );
  });

  it('replace keeping real data: no real document is in a training set twice', () => {
    const real = makeDocuments(
      Array.from({ length: 200 }, (_, i) => `real ${i} `.padEnd(20, 'x')),
      'human',
      true,
    );
    const config = {
      ...DEFAULT_CONFIG,
      paradigm: 'replace',
      contamination: 0.5,
      realKept: 0.3,
    } as SimulationConfig;
    const ctx: ParadigmContext = { config, real, realChars: totalChars(real), reserve: [] };
    const corpus = new Corpus(real);
    writeBack(corpus, docs(100, 20, 0), ctx, createRng(10));
    for (let seed = 0; seed < 20; seed++) {
      const texts = drawTrainingSet(corpus, ctx, createRng(seed))
        .filter((d) => d.origin === 'human')
        .map((d) => d.text);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('fresh data: k real characters enter each generation, so the human share stays bounded away from 0', () => {
    const { ctx, corpus } = setUp(
      { paradigm: 'fresh-data', contamination: 0.5, freshShare: 0.5 },
      1000,
      10,
      10_000,
    );
    const rng = createRng(6);
    for (let n = 1; n <= 20; n++) {
      const result = writeBack(corpus, docs(50, 10, n), ctx, rng);
      if (n <= 10) expect(result.freshChars).toBe(5_000);
    }
    expect(corpus.humanShare()).toBeGreaterThan(0.5);
  });

  it('fresh data says so when its reserve runs out', () => {
    const { ctx, corpus } = setUp({ paradigm: 'fresh-data', contamination: 0.1, freshShare: 1 }, 10, 10);
    writeBack(corpus, docs(1, 10, 1), ctx, createRng(7));
    const second = writeBack(corpus, docs(1, 10, 2), ctx, createRng(8));
    expect(second.freshChars).toBe(0);
    expect(second.notice).toMatch(/ran out/);
  });
});

describe('the corpus cap', () => {
  it('keeps a growing corpus at its cap, says so once, and keeps shrinking the human share', () => {
    const { ctx, corpus } = setUp({ paradigm: 'accumulate', contamination: 0.5 });
    ctx.corpusCap = 20_000;
    const rng = createRng(9);
    const notices: (string | undefined)[] = [];
    const shares: number[] = [];
    for (let n = 1; n <= 6; n++) {
      notices.push(writeBack(corpus, docs(500, 10, n), ctx, rng).notice);
      expect(corpus.chars).toBeLessThanOrEqual(20_000);
      shares.push(corpus.humanShare());
    }
    // 10,000 + 2 x 5,000 reaches the cap at generation 2; the notice comes once, at generation 3.
    expect(notices.filter(Boolean)).toHaveLength(1);
    expect(notices[2]).toMatch(/reached its cap of 20,000 characters/);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeLessThan(shares[i - 1]);
  });
});
