/**
 * The settable leaves of a SimulationConfig as dotted paths ("training.steps"), read off the
 * defaults. A link may only name these: anything else (a typo, a key from a future version, a
 * hostile "__proto__.x") is refused by name before it reaches the merge.
 */
import { DEFAULT_CONFIG } from '../../engine/config/defaults';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Leaf paths and values of an object, depth first, in key order. */
export function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  if (!isObject(obj)) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

export const CONFIG_PATHS: ReadonlySet<string> = new Set(leaves(DEFAULT_CONFIG).map(([path]) => path));
