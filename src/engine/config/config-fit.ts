/**
 * How the settings fit together and fit the user's text (checkContradictions): the settings
 * panel lists the reasons, and Play runs the adjusted settings or refuses with the reason.
 */
import {
  checkContradictions,
  userCorpusFacts,
  type CorpusFacts,
  type ContradictionCheck,
} from './contradictions';
import type { SimulationConfig } from './schema';

/** The user's text, as far as the fit needs it. */
export interface UserText {
  documents: readonly string[];
}

/** Facts about the user's text when the run will use it; the vocabulary pass only while top-k needs it. */
function corpusFactsFor(config: SimulationConfig, userText: UserText | null): CorpusFacts {
  if (config.corpus.source !== 'user' || !userText) return {};
  return userCorpusFacts(userText.documents, { vocabulary: config.decoding.topK > 0 });
}

export function configFit(config: SimulationConfig, userText: UserText | null): ContradictionCheck {
  return checkContradictions(config, corpusFactsFor(config, userText));
}
