/**
 * markov: a synthetic source whose law is known exactly, so the exact per-token divergence
 * KL(source || model) = cross-entropy of source text under the model - entropy rate
 * can be drawn next to the estimated ones (docs/SCIENCE.md, "Exact KL").
 *
 * The process (binding for entropyRate and logProb):
 * - Outcomes are EOD (index 0, as in vocabulary.ts) and the K symbols (index 1..K).
 * - A document starts in context (EOD, EOD): index 0 in a context means "start of document".
 * - In context (a, b) the next outcome c is drawn from transition(a, b). If c is a symbol, the
 *   context becomes (b, c). If c is EOD, the document ends (EOD counts as a token, as the models
 *   predict it) and the next document starts again in (EOD, EOD).
 * The stream of documents is a Markov chain on context pairs; its entropy rate is
 * sum over pairs of stationary(pair) * H(transition(pair)), in nats per token (EOD included).
 */
import { createRng } from '../rng';
import type { Rng } from '../rng';

/** 26 letters, space and three punctuation marks: 30 symbols, 31 outcomes with EOD. */
export const MARKOV_SYMBOLS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', ' ', '.', ',', '?'];

export interface MarkovSource {
  /** The K symbols; outcome index i + 1 is symbols[i], outcome 0 is EOD. */
  readonly symbols: readonly string[];
  /** Outcome index of a character (1..K), or -1 if the source never emits it. */
  indexOf(char: string): number;
  /** Law of the next outcome (length K + 1, index 0 = EOD) in context (prev2, prev1); 0 = start. */
  transition(prev2: number, prev1: number): Float64Array;
  /** Documents drawn from the source until a count or a total length is reached. */
  generateDocuments(size: { documents: number } | { minChars: number }, rng: Rng): string[];
  /** Exact entropy rate in nats per token (EOD tokens included); computed once. */
  entropyRate(): number;
  /** Exact natural-log likelihood of a document and its closing EOD; -Infinity if impossible. */
  logProb(document: string): number;
}

class TableMarkovSource implements MarkovSource {
  private readonly n: number; // outcomes, K + 1
  /** laws[(a * n + b) * n + c] = P(c | a, b). */
  private readonly laws: Float64Array;
  private readonly index = new Map<string, number>();
  private cachedEntropyRate: number | null = null;

  constructor(
    readonly symbols: readonly string[],
    law: (prev2: number, prev1: number) => ArrayLike<number>,
  ) {
    this.n = symbols.length + 1;
    const n = this.n;
    symbols.forEach((s, i) => this.index.set(s, i + 1));
    this.laws = new Float64Array(n * n * n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const p = law(a, b);
        if (p.length !== n)
          throw new Error(`markov law for (${a}, ${b}) has ${p.length} entries, expected ${n}`);
        let total = 0;
        for (let c = 0; c < n; c++) {
          if (!(p[c] >= 0)) throw new Error(`markov law for (${a}, ${b}) has a negative or NaN entry`);
          total += p[c];
        }
        if (!(total > 0)) throw new Error(`markov law for (${a}, ${b}) is all zero`);
        const offset = (a * n + b) * n;
        for (let c = 0; c < n; c++) this.laws[offset + c] = p[c] / total;
      }
    }
  }

  indexOf(char: string): number {
    return this.index.get(char) ?? -1;
  }

  transition(prev2: number, prev1: number): Float64Array {
    const offset = (prev2 * this.n + prev1) * this.n;
    return this.laws.slice(offset, offset + this.n);
  }

  generateDocuments(size: { documents: number } | { minChars: number }, rng: Rng): string[] {
    const n = this.n;
    const docs: string[] = [];
    let chars = 0;
    const done = (): boolean =>
      'documents' in size ? docs.length >= size.documents : chars >= size.minChars;
    while (!done()) {
      let a = 0;
      let b = 0;
      const out: string[] = [];
      for (;;) {
        const offset = (a * n + b) * n;
        let u = rng.next();
        let c = n - 1;
        for (let k = 0; k < n; k++) {
          u -= this.laws[offset + k];
          if (u < 0) {
            c = k;
            break;
          }
        }
        // Round-off can leave u a hair above 0: fall back to the last outcome with mass.
        while (this.laws[offset + c] === 0) c--;
        if (c === 0) break;
        out.push(this.symbols[c - 1]);
        a = b;
        b = c;
      }
      const doc = out.join('');
      docs.push(doc);
      chars += doc.length;
    }
    return docs;
  }

  logProb(document: string): number {
    const n = this.n;
    let a = 0;
    let b = 0;
    let sum = 0;
    for (const ch of document) {
      const c = this.index.get(ch);
      if (c === undefined) return -Infinity;
      sum += Math.log(this.laws[(a * n + b) * n + c]);
      a = b;
      b = c;
    }
    return sum + Math.log(this.laws[(a * n + b) * n]);
  }

  entropyRate(): number {
    this.cachedEntropyRate ??= this.computeEntropyRate();
    return this.cachedEntropyRate;
  }

  /**
   * Stationary law of the pair chain by power iteration from the start pair, on the lazy chain
   * (1/2 stay, 1/2 move: same stationary law, and never periodic, so the iteration converges
   * even for a source that alternates deterministically). Pairs the chain cannot reach keep 0.
   */
  private computeEntropyRate(): number {
    const n = this.n;
    const pairs = n * n;
    const entropy = new Float64Array(pairs);
    for (let s = 0; s < pairs; s++) {
      let h = 0;
      for (let c = 0; c < n; c++) {
        const p = this.laws[s * n + c];
        if (p > 0) h -= p * Math.log(p);
      }
      entropy[s] = h;
    }
    let pi = new Float64Array(pairs);
    let next = new Float64Array(pairs);
    pi[0] = 1;
    for (let iter = 0; iter < 200_000; iter++) {
      for (let s = 0; s < pairs; s++) next[s] = 0.5 * pi[s];
      for (let s = 0; s < pairs; s++) {
        const mass = 0.5 * pi[s];
        if (mass === 0) continue;
        const b = s % n;
        const offset = s * n;
        next[0] += mass * this.laws[offset]; // EOD: back to the start pair (0, 0)
        for (let c = 1; c < n; c++) next[b * n + c] += mass * this.laws[offset + c];
      }
      let change = 0;
      for (let s = 0; s < pairs; s++) change += Math.abs(next[s] - pi[s]);
      [pi, next] = [next, pi];
      if (change < 1e-14) break;
    }
    let rate = 0;
    for (let s = 0; s < pairs; s++) rate += pi[s] * entropy[s];
    return rate;
  }
}

