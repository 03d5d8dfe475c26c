/**
 * How the settings fit together and fit the user's text (checkContradictions): the settings
 * panel lists the reasons, and Play runs the adjusted settings or refuses with the reason.
 */
import { checkContradictions, userCorpusFacts, type CorpusFacts, type ContradictionCheck } from '../../engine/config/contradictions';
import type { SimulationConfig } from '../../engine/config/schema';
import type { UserCorpus } from '../store/app-store';

/** Facts about the user's text when the run will use it; the vocabulary pass only while top-k needs it. */
export function corpusFactsFor(config: SimulationConfig, userCorpus: UserCorpus | null): CorpusFacts {
  if (config.corpus.source !== 'user' || !userCorpus) return {};
  return userCorpusFacts(userCorpus.documents, { vocabulary: config.decoding.topK > 0 });
}

export function configFit(config: SimulationConfig, userCorpus: UserCorpus | null): ContradictionCheck {
  return checkContradictions(config, corpusFactsFor(config, userCorpus));
}
