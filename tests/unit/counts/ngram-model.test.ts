import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { NgramModel } from '../../../src/engine/counts/ngram-model';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { NgramFamily } from '../../../src/engine/loop/families/ngram';
import { buildVocabulary } from '../../../src/engine/text/vocabulary';

// Ids: 0 = EOD, 1 = UNK, 2 = a, 3 = b, 4 = c.
const V = 5;
const doc = (...ids: number[]) => Int32Array.from(ids);
const rounded = (law: ArrayLike<number>) => Array.from(law, (p) => +p.toFixed(12));

describe('NgramModel.fit (MLE)', () => {
  // "abaa" then EOD: bigram events  EOD>a, a>b, b>a, a>a, a>EOD.
  const bigram = NgramModel.fit([doc(2, 3, 2, 2)], { order: 1, vocabularySize: V });

  it('equals the hand-counted bigram table', () => {
    expect(rounded(bigram.law([2]))).toEqual(rounded([1 / 3, 0, 1 / 3, 1 / 3, 0]));
    expect(rounded(bigram.law([3]))).toEqual([0, 0, 1, 0, 0]);
    expect(rounded(bigram.law([]))).toEqual([0, 0, 1, 0, 0]); // start of document
    expect(bigram.trainingTokens).toBe(5);
  });

  it('equals the hand-counted trigram and unigram tables', () => {
    const trigram = NgramModel.fit([doc(2, 3, 2, 2), doc(2, 2)], { order: 2, vocabularySize: V });
    // Trigram contexts of doc 1: (EOD,EOD)>a, (EOD,a)>b, (a,b)>a, (b,a)>a, (a,a)>EOD;
    // doc 2: (EOD,EOD)>a, (EOD,a)>a, (a,a)>EOD.
    expect(rounded(trigram.law([0, 2]))).toEqual([0, 0, 0.5, 0.5, 0]);
    expect(rounded(trigram.law([2, 2]))).toEqual([1, 0, 0, 0, 0]);
    expect(rounded(trigram.law([3, 2]))).toEqual([0, 0, 1, 0, 0]);
    // Unseen (b, b) backs off to the bigram context b: b>a once.
    expect(rounded(trigram.law([3, 3]))).toEqual([0, 0, 1, 0, 0]);
    const unigram = NgramModel.fit([doc(2, 3, 2, 2), doc(2, 2)], { order: 0, vocabularySize: V });
    // 8 events: a x5, b x1, EOD x2.
    expect(rounded(unigram.law([4, 4]))).toEqual(rounded([2 / 8, 0, 5 / 8, 1 / 8, 0]));
  });

  it('applies add-alpha to the counts', () => {
    const smoothed = NgramModel.fit([doc(2, 3, 2, 2)], { order: 1, vocabularySize: V, alpha: 0.5 });
    // context a: counts EOD 1, a 1, b 1 of 3; (c + 0.5) / (3 + 2.5)
    expect(rounded(smoothed.law([2]))).toEqual(
      rounded([1.5 / 5.5, 0.5 / 5.5, 1.5 / 5.5, 1.5 / 5.5, 0.5 / 5.5]),
    );
  });

  it('tends to the uniform law as alpha grows', () => {
    const heavy = NgramModel.fit([doc(2, 3, 2, 2, 4, 4, 4)], { order: 2, vocabularySize: V, alpha: 1e9 });
    for (const context of [[], [2], [2, 3], [4, 4], [3, 3]]) {
      for (const p of heavy.law(context)) expect(p).toBeCloseTo(1 / V, 7);
    }
  });

  it('rejects ids outside the vocabulary and bad orders', () => {
    expect(() => NgramModel.fit([doc(2, 7)], { order: 1, vocabularySize: V })).toThrow(
      /outside the vocabulary/,
    );
    expect(() => NgramModel.fit([], { order: 5, vocabularySize: V })).toThrow(/order/);
  });
});

