/**
 * Reads the config a link carries, never throwing: whatever can be read is kept, each problem
 * becomes a notice, and the rest are the defaults (a bad link still opens the page). Limits on
 * the number and length of assignments keep a hostile or corrupted address cheap to read.
 */
import { applyAssignments } from '../../engine/config/overrides';
import { CONFIG_VERSION, type SimulationConfig } from '../../engine/config/schema';
import { KEY_ALIASES } from '../../engine/config/settings';
import { parseConfigLenient } from '../../engine/config/validate';
import { CONFIG_PATHS } from './config-paths';

export interface SharedConfig {
  /** null when the address sets nothing. */
  config: SimulationConfig | null;
  /** Plain sentences, one per problem; empty for a clean link. */
  problems: string[];
}

/** More `set=` than a config has leaves (about 30) is corruption, not a setting. */
export const MAX_ASSIGNMENTS = 100;
/** The longest sensible assignment is a dotted path and a number; 200 leaves room for aliases. */
export const MAX_ASSIGNMENT_LENGTH = 200;

const clip = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** `v=`: absent (an older link, read as today's), today's, or a problem to report. */
function versionProblem(raw: string | null): string | null {
  if (raw === null) return null;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1)
    return `the link's version "${clip(raw)}" is not a version number; its settings were read as version ${CONFIG_VERSION}`;
  if (v > CONFIG_VERSION)
    return `the link was made by a newer Collapse Lab (settings version ${v}; this page reads ${CONFIG_VERSION}); settings this page does not know were skipped`;
  if (v < CONFIG_VERSION)
    return `the link is from an older Collapse Lab (settings version ${v}); its settings were read as version ${CONFIG_VERSION}`;
  return null;
}

/** The dotted path an assignment names, or a problem. Only known leaves pass. */
function checkAssignment(assignment: string): { path: string } | { problem: string } {
  if (assignment.length > MAX_ASSIGNMENT_LENGTH)
    return { problem: `a setting of ${assignment.length} characters was skipped (too long to be one)` };
  const eq = assignment.indexOf('=');
  if (eq <= 0) return { problem: `"${clip(assignment)}" is not key=value` };
  const key = assignment.slice(0, eq).trim();
  const path = Object.hasOwn(KEY_ALIASES, key) ? KEY_ALIASES[key] : key;
  if (!CONFIG_PATHS.has(path)) return { problem: `"${clip(key)}" is not a setting` };
  return { path };
}

export function readSharedConfig(search: string): SharedConfig {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { config: null, problems: ['the address could not be read; using the defaults'] };
  }
  const all = params.getAll('set');
  const problems: string[] = [];
  const version = versionProblem(params.get('v'));
  if (version) problems.push(version);
  if (all.length === 0) return { config: null, problems };
  if (all.length > MAX_ASSIGNMENTS)
    problems.push(`only the first ${MAX_ASSIGNMENTS} of ${all.length} settings were read`);

  const accepted: string[] = [];
  for (const assignment of all.slice(0, MAX_ASSIGNMENTS)) {
    const checked = checkAssignment(assignment);
    if ('problem' in checked) problems.push(checked.problem);
    else accepted.push(assignment);
  }
  let partial: unknown = {};
  try {
    partial = applyAssignments({}, accepted);
  } catch (e) {
    // checkAssignment already refuses what applyAssignments throws on; this is a safety net.
    problems.push(`the settings could not be read (${e instanceof Error ? e.message : String(e)})`);
    partial = {};
  }
  const { config, notices } = parseConfigLenient(partial);
  return { config, problems: [...problems, ...notices] };
}

/** One message for the page: a link with five problems should not push out every other one. */
export function sharedConfigMessage(problems: readonly string[]): string | null {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, 4).join('; ');
  const more = problems.length > 4 ? `; and ${problems.length - 4} more` : '';
  return `This link's settings were not all usable, so those keep their defaults: ${shown}${more}.`;
}

export interface SettingsFromUrl {
  /** null when the address sets nothing. */
  config: SimulationConfig | null;
  problems: string[];
}

/**
 * The settings in the page address, read once at start-up: `?v=1&set=key=value` (repeatable; the
 * CLI's `--set` keys and short names, e.g. `set=realChars=2000`). It also reaches settings the
 * panel has no control for, such as the corpus size; the browser tests use it for a small corpus.
 * A bad, truncated or newer link never blanks the page: what can be read is kept, the rest are
 * defaults, and one message says why.
 */
export function readUrlSettings(search: string): SettingsFromUrl {
  const { config, problems } = readSharedConfig(search);
  const message = sharedConfigMessage(problems);
  return { config, problems: message ? [message] : [] };
}
