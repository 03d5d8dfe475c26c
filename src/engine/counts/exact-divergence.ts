/**
 * Exact divergence between a synthetic Markov source with a known law and a count model.
 *
 * Per-token KL(source || model) = sum over contexts x of pi(x) * KL(T(. | x) || q(. | x)),
 * with pi the source's stationary context distribution: equivalently the cross-entropy of
 * (infinitely long) source text under the model minus the source's entropy rate (docs/SCIENCE.md).
 * Nothing is sampled, so this is the ground truth the sampled divergences are checked against.
 */
import { EOD } from '../text/vocabulary';

/** A source of order k: transition(x_{t-k}, ..., x_{t-1}) is the law of x_t over ids 0..V-1. */
export interface MarkovSource {
  readonly order: number;
  readonly vocabularySize: number;
  transition(...context: number[]): ArrayLike<number>;
}

/** Anything with an exact next-symbol law, e.g. an NgramModel. */
export interface ExactLawModel {
  law(context: ArrayLike<number>): ArrayLike<number>;
}

export interface StationaryOptions {
  /**
   * Document convention: after the source emits EOD the next document starts, so the context
   * becomes all-EOD (as the n-gram model's padding assumes). Default true. With false the
   * chain runs on across EOD like any symbol.
   */
  eodResetsContext?: boolean;
  /** Stop when the L1 change of one step falls below this; default 1e-13. */
  tolerance?: number;
  maxIterations?: number;
}

/** Context tuple of a key (base V, oldest symbol first). */
function contextOfKey(key: number, order: number, v: number): number[] {
  const context = new Array<number>(order);
  for (let i = order - 1; i >= 0; i--) {
    context[i] = key % v;
    key = Math.floor(key / v);
  }
  return context;
}

/** The source's transition laws for every context key, as one V^k x V table. */
function transitionTable(source: MarkovSource): Float64Array {
  const v = source.vocabularySize;
  const contexts = v ** source.order;
  const table = new Float64Array(contexts * v);
  for (let key = 0; key < contexts; key++) {
    const law = source.transition(...contextOfKey(key, source.order, v));
    if (law.length !== v) throw new RangeError(`transition law has ${law.length} entries, expected ${v}`);
    let sum = 0;
    for (let s = 0; s < v; s++) sum += law[s];
    if (!(Math.abs(sum - 1) < 1e-9)) throw new RangeError(`transition law of context ${key} sums to ${sum}`);
    table.set(Array.from(law), key * v);
  }
  return table;
}

/**
 * Stationary distribution over the V^k contexts, by power iteration on the lazy chain
 * (P + I) / 2: same fixed point, but it converges for periodic chains too. Starts from the
 * start-of-document context (all EOD), so with several closed classes it finds the one that
 * documents actually live in.
 */
export function stationaryContextWeights(
  source: MarkovSource,
  options: StationaryOptions = {},
): Float64Array {
  const v = source.vocabularySize;
  const contexts = v ** source.order;
  const reset = options.eodResetsContext ?? true;
  const tolerance = options.tolerance ?? 1e-13;
  const maxIterations = options.maxIterations ?? 200_000;
  const table = transitionTable(source);
  let pi = new Float64Array(contexts);
  let next = new Float64Array(contexts);
  pi[EOD] = 1;
  for (let it = 0; it < maxIterations; it++) {
    next.fill(0);
    for (let key = 0; key < contexts; key++) {
      const w = pi[key];
      if (w === 0) continue;
      const shifted = (key * v) % contexts;
      for (let s = 0; s < v; s++) {
        const p = table[key * v + s];
        if (p === 0) continue;
        const to = reset && s === EOD ? EOD : shifted + s;
        next[to] += w * p;
      }
    }
    let change = 0;
    for (let key = 0; key < contexts; key++) {
      const lazy = 0.5 * (pi[key] + next[key]);
      change += Math.abs(lazy - pi[key]);
      next[key] = lazy;
    }
    [pi, next] = [next, pi];
    if (change < tolerance) break;
  }
  return pi;
}

export interface ExactDivergence {
  /** Per-token KL(source || model), nats (Infinity if the model excludes a possible event). */
  kl: number;
  /** Per-token cross-entropy of source text under the model, nats. */
  crossEntropy: number;
  /** Entropy rate of the source, nats per token. */
  entropyRate: number;
}

/**
 * Exact per-token KL(source || model). weights: the stationary context weights (V^k entries,
 * keyed like stationaryContextWeights); computed when omitted. The model is asked for its law
 * after each context tuple of the source's order.
 */
export function exactSourceModelKl(
  source: MarkovSource,
  model: ExactLawModel,
  weights: Float64Array = stationaryContextWeights(source),
): ExactDivergence {
  const v = source.vocabularySize;
  const contexts = v ** source.order;
  if (weights.length !== contexts)
    throw new RangeError(`expected ${contexts} context weights, got ${weights.length}`);
  let crossEntropy = 0;
  let entropyRate = 0;
  let kl = 0; // summed directly, not as a difference, so a tiny KL keeps its digits
  for (let key = 0; key < contexts; key++) {
    const w = weights[key];
    if (w === 0) continue;
    const context = contextOfKey(key, source.order, v);
    const t = source.transition(...context);
    const q = model.law(context);
    for (let s = 0; s < v; s++) {
      if (t[s] <= 0) continue;
      entropyRate -= w * t[s] * Math.log(t[s]);
      const logQ = q[s] > 0 ? Math.log(q[s]) : -Infinity;
      crossEntropy -= w * t[s] * logQ;
      kl += w * t[s] * (Math.log(t[s]) - logQ);
    }
  }
  return { kl: Math.max(0, kl), crossEntropy, entropyRate };
}

/**
 * Adapter for the project's order-2 text source (text/markov-source.ts): outcome 0 is EOD,
 * outcomes 1..K its symbols, documents start in context (EOD, EOD) and EOD resets it, which is
 * exactly stationaryContextWeights' default convention. Structural, so this layer does not
 * depend on that file.
 */
export function orderTwoSource(source: {
  readonly symbols: readonly string[];
  transition(prev2: number, prev1: number): ArrayLike<number>;
}): MarkovSource {
  return {
    order: 2,
    vocabularySize: source.symbols.length + 1,
    transition: (prev2: number, prev1: number) => source.transition(prev2, prev1),
  };
}
