/**
 * Which settings mean something for the chosen paradigm and model family. A control that does
 * nothing is disabled with its reason shown, rather than hidden, so a teacher sees what each
 * paradigm leaves out.
 */
import type { SimulationConfig } from '../../engine/config/schema';
import { PARADIGM_INFO } from './paradigm-info';

export type ConditionalSetting = 'realKept' | 'freshShare' | 'trainingSample' | 'modelSize' | 'trainingSteps' | 'continueTraining';

export type Applicability = { applies: true } | { applies: false; reason: string };

const APPLIES: Applicability = { applies: true };

const onlyFor = (config: SimulationConfig, paradigms: readonly SimulationConfig['paradigm'][]): Applicability => {
  if (paradigms.includes(config.paradigm)) return APPLIES;
  const names = paradigms.map((p) => `"${PARADIGM_INFO[p].label}"`).join(' and ');
  return { applies: false, reason: `Used only by ${names}.` };
};

export function applicability(setting: ConditionalSetting, config: SimulationConfig): Applicability {
  switch (setting) {
    case 'realKept':
      return onlyFor(config, ['replace']);
    case 'freshShare':
      return onlyFor(config, ['fresh-data']);
    case 'trainingSample':
      return onlyFor(config, ['accumulate-subsample', 'fresh-data']);
    case 'modelSize':
    case 'trainingSteps':
    case 'continueTraining':
      // The count model (theory mode) is refitted by counting: it has no size, steps or weights.
      return config.model.family === 'ngram'
        ? { applies: false, reason: 'The count model is refitted by counting; it has no network to size or train.' }
        : APPLIES;
  }
}
