import { CONFIG_VERSION, type SimulationConfig } from './schema';

/**
 * Defaults: the seed paper's setting (replace, nothing real kept, temperature 1, no top-k,
 * fresh initialisation each generation) on the `tiny` transformer, with budgets tuned so
 * collapse shows within ten generations (see the closing note of the collapse-loop issue).
 */
export const DEFAULT_CONFIG: SimulationConfig = {
  version: CONFIG_VERSION,
  seed: 1,
  generations: 10,
  corpus: { source: 'tiny-tales', realChars: 40_000, heldOutChars: 10_000 },
  model: { family: 'transformer', size: 'tiny', ngramOrder: 2, ngramAlpha: 0, continueTraining: false },
  paradigm: 'replace',
  contamination: 1,
  realKept: 0,
  freshShare: 0,
  trainingSample: 1,
  training: { steps: 150, batchSize: 32, learningRate: 3e-3, warmupSteps: 15 },
  decoding: { temperature: 1, topK: 0, topP: 1 },
  sampling: { maxLength: 600, sampler: 'auto' },
  runs: 1,
};
