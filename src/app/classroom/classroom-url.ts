/**
 * A classroom link's extras, next to the settings in the address:
 * `?cv=1&hide=seed&lock=paradigm&large=divergence&present=1&predict=1`. `cv` versions these keys on their
 * own (the settings keep `v`); names are the ids in classroom-controls.ts, one per parameter so
 * the link stays readable and hand-editable. Read leniently like the settings: a name this page
 * does not know is skipped with a notice, never a blank page. Pure: tested in Node.
 */
import { isChartId, isControlId, CONTROL_IDS, type ChartId, type ControlId } from './classroom-controls';

export const CLASSROOM_VERSION = 1;

export interface ClassroomSettings {
  /** Controls not rendered at all. */
  hidden: ControlId[];
  /** Controls shown disabled with a lock: the teacher fixed their value. */
  locked: ControlId[];
  /** The chart shown large (first and full width), or null for the usual grid. */
  large: ChartId | null;
  /** Presenter mode: large type, two charts, the samples and the run bar. */
  presenter: boolean;
  /** The class predicts each generation's perplexity and real words before they are shown. */
  predict: boolean;
}

export const NO_CLASSROOM: ClassroomSettings = {
  hidden: [],
  locked: [],
  large: null,
  presenter: false,
  predict: false,
};

/** Query keys this module owns; every other parameter is left as it is. */
export const CLASSROOM_KEYS = ['cv', 'hide', 'lock', 'large', 'present', 'predict'] as const;
/** The settings' own keys (share-encoding.ts): kept last and verbatim, as that module writes them. */
const SETTINGS_KEYS = new Set(['v', 'set']);
/** More names than there are controls is corruption; reading stops there. */
export const MAX_NAMES = 40;

const clip = (text: string, max = 30): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Controls in the panel's order, each once. */
const ordered = (ids: Iterable<ControlId>): ControlId[] => {
  const set = new Set(ids);
  return CONTROL_IDS.filter((id) => set.has(id));
};

export function normaliseClassroom(settings: ClassroomSettings): ClassroomSettings {
  return { ...settings, hidden: ordered(settings.hidden), locked: ordered(settings.locked) };
}

export interface ClassroomFromUrl {
  settings: ClassroomSettings;
  /** Plain phrases, one per problem; empty for a clean link. */
  problems: string[];
}

function readNames(params: URLSearchParams, key: 'hide' | 'lock', problems: string[]): ControlId[] {
  const all = params.getAll(key);
  if (all.length > MAX_NAMES)
    problems.push(`only the first ${MAX_NAMES} of ${all.length} "${key}" names were read`);
  const ids: ControlId[] = [];
  for (const raw of all.slice(0, MAX_NAMES)) {
    const name = raw.trim();
    if (isControlId(name)) ids.push(name);
    else
      problems.push(`"${clip(name)}" is not a control that can be ${key === 'hide' ? 'hidden' : 'locked'}`);
  }
  return ordered(ids);
}

function versionProblem(raw: string | null): string | null {
  if (raw === null) return null;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 1)
    return `the classroom version "${clip(raw)}" is not a version number; it was read as version ${CLASSROOM_VERSION}`;
  if (v > CLASSROOM_VERSION)
    return `the classroom part was made by a newer Collapse Lab (version ${v}); what this page does not know was skipped`;
  return null;
}

export function readClassroom(search: string): ClassroomFromUrl {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const version = versionProblem(params.get('cv'));
  if (version) problems.push(version);
  const hidden = readNames(params, 'hide', problems);
  const locked = readNames(params, 'lock', problems);
  let large: ChartId | null = null;
  const rawLarge = params.get('large');
  if (rawLarge !== null && rawLarge.trim() !== '') {
    if (isChartId(rawLarge.trim())) large = rawLarge.trim() as ChartId;
    else problems.push(`"${clip(rawLarge)}" is not a chart; the charts keep their usual sizes`);
  }
  const presenter = readSwitch(params, 'present', 'presenter mode', problems);
  const predict = readSwitch(params, 'predict', 'predictions', problems);
  return { settings: { hidden, locked, large, presenter, predict }, problems };
}

/** An on/off key: 1, true or bare is on; 0 or false is off; anything else is off, with a problem. */
function readSwitch(params: URLSearchParams, key: string, what: string, problems: string[]): boolean {
  const raw = params.get(key);
  if (raw === null) return false;
  const on = raw === '1' || raw === 'true' || raw === '';
  if (!on && raw !== '0' && raw !== 'false')
    problems.push(
      `${key}="${clip(raw)}" is neither 1 nor 0; ${what} stay${what.endsWith('s') ? '' : 's'} off`,
    );
  return on;
}

/** One message for the page, in the same words as the settings' notice. */
export function classroomMessage(problems: readonly string[]): string | null {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, 4).join('; ');
  const more = problems.length > 4 ? `; and ${problems.length - 4} more` : '';
  return `This link's classroom options were not all usable, so those were skipped: ${shown}${more}.`;
}

/** `cv=1&hide=...&lock=...&large=...&present=1&predict=1`, or '' for a plain page. */
export function classroomQuery(settings: ClassroomSettings): string {
  const s = normaliseClassroom(settings);
  const parts: string[] = [];
  for (const id of s.hidden) parts.push(`hide=${id}`);
  for (const id of s.locked) parts.push(`lock=${id}`);
  if (s.large !== null) parts.push(`large=${s.large}`);
  if (s.presenter) parts.push('present=1');
  if (s.predict) parts.push('predict=1');
  return parts.length > 0 ? [`cv=${CLASSROOM_VERSION}`, ...parts].join('&') : '';
}

/**
 * The search string with `settings` in it: other parameters first (as URLSearchParams writes
 * them, which is also how the settings' writer rewrites them), then ours, then the settings'
 * `v`/`set` verbatim. Both writers so produce the same order, and neither undoes the other.
 */
export function classroomSearch(settings: ClassroomSettings, search: string): string {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  const pieces = raw === '' ? [] : raw.split('&');
  const keyOf = (piece: string): string => {
    const eq = piece.indexOf('=');
    try {
      return decodeURIComponent(eq < 0 ? piece : piece.slice(0, eq));
    } catch {
      return piece;
    }
  };
  const settingsPart = pieces.filter((p) => SETTINGS_KEYS.has(keyOf(p)));
  const others = new URLSearchParams(pieces.filter((p) => !SETTINGS_KEYS.has(keyOf(p))).join('&'));
  for (const key of CLASSROOM_KEYS) others.delete(key);
  const parts = [others.toString(), classroomQuery(settings), ...settingsPart].filter((p) => p !== '');
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
