import { CHANGE_UNITS } from '../../config/live-settings';
import type { SimulationConfig } from '../../config/schema';
import { readSetting, writeSetting } from '../../config/setting-paths';

/**
 * Settings a running simulation can take from its next generation on: the registry's live ones
 * (config/settings.ts). The others (seed, corpus, model family and size, n-gram order, sampler,
 * runs) shape what already exists and only change with a new run.
 */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface ConfigChange {
  config: SimulationConfig;
  changed: string[];
  /** Settings that differ but cannot change mid-run. */
  refused: string[];
}

/** The running config with the live settings of `next` applied. */
export function mergeLiveSettings(current: SimulationConfig, next: SimulationConfig): ConfigChange {
  let config: SimulationConfig = { ...current };
  const changed: string[] = [];
  const refused: string[] = [];
  for (const unit of CHANGE_UNITS) {
    if (unit.paths.every((p) => same(readSetting(current, p), readSetting(next, p)))) continue;
    if (!unit.live) refused.push(unit.name);
    else {
      for (const p of unit.paths) config = writeSetting(config, p, readSetting(next, p));
      changed.push(unit.name);
    }
  }
  return { config, changed, refused };
}