/** A source from any law (tests use known cases); entries are normalised per context. */
export function markovSourceFromLaw(
  symbols: readonly string[],
  law: (prev2: number, prev1: number) => ArrayLike<number>,
): MarkovSource {
  return new TableMarkovSource(symbols, law);
}

const LETTERS = 26;
const SPACE = 27; // outcome indices: letters 1..26, then space, '.', ',', '?'
const PERIOD = 28;
const COMMA = 29;
const QUESTION = 30;

/**
 * Spreads `mass` over a handful (2 to 6) of letters with exponential weights (a Dirichlet(1)
 * draw), plus a thin floor over all letters: most contexts have a few likely successors, as in
 * text, yet any letter can follow, so every letter pair occurs and the chain is irreducible.
 */
function addLetters(p: Float64Array, mass: number, rng: Rng): void {
  const floor = 0.03 * mass;
  for (let c = 1; c <= LETTERS; c++) p[c] += floor / LETTERS;
  const handful = 2 + rng.int(5);
  const weights: number[] = [];
  for (let k = 0; k < handful; k++) weights.push(-Math.log(1 - rng.next()));
  const total = weights.reduce((x, y) => x + y, 0);
  for (const w of weights) p[1 + rng.int(LETTERS)] += ((mass - floor) * w) / total;
}

/**
 * The built-in source: letters form "words" (a word ends with a space or punctuation, more
 * often the longer it is), a space is always followed by a letter, punctuation by a space, and
 * a document may end only after '.' or '?'. Its tables are drawn once from the seed.
 * Documents average about 100-400 characters.
 */
export function createMarkovSource(seed: number | Rng): MarkovSource {
  const rng = typeof seed === 'number' ? createRng(seed).split('markov-source') : seed;
  const n = MARKOV_SYMBOLS.length + 1;
  const tables = new Map<number, Float64Array>();
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const p = new Float64Array(n);
      const aIsLetter = a >= 1 && a <= LETTERS;
      if (b === 0 || b === SPACE) {
        addLetters(p, 1, rng); // a word starts
      } else if (b <= LETTERS) {
        // Inside a word: one-letter words are rare, and words end more often after two letters.
        const end = aIsLetter ? 0.15 + 0.2 * rng.next() : 0.04;
        const punct = aIsLetter ? 0.05 + 0.05 * rng.next() : 0;
        addLetters(p, 1 - end - punct, rng);
        p[SPACE] += end;
        p[PERIOD] += 0.55 * punct;
        p[COMMA] += 0.3 * punct;
        p[QUESTION] += 0.15 * punct;
      } else {
        // After punctuation: a space, or (after . and ?) the document's end.
        const eod = b === COMMA ? 0 : 0.06 + 0.1 * rng.next();
        p[0] = eod;
        p[SPACE] = 1 - eod;
      }
      tables.set(a * n + b, p);
    }
  }
  return new TableMarkovSource(MARKOV_SYMBOLS, (a, b) => tables.get(a * n + b) ?? new Float64Array(n));
}
