/**
 * Which settings mean something for the chosen paradigm and model family (the registry's
 * `onlyFor`). A control that does nothing is disabled with its reason shown, rather than hidden,
 * so a teacher sees what each paradigm leaves out.
 */
import type { SimulationConfig } from '../../../engine/config/schema';
import type { SettingPath } from '../../../engine/config/setting-paths';
import { setting } from '../../../engine/config/settings';
import { PARADIGM_INFO } from './paradigm-info';

/** The panel's names for the settings whose control shows the reason; any setting by its path. */
const NAMED = {
  modelSize: 'model.size',
  trainingSteps: 'training.steps',
  continueTraining: 'model.continueTraining',
} as const satisfies Record<string, SettingPath>;

export type ConditionalSetting = SettingPath | keyof typeof NAMED;

export type Applicability = { applies: true } | { applies: false; reason: string };

const FAMILY_REASONS = {
  // The count model (theory mode) is refitted by counting: it has no size, steps or weights.
  transformer: 'The count model is refitted by counting; it has no network to size or train.',
  ngram: 'Used only by the count model.',
} as const;

/** Why the setting does nothing for this config, or null when it applies. */
export function notApplicable(path: SettingPath, config: SimulationConfig): string | null {
  const only = setting(path).onlyFor;
  if (only?.paradigms && !only.paradigms.includes(config.paradigm)) {
    return `Used only by ${only.paradigms.map((p) => `"${PARADIGM_INFO[p].label}"`).join(' and ')}.`;
  }
  if (only?.family && only.family !== config.model.family) return FAMILY_REASONS[only.family];
  return null;
}

export function applicability(name: ConditionalSetting, config: SimulationConfig): Applicability {
  const path = Object.hasOwn(NAMED, name) ? NAMED[name as keyof typeof NAMED] : (name as SettingPath);
  const reason = notApplicable(path, config);
  return reason === null ? { applies: true } : { applies: false, reason };
}
