import { describe, expect, it } from 'vitest';
import { NgramModel } from '../../../src/engine/counts/ngram-model';
import {
  exactSourceModelKl,
  stationaryContextWeights,
  type MarkovSource,
} from '../../../src/engine/counts/exact-divergence';

// Two symbols: 0 = EOD, 1 = x. Source: order-1 chain.
const T = [
  [0.3, 0.7], // after EOD (start of document)
  [0.4, 0.6], // after x
];
const bigramSource: MarkovSource = { order: 1, vocabularySize: 2, transition: (prev: number) => T[prev] };

describe('exact KL(source || model)', () => {
  it('finds the stationary context weights of the two-symbol chain', () => {
    // pi0 = 0.3 pi0 + 0.4 pi1 -> pi = (4/11, 7/11).
    const pi = stationaryContextWeights(bigramSource);
    expect(pi[0]).toBeCloseTo(4 / 11, 12);
    expect(pi[1]).toBeCloseTo(7 / 11, 12);
  });

  it('equals the hand-computed table for a bigram model fit on three documents', () => {
    // Documents "xxx", "x", "": events EOD>x x2, EOD>EOD x1, x>x x2, x>EOD x2.
    const model = NgramModel.fit([Int32Array.of(1, 1, 1), Int32Array.of(1), Int32Array.of()], {
      order: 1,
      vocabularySize: 2,
    });
    expect(Array.from(model.law([0]))).toEqual([1 / 3, 2 / 3]);
    expect(Array.from(model.law([1]))).toEqual([0.5, 0.5]);
    // KL = 4/11 [.3 ln(.3/(1/3)) + .7 ln(.7/(2/3))] + 7/11 [.4 ln(.4/.5) + .6 ln(.6/.5)]
    const { kl, crossEntropy, entropyRate } = exactSourceModelKl(bigramSource, model);
    expect(kl).toBeCloseTo(0.013738948703621839, 12);
    const h =
      -(4 / 11) * (0.3 * Math.log(0.3) + 0.7 * Math.log(0.7)) -
      (7 / 11) * (0.4 * Math.log(0.4) + 0.6 * Math.log(0.6));
    expect(entropyRate).toBeCloseTo(h, 12);
    expect(crossEntropy - entropyRate).toBeCloseTo(kl, 12);
  });

  it('is zero for the source itself and infinite when the model excludes a possible event', () => {
    const itself = { law: (context: ArrayLike<number>) => T[context[context.length - 1] ?? 0] };
    expect(exactSourceModelKl(bigramSource, itself).kl).toBeCloseTo(0, 14);
    const blind = { law: () => [1, 0] };
    expect(exactSourceModelKl(bigramSource, blind).kl).toBe(Infinity);
  });

  it('shrinks as a trigram model sees more of an order-2 source', () => {
    // Order-2 source over EOD, UNK (never used) and three letters.
    const source: MarkovSource = {
      order: 2,
      vocabularySize: 5,
      transition: (a: number, b: number) => {
        const w = [0.05, 0, 1 + ((a * 3 + b) % 4), 1 + ((a + 2 * b) % 3), 0.5 + (b === 4 ? 2 : 0)];
        const s = w.reduce((x, y) => x + y, 0);
        return w.map((x) => x / s);
      },
    };
    const pi = stationaryContextWeights(source);
    expect(pi.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    const sample = (docs: number, seed: number) => {
      let state = seed;
      const rand = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
      const out: Int32Array[] = [];
      for (let d = 0; d < docs; d++) {
        const ids: number[] = [];
        let a = 0;
        let b = 0;
        for (;;) {
          const law = source.transition(a, b);
          let u = rand();
          let s = 0;
          while (s < 4 && u >= law[s]) u -= law[s++];
          if (s === 0 || ids.length > 500) break;
          ids.push(s);
          a = b;
          b = s;
        }
        out.push(Int32Array.from(ids));
      }
      return out;
    };
    const small = exactSourceModelKl(
      source,
      NgramModel.fit(sample(30, 1), { order: 2, vocabularySize: 5, alpha: 0.1 }),
      pi,
    );
    const large = exactSourceModelKl(
      source,
      NgramModel.fit(sample(3000, 2), { order: 2, vocabularySize: 5, alpha: 0.1 }),
      pi,
    );
    expect(large.kl).toBeLessThan(small.kl / 5);
    expect(large.kl).toBeLessThan(0.01);
  });
});
