import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import type { SimulationConfig } from '../../../src/engine/config/schema';
import {
  Corpus,
  drawChars,
  makeDocuments,
  totalChars,
  type CorpusDocument,
  type Origin,
} from '../../../src/engine/corpus/corpus';
import { drawTrainingSet, writeBack, type ParadigmContext } from '../../../src/engine/corpus/paradigms';
import { createRng, type Rng } from '../../../src/engine/rng';

/** Documents of uneven sizes (4 to 600 characters, like stories) that add up to exactly `chars`. */
function unevenDocs(chars: number, origin: Origin, rng: Rng): CorpusDocument[] {
  const texts: string[] = [];
  let left = chars;
  while (left > 0) {
    const size = Math.min(left, 4 + rng.int(597));
    texts.push(String.fromCharCode(97 + (texts.length % 26)).repeat(size));
    left -= size;
  }
  return makeDocuments(texts, origin, origin === 'human');
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const standardError = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) / xs.length);
};
const charsOf = (docs: readonly CorpusDocument[], origin: Origin) =>
  totalChars(docs.filter((d) => d.origin === origin));

describe('removing a share of the corpus', () => {
  it('removes exactly the characters asked for, cutting the documents the cut ends in', () => {
    const rng = createRng(1);
    for (let seed = 0; seed < 50; seed++) {
      const corpus = new Corpus([...unevenDocs(7_000, 'human', rng), ...unevenDocs(3_000, 1, rng)]);
      const remove = 1 + rng.int(9_998);
      corpus.removeChars(remove, createRng(seed));
      expect(corpus.chars).toBe(10_000 - remove);
      expect(corpus.documents.every((d) => d.chars > 0 && d.chars === Array.from(d.text).length)).toBe(true);
    }
  });

  it('is unbiased across origins and document sizes: each origin keeps 1 - lambda of its text in expectation', () => {
    // One origin is a single 6,000-character document, the other 400 documents of 10: removing
    // whole documents in turn would either overshoot or never touch the big one.
    const lambda = 0.3;
    const big = makeDocuments(['b'.repeat(6_000)], 'human', true);
    const small = makeDocuments(
      Array.from({ length: 400 }, () => 's'.repeat(10)),
      1,
    );
    const keptBig: number[] = [];
    const keptSmall: number[] = [];
    for (let seed = 0; seed < 400; seed++) {
      const corpus = new Corpus([...big, ...small]);
      corpus.removeShare(lambda, createRng(seed));
      keptBig.push(charsOf(corpus.documents, 'human') / 6_000);
      keptSmall.push(charsOf(corpus.documents, 1) / 4_000);
    }
    for (const kept of [keptBig, keptSmall]) {
      expect(Math.abs(mean(kept) - (1 - lambda))).toBeLessThan(4 * standardError(kept) + 1e-9);
    }
  });

  it.each([0.05, 0.3, 1])(
    'replace at lambda = %s: the corpus stays at N0 and the real share is (1 - lambda)^n in expectation',
    (lambda) => {
      const n0 = 10_000;
      const m = Math.round(lambda * n0);
      const seeds = 150;
      const shares = new Map<number, number[]>([
        [1, []],
        [5, []],
        [20, []],
      ]);
      for (let seed = 0; seed < seeds; seed++) {
        const rng = createRng(seed).split('docs');
        const real = unevenDocs(n0, 'human', rng);
        const config = { ...DEFAULT_CONFIG, paradigm: 'replace', contamination: lambda } as SimulationConfig;
        const ctx: ParadigmContext = { config, real, realChars: n0, reserve: [] };
        const corpus = new Corpus(real);
        for (let n = 1; n <= 20; n++) {
          writeBack(corpus, unevenDocs(m, n, rng), ctx, createRng(seed).split(`write-${n}`));
          expect(corpus.chars).toBe(n0);
          shares.get(n)?.push(corpus.humanShare());
        }
      }
      for (const [n, values] of shares) {
        const expected = (1 - lambda) ** n;
        expect(
          Math.abs(mean(values) - expected),
          `n = ${n}: mean ${mean(values)} vs ${expected}`,
        ).toBeLessThanOrEqual(4 * standardError(values) + 1e-12);
      }
    },
  );
});

