/**
 * The checks a value typed into a numeric setting goes through before it reaches changeSettings,
 * against the bounds the zod schema states (so the panel and the CLI can never disagree). Pure:
 * tested in Node.
 */
import { simulationConfigSchema, type SimulationConfig } from '../../../engine/config/schema';
import {
  readSetting,
  settingBounds,
  writeSetting,
  type NumericPath,
  type SettingBounds,
} from '../../../engine/config/setting-paths';

export type NumericField = NumericPath;
export type FieldBounds = SettingBounds;

export const fieldBounds = (field: NumericField): FieldBounds => settingBounds(field);

export const getField = (config: SimulationConfig, field: NumericField): number => readSetting(config, field);

/** A copy of the config with one numeric field changed (not yet validated). */
export const withField = (config: SimulationConfig, field: NumericField, value: number): SimulationConfig =>
  writeSetting(config, field, value);

export type NumberCheck =
  /** Usable as typed. */
  | { kind: 'ok'; value: number }
  /** Usable after an adjustment (clamped into range, or rounded to a whole number); say so. */
  | { kind: 'adjusted'; value: number; reason: string; message: string }
  /** Not a number at all: keep what the user typed on screen and say why. */
  | { kind: 'invalid'; message: string };

const show = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

/** Checks text typed into a numeric field against the schema's bounds for it. */
export function checkNumber(field: NumericField, text: string): NumberCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'invalid', message: 'Enter a number.' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { kind: 'invalid', message: `"${trimmed}" is not a number.` };
  const { min, max, integer, exclusiveMin } = fieldBounds(field);
  let adjusted = value;
  const reasons: string[] = [];
  if (integer && !Number.isInteger(adjusted)) {
    adjusted = Math.round(adjusted);
    reasons.push(`whole numbers only, so ${show(value)} became ${show(adjusted)}`);
  }
  if (adjusted > max) {
    reasons.push(`the largest allowed is ${show(max)}`);
    adjusted = max;
  } else if (adjusted < min || (exclusiveMin && adjusted <= min)) {
    // An exclusive bound has no smallest value: use the smallest the input's step can show.
    const floor = exclusiveMin ? min + (integer ? 1 : 0.01) : min;
    reasons.push(exclusiveMin ? `it must be above ${show(min)}` : `the smallest allowed is ${show(min)}`);
    adjusted = floor;
  }
  if (reasons.length === 0) return { kind: 'ok', value };
  const reason = reasons.join('; ');
  return { kind: 'adjusted', value: adjusted, reason, message: `Set to ${show(adjusted)}: ${reason}.` };
}

export type ConfigCheck = { ok: true; config: SimulationConfig } | { ok: false; errors: string[] };

/** The last gate before changeSettings: the whole config must pass the schema. */
export function validateConfig(config: SimulationConfig): ConfigCheck {
  const parsed = simulationConfigSchema.safeParse(config);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`),
  };
}
