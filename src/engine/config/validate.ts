import { z } from 'zod';
import { DEFAULT_CONFIG } from './defaults';
import { simulationConfigSchema, type SimulationConfig } from './schema';

export type ConfigResult = { ok: true; config: SimulationConfig } | { ok: false; errors: string[] };

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Deep merge of a partial config over a base: objects merge, everything else replaces. */
export function mergeConfig(base: unknown, partial: unknown): unknown {
  if (!isObject(base) || !isObject(partial)) return partial === undefined ? base : partial;
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(partial)) out[key] = mergeConfig(base[key], value);
  return out;
}

/**
 * Settings added to version 1 after runs were first recorded, each with the value that
 * reproduces what those runs did: a stored run or checkpoint without them still reads.
 */
const ADDED_SETTINGS = {
  training: { budgetRule: 'fixed-steps' },
  evaluation: { sampleChars: 5_000 },
  filter: { keep: 1, dedupe: false, byClass: false },
  compute: { workers: 1 },
};

/** A config as stored in run.json, a recorded run or a checkpoint (the settings added since filled in). */
export const storedConfigSchema = z.preprocess(
  (raw) => mergeConfig(ADDED_SETTINGS, raw),
  simulationConfigSchema,
);

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'config';
  return `${where}: ${issue.message}`;
}

/** Strict: a partial config over the defaults, every problem reported (the CLI's mode). */
export function parseConfig(partial: unknown): ConfigResult {
  if (partial !== undefined && !isObject(partial))
    return { ok: false, errors: ['config must be a JSON object'] };
  const parsed = simulationConfigSchema.safeParse(mergeConfig(DEFAULT_CONFIG, partial ?? {}));
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, errors: parsed.error.issues.map(describeIssue) };
}

function getPath(obj: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = obj;
  for (const key of path) at = isObject(at) ? at[String(key)] : undefined;
  return at;
}

function setPath(obj: Json, path: readonly PropertyKey[], value: unknown): void {
  let at: Json = obj;
  path.slice(0, -1).forEach((key) => {
    const next = at[String(key)];
    at[String(key)] = isObject(next) ? { ...next } : {};
    at = at[String(key)] as Json;
  });
  at[String(path[path.length - 1])] = value;
}

/**
 * Lenient: whatever can be read is kept, each invalid field falls back to its default with a
 * notice (the page's mode: a bad link still opens, never a blank page).
 */
export function parseConfigLenient(partial: unknown): { config: SimulationConfig; notices: string[] } {
  const notices: string[] = [];
  if (partial !== undefined && !isObject(partial)) {
    return { config: DEFAULT_CONFIG, notices: ['the settings could not be read; using the defaults'] };
  }
  let candidate = mergeConfig(DEFAULT_CONFIG, partial ?? {}) as Json;
  for (let attempt = 0; attempt < 64; attempt++) {
    const parsed = simulationConfigSchema.safeParse(candidate);
    if (parsed.success) return { config: parsed.data, notices };
    candidate = { ...candidate };
    for (const issue of parsed.error.issues) {
      notices.push(`${describeIssue(issue)}; using the default`);
      const fallback = getPath(DEFAULT_CONFIG, issue.path);
      if (issue.path.length === 0) return { config: DEFAULT_CONFIG, notices };
      setPath(candidate, issue.path, fallback);
    }
  }
  return {
    config: DEFAULT_CONFIG,
    notices: [...notices, 'the settings could not be repaired; using the defaults'],
  };
}
