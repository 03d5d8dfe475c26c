/**
 * Which settings a running simulation takes from its next generation, as the registry says, in
 * the units a run's messages name them by: a section of the config whose settings all change
 * alike is named as one ("training", "decoding"), otherwise each setting by its path
 * ("sampling.maxLength"). In the config's own key order.
 */
import { DEFAULT_CONFIG } from './defaults';
import type { SettingPath } from './setting-paths';
import { isSettingPath, setting } from './settings';

export interface ChangeUnit {
  name: string;
  paths: readonly SettingPath[];
  live: boolean;
}

function changeUnits(): ChangeUnit[] {
  const units: ChangeUnit[] = [];
  for (const [key, value] of Object.entries(DEFAULT_CONFIG)) {
    if (typeof value !== 'object' || value === null) {
      if (isSettingPath(key)) units.push({ name: key, paths: [key], live: setting(key).live });
      continue;
    }
    const paths = Object.keys(value)
      .map((leaf) => `${key}.${leaf}`)
      .filter(isSettingPath);
    const live = paths.map((p) => setting(p).live);
    if (live.every((l) => l === live[0])) units.push({ name: key, paths, live: live[0] });
    else units.push(...paths.map((p, i) => ({ name: p, paths: [p], live: live[i] })));
  }
  return units;
}

export const CHANGE_UNITS: readonly ChangeUnit[] = changeUnits();