describe('exact budgets', () => {
  it('drawChars returns exactly the characters asked for (the last document cut), or everything when short', () => {
    const rng = createRng(2);
    const docs = unevenDocs(5_000, 'human', rng);
    for (const want of [1, 17, 999, 4_321, 5_000])
      expect(totalChars(drawChars(docs, want, createRng(want)))).toBe(want);
    expect(totalChars(drawChars(docs, 9_000, rng))).toBe(5_000);
  });

  it('replace keeping 10% real data: exactly a tenth of every training set is original human text', () => {
    const rng = createRng(3);
    const real = unevenDocs(10_000, 'human', rng);
    const config = {
      ...DEFAULT_CONFIG,
      paradigm: 'replace',
      contamination: 1,
      realKept: 0.1,
    } as SimulationConfig;
    const ctx: ParadigmContext = { config, real, realChars: 10_000, reserve: [] };
    const corpus = new Corpus(real);
    for (let n = 1; n <= 5; n++) {
      writeBack(corpus, unevenDocs(10_000, n, rng), ctx, rng.split(`write-${n}`));
      const set = drawTrainingSet(corpus, ctx, rng.split(`draw-${n}`));
      expect(totalChars(set)).toBe(10_000);
      expect(charsOf(set, 'human')).toBe(1_000);
    }
  });

  it('replace keeping real data: no part of a real document is in a training set twice, even once cut', () => {
    const rng = createRng(4);
    const real = unevenDocs(10_000, 'human', rng);
    const config = {
      ...DEFAULT_CONFIG,
      paradigm: 'replace',
      contamination: 0.5,
      realKept: 0.3,
    } as SimulationConfig;
    const ctx: ParadigmContext = { config, real, realChars: 10_000, reserve: [] };
    const corpus = new Corpus(real);
    writeBack(corpus, unevenDocs(5_000, 1, rng), ctx, rng.split('write'));
    expect(
      corpus.documents.some((d) => d.origin === 'human' && d.chars < real[d.source as number].chars),
    ).toBe(true);
    for (let seed = 0; seed < 20; seed++) {
      const sources = drawTrainingSet(corpus, ctx, createRng(seed))
        .filter((d) => d.origin === 'human')
        .map((d) => d.source);
      expect(new Set(sources).size).toBe(sources.length);
    }
  });

  it('accumulate-subsample trains on exactly M characters; fresh data adds exactly k real characters', () => {
    const rng = createRng(5);
    const real = unevenDocs(10_000, 'human', rng);
    const sub = {
      ...DEFAULT_CONFIG,
      paradigm: 'accumulate-subsample',
      contamination: 0.1,
      trainingSample: 0.37,
    } as SimulationConfig;
    const corpus = new Corpus(real);
    const subCtx: ParadigmContext = { config: sub, real, realChars: 10_000, reserve: [] };
    writeBack(corpus, unevenDocs(1_000, 1, rng), subCtx, rng);
    expect(totalChars(drawTrainingSet(corpus, subCtx, rng))).toBe(3_700);

    const fresh = { ...sub, paradigm: 'fresh-data', freshShare: 0.123 } as SimulationConfig;
    const freshCtx: ParadigmContext = {
      config: fresh,
      real,
      realChars: 10_000,
      reserve: unevenDocs(50_000, 'human', rng),
    };
    const before = corpus.chars;
    const result = writeBack(corpus, unevenDocs(1_000, 2, rng), freshCtx, rng);
    expect(result.freshChars).toBe(1_230);
    expect(corpus.chars).toBe(before + 1_000 + 1_230);
  });
});
