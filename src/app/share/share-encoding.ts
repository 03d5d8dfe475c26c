/**
 * A config as a link: `?v=1&set=path=value&...`, one `set` per setting that differs from the
 * defaults. Readable on purpose (a teacher can read or hand-edit `set=paradigm=accumulate`), and
 * the same `set=` the page and the CLI already accepted, so old links keep working. `v` is
 * CONFIG_VERSION, so a link made by a later version can be recognised and read with care.
 */
import { DEFAULT_CONFIG } from '../../engine/config/defaults';
import { CONFIG_VERSION, type SimulationConfig } from '../../engine/config/schema';
import { leaves } from './config-paths';

/** Query keys this module owns; every other parameter (e.g. `backend`) is left alone. */
export const SHARE_KEYS = ['v', 'set'] as const;

/** `path=value` for each leaf that differs from the defaults, in the config's key order. */
export function configAssignments(
  config: SimulationConfig,
  base: SimulationConfig = DEFAULT_CONFIG,
): string[] {
  const defaults = new Map(leaves(base));
  return leaves(config)
    .filter(([path, value]) => !Object.is(defaults.get(path), value))
    .map(([path, value]) => `${path}=${String(value)}`);
}

/**
 * The search string for `config`, keeping `search`'s other parameters (in their order) ahead of
 * ours. The `=` inside each assignment stays literal: `set=model.size=micro` reads better than
 * `set=model.size%3Dmicro`, and URLSearchParams reads both the same.
 */
export function shareSearch(config: SimulationConfig, search = ''): string {
  const kept = new URLSearchParams(search);
  for (const key of SHARE_KEYS) kept.delete(key);
  const parts = kept.toString() ? [kept.toString()] : [];
  const assignments = configAssignments(config);
  if (assignments.length > 0) {
    parts.push(`v=${CONFIG_VERSION}`);
    for (const a of assignments) {
      const eq = a.indexOf('=');
      parts.push(`set=${encodeURIComponent(a.slice(0, eq))}=${encodeURIComponent(a.slice(eq + 1))}`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The full address to share: this page's location with the config in its query. */
export function shareUrl(
  config: SimulationConfig,
  location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>,
): string {
  return `${location.origin}${location.pathname}${shareSearch(config, location.search)}${location.hash}`;
}