describe('NgramModel.logLikelihood', () => {
  const model = NgramModel.fit([doc(2, 3, 2, 2)], { order: 1, vocabularySize: V });

  it('scores training text with the hand-computed NLL, EOD included', () => {
    // p: EOD>a 1, a>b 1/3, b>a 1, a>a 1/3, a>EOD 1/3.
    const ll = model.logLikelihood([doc(2, 3, 2, 2)]);
    expect(ll.tokens).toBe(5);
    expect(ll.nll).toBeCloseTo(3 * Math.log(3), 12);
    expect(ll.perplexity).toBeCloseTo(Math.exp((3 * Math.log(3)) / 5), 12);
    expect(ll.zeroProbabilityTokens).toBe(0);
  });

  it('reports Infinity for unseen events without a floor, a finite value with one', () => {
    const held = [doc(2, 4, 2)];
    const raw = model.logLikelihood(held);
    expect(raw.perplexity).toBe(Infinity);
    // a>c has probability 0; context c was never seen, so c>a backs off to the unigram law.
    expect(raw.zeroProbabilityTokens).toBe(1);
    const floored = model.logLikelihood(held, { floor: 1e-6 });
    expect(Number.isFinite(floored.perplexity)).toBe(true);
    expect(raw.flooredTokens).toBe(0);
  });

  it('counts the tokens scored at the floor, which set the perplexity', () => {
    // "aca" + EOD against the bigram of "abaa": EOD>a 1, a>c 0 (floored), c>a backs off to the
    // unigram law (a: 3/5), a>EOD 1/3. One floored token adds ln(1e6) = 13.8 nats of the 16.3.
    const ll = model.logLikelihood([doc(2, 4, 2)], { floor: 1e-6 });
    expect(ll.flooredTokens).toBe(1);
    expect(ll.zeroProbabilityTokens).toBe(1);
    expect(ll.nll).toBeCloseTo(Math.log(1e6) - Math.log(3 / 5) + Math.log(3), 10);
    // A probability above zero but below the floor is floored too, and is no zero.
    const smoothed = NgramModel.fit([doc(2, 3, 2, 2)], { order: 1, vocabularySize: V, alpha: 1e-9 });
    const tiny = smoothed.logLikelihood([doc(2, 4, 2)], { floor: 1e-6 });
    expect(tiny.zeroProbabilityTokens).toBe(0);
    expect(tiny.flooredTokens).toBe(1); // a>c: 1e-9 / 3; c>a backs off to the unigram law, 3/5
  });

  it('reaches the loop: the n-gram family reports the floored tokens of its held-out NLL', async () => {
    const vocabulary = buildVocabulary(['ab']);
    const family = new NgramFamily(
      {
        ...DEFAULT_CONFIG,
        model: { ...DEFAULT_CONFIG.model, family: 'ngram', ngramOrder: 1, ngramAlpha: 0 },
      },
      vocabulary,
    );
    const trained = await family.train(0, [vocabulary.encode('aba')], async () => {});
    // Bigrams seen: EOD>a, a>b, b>a, a>EOD. In "abba" only b>b is new; "aba" is all seen.
    const ll = await trained.nll([vocabulary.encode('abba'), vocabulary.encode('aba')]);
    expect(ll.tokens).toBe(9);
    expect(ll.flooredTokens).toBe(1);
  });
});

describe('NgramModel.sampleDocuments', () => {
  const rng = createRng('ngram-text');
  // A skewed training sample over a..c with every bigram present.
  const training: Int32Array[] = [];
  for (let d = 0; d < 200; d++) {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(2 + rng.categorical([0.6, 0.3, 0.1]));
    training.push(Int32Array.from(ids));
  }

  it('never emits a symbol excluded by top-k in its context', () => {
    const model = NgramModel.fit(training, { order: 1, vocabularySize: V });
    const topK = 2;
    const samples = model.sampleDocuments(300, 40, { temperature: 1.5, topK, topP: 1 }, createRng('topk'));
    let checked = 0;
    for (const sample of samples) {
      let previous: number[] = [];
      for (const symbol of sample) {
        const law = model.law(previous);
        const rank = Array.from(law).filter((p) => p > law[symbol]).length;
        expect(rank).toBeLessThan(topK);
        previous = [symbol];
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // c (p ~ 0.1) is never among the top 2 of any context here, so it must be absent.
    expect(samples.some((s) => s.includes(4))).toBe(false);
  });

  it('reproduces its own law: refitting on many samples recovers the bigram table', () => {
    const model = NgramModel.fit(training, { order: 1, vocabularySize: V });
    const samples = model.sampleDocuments(
      3000,
      100,
      { temperature: 1, topK: 0, topP: 1 },
      createRng('refit'),
    );
    const refit = NgramModel.fit(samples, { order: 1, vocabularySize: V });
    for (const context of [[], [2], [3], [4]]) {
      const a = model.law(context);
      const b = refit.law(context);
      for (let s = 0; s < V; s++) expect(Math.abs(a[s] - b[s])).toBeLessThan(0.02);
    }
  });

  it('is reproducible from the seed and respects maxLength', () => {
    const model = NgramModel.fit(training, { order: 2, vocabularySize: V });
    const a = model.sampleDocuments(20, 7, { temperature: 1, topK: 0, topP: 1 }, createRng(9));
    const b = model.sampleDocuments(20, 7, { temperature: 1, topK: 0, topP: 1 }, createRng(9));
    expect(a).toEqual(b);
    expect(a.every((d) => d.length <= 7 && !d.includes(0))).toBe(true);
  });
});
