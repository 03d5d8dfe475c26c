/**
 * The settable leaves of a SimulationConfig as dotted paths ("training.steps"): the settings
 * registry's, and `version`. A link may only name these: anything else (a typo, a key from a
 * future version, a hostile "__proto__.x") is refused by name before it reaches the merge.
 */
import { SETTINGS } from '../../engine/config/settings';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Leaf paths and values of an object, depth first, in key order. */
export function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  if (!isObject(obj)) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

export const CONFIG_PATHS: ReadonlySet<string> = new Set(['version', ...SETTINGS.map((s) => s.path)]);
