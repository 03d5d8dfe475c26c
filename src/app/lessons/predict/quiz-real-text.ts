/**
 * The real held-out documents the quiz deals from. A run made here brings a few with it
 * (realSamples); a recorded or imported run.json carries none, but a built-in corpus is generated
 * from the run's settings and seed, so dealing it again gives back exactly the held-out text that
 * run measured itself on. A user's own text cannot be made again: then there is none.
 */
import { prepareCorpus } from '../../../engine/corpus/prepare';
import type { SimulationConfig } from '../../../engine/config/schema';

export function quizRealTexts(realSamples: readonly string[], config: SimulationConfig | null): string[] {
  if (realSamples.length > 0) return [...realSamples];
  if (config === null || config.corpus.source === 'user') return [];
  return prepareCorpus(config).heldOut;
}
