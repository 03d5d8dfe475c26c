import { KEY_ALIASES } from './settings';
import { mergeConfig } from './validate';

function parseValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/**
 * Applies `key=value` assignments (dotted paths or the registry's short names) to a partial
 * config. Values that look like numbers or booleans become them; validation happens later,
 * against the schema.
 */
export function applyAssignments(partial: unknown, assignments: readonly string[]): unknown {
  let out: unknown = partial ?? {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new Error(`--set expects key=value, got "${assignment}"`);
    const rawKey = assignment.slice(0, eq).trim();
    const path = (Object.hasOwn(KEY_ALIASES, rawKey) ? KEY_ALIASES[rawKey] : rawKey).split('.');
    let patch: unknown = parseValue(assignment.slice(eq + 1).trim());
    for (let i = path.length - 1; i >= 0; i--) patch = { [path[i]]: patch };
    out = mergeConfig(out, patch);
  }
  return out;
}
