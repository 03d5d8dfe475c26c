import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import {
  createMarkovSource,
  MARKOV_SYMBOLS,
  markovSourceFromLaw,
} from '../../../src/engine/text/markov-source';

describe('markov source: entropy rate of known cases', () => {
  it('is ln(k) for a law uniform over k outcomes in every context', () => {
    for (const k of [2, 5, 11]) {
      const symbols = [...'abcdefghijklmnop'].slice(0, k - 1); // k - 1 symbols + EOD = k outcomes
      const source = markovSourceFromLaw(symbols, () => new Array<number>(k).fill(1));
      expect(source.entropyRate()).toBeCloseTo(Math.log(k), 10);
    }
  });

  it('is 0 for a deterministic source ("abc" then EOD, forever)', () => {
    const source = markovSourceFromLaw(['a', 'b', 'c'], (_a, b) => {
      const next = [0, 0, 0, 0];
      next[b === 3 ? 0 : b + 1] = 1; // start -> a -> b -> c -> EOD
      return next;
    });
    expect(source.entropyRate()).toBe(0);
    expect(source.generateDocuments({ documents: 3 }, createRng(1))).toEqual(['abc', 'abc', 'abc']);
    expect(source.logProb('abc')).toBe(0);
    expect(source.logProb('abd')).toBe(-Infinity);
  });

  it('weights each context by its stationary share: 2/3 ln 2 for a coin that must be followed by "a"', () => {
    // After "b" always "a"; otherwise a fair coin between a and b. Stationary: P(a) = 2/3, P(b) = 1/3.
    const source = markovSourceFromLaw(['a', 'b'], (_a, b) => (b === 2 ? [0, 1, 0] : [0, 1, 1]));
    expect(source.entropyRate()).toBeCloseTo((2 / 3) * Math.log(2), 10);
  });
});

describe('markov source: the built-in seeded source', () => {
  const source = createMarkovSource(11);

  it('has about 30 symbols and well-formed laws', () => {
    expect(source.symbols).toEqual(MARKOV_SYMBOLS);
    expect(source.symbols.length).toBe(30);
    const law = source.transition(source.indexOf('t'), source.indexOf('h'));
    expect(law.length).toBe(31);
    expect(law.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Sparse-ish: a handful of successors carry most of the mass.
    const top = [...law].sort((a, b) => b - a).slice(0, 8);
    expect(top.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.85);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const again = createMarkovSource(11);
    expect(again.entropyRate()).toBe(source.entropyRate());
    expect(again.generateDocuments({ documents: 5 }, createRng(2))).toEqual(
      source.generateDocuments({ documents: 5 }, createRng(2)),
    );
    expect(createMarkovSource(12).entropyRate()).not.toBe(source.entropyRate());
  });

  it('writes word-like documents of about 100-400 characters that end', () => {
    const docs = source.generateDocuments({ minChars: 100_000 }, createRng(5));
    const mean = docs.reduce((a, d) => a + d.length, 0) / docs.length;
    expect(mean).toBeGreaterThan(100);
    expect(mean).toBeLessThan(400);
    for (const d of docs) expect(d).toMatch(/^[a-z][a-z ,.?]*[.?]$/);
    expect(docs.join(' ')).not.toMatch(/ {2}/);
  });

  it("has an entropy rate that long text's empirical log-loss converges to", () => {
    const rate = source.entropyRate();
    expect(rate).toBeGreaterThan(0.5);
    expect(rate).toBeLessThan(Math.log(31));
    const docs = source.generateDocuments({ minChars: 300_000 }, createRng(9));
    let nll = 0;
    let tokens = 0;
    for (const d of docs) {
      nll -= source.logProb(d);
      tokens += d.length + 1; // the EOD counts as a token
    }
    expect(Math.abs(nll / tokens - rate)).toBeLessThan(0.01);
  });
});
