/**
 * `?set=key=value` (repeatable) in the page address: the CLI's `--set` (same keys and aliases,
 * e.g. `set=realChars=2000&set=heldOutChars=500`), applied over the default settings once at
 * start-up. It reaches settings the panel has no control for, such as the corpus size; the
 * browser tests use it for a small corpus. Like any link, a bad value never blanks the page:
 * the field keeps its default and a message says why.
 */
import { applyAssignments } from '../engine/config/overrides';
import type { SimulationConfig } from '../engine/config/schema';
import { parseConfigLenient } from '../engine/config/validate';

export interface SettingsFromUrl {
  /** null when the address sets nothing. */
  config: SimulationConfig | null;
  problems: string[];
}

export function readUrlSettings(search: string): SettingsFromUrl {
  const assignments = new URLSearchParams(search).getAll('set');
  if (assignments.length === 0) return { config: null, problems: [] };
  let partial: unknown;
  try {
    partial = applyAssignments({}, assignments);
  } catch (e) {
    return { config: null, problems: [`The address's settings could not be read (${e instanceof Error ? e.message : String(e)}); using the defaults.`] };
  }
  const { config, notices } = parseConfigLenient(partial);
  return { config, problems: notices.map((n) => `Setting from the address ignored: ${n}.`) };
}
