import { CONFIG_VERSION, type SimulationConfig } from './schema';

/**
 * Defaults: the seed paper's setting (replace, nothing real kept, temperature 1, no top-k,
 * fresh initialisation each generation) on the `tiny` transformer, with the cheapest budget
 * found at which generation 0 writes the language (about 90% real words, held-out perplexity
 * under 1.8), so that a class watches fluent text decay, not gibberish turn into other
 * gibberish. docs/SCIENCE.md ("Budgets") says how it was chosen.
 */
export const DEFAULT_CONFIG: SimulationConfig = {
  version: CONFIG_VERSION,
  seed: 1,
  generations: 10,
  corpus: { source: 'tiny-tales', realChars: 100_000, heldOutChars: 5_000 },
  model: { family: 'transformer', size: 'tiny', ngramOrder: 2, ngramAlpha: 0, continueTraining: false },
  paradigm: 'replace',
  contamination: 1,
  realKept: 0,
  freshShare: 0,
  trainingSample: 1,
  training: { steps: 1_400, batchSize: 32, learningRate: 1e-2, warmupSteps: 20, budgetRule: 'fixed-steps' },
  decoding: { temperature: 1, topK: 0, topP: 1 },
  filter: { keep: 1, dedupe: false, byClass: false },
  sampling: { maxLength: 600, sampler: 'auto' },
  evaluation: { sampleChars: 5_000 },
  runs: 1,
  compute: { workers: 0 },
};
