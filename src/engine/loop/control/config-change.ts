import type { SimulationConfig } from '../../config/schema';

/**
 * Settings a running simulation can take from its next generation on. The others (seed,
 * corpus, model family and size, n-gram order, sampler, runs) shape what already exists and
 * only change with a new run.
 */
const LIVE_KEYS = ['generations', 'paradigm', 'contamination', 'realKept', 'freshShare', 'trainingSample', 'training', 'decoding', 'filter'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface ConfigChange {
  config: SimulationConfig;
  changed: string[];
  /** Settings that differ but cannot change mid-run. */
  refused: string[];
}

/** The running config with the live settings of `next` applied. */
export function mergeLiveSettings(current: SimulationConfig, next: SimulationConfig): ConfigChange {
  const config: SimulationConfig = { ...current };
  const changed: string[] = [];
  for (const key of LIVE_KEYS) {
    if (!same(current[key], next[key])) {
      (config as Record<string, unknown>)[key] = next[key];
      changed.push(key);
    }
  }
  if (!same(current.sampling.maxLength, next.sampling.maxLength)) {
    config.sampling = { ...current.sampling, maxLength: next.sampling.maxLength };
    changed.push('sampling.maxLength');
  }
  for (const key of ['continueTraining', 'ngramAlpha'] as const) {
    if (current.model[key] !== next.model[key]) {
      config.model = { ...config.model, [key]: next.model[key] };
      changed.push(`model.${key}`);
    }
  }
  const refused: string[] = [];
  for (const key of ['seed', 'corpus', 'runs', 'evaluation', 'compute'] as const) if (!same(current[key], next[key])) refused.push(key);
  for (const key of ['family', 'size', 'ngramOrder'] as const) if (current.model[key] !== next.model[key]) refused.push(`model.${key}`);
  if (current.sampling.sampler !== next.sampling.sampler) refused.push('sampling.sampler');
  return { config, changed, refused };
}
