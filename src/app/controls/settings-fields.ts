/**
 * The numeric settings the panel edits, their bounds (read from the zod schema, so the panel and
 * the CLI can never disagree), and the checks a typed value goes through before it reaches
 * changeSettings. Pure: tested in Node.
 */
import type { z } from 'zod';
import { simulationConfigSchema, type SimulationConfig } from '../../engine/config/schema';

export type NumericField =
  | 'seed'
  | 'generations'
  | 'contamination'
  | 'realKept'
  | 'freshShare'
  | 'trainingSample'
  | 'training.steps'
  | 'decoding.temperature'
  | 'decoding.topK'
  | 'decoding.topP'
  | 'filter.keep'
  | 'evaluation.sampleChars'
  | 'compute.workers';

const shape = simulationConfigSchema.shape;

const SCHEMAS: Readonly<Record<NumericField, z.ZodNumber>> = {
  seed: shape.seed,
  generations: shape.generations,
  contamination: shape.contamination,
  realKept: shape.realKept,
  freshShare: shape.freshShare,
  trainingSample: shape.trainingSample,
  'training.steps': shape.training.shape.steps,
  'decoding.temperature': shape.decoding.shape.temperature,
  'decoding.topK': shape.decoding.shape.topK,
  'decoding.topP': shape.decoding.shape.topP,
  'filter.keep': shape.filter.shape.keep,
  'evaluation.sampleChars': shape.evaluation.shape.sampleChars,
  'compute.workers': shape.compute.shape.workers,
};

export interface FieldBounds {
  min: number;
  max: number;
  integer: boolean;
  /** True when min itself is refused (top-p must be above 0). */
  exclusiveMin: boolean;
}

export function fieldBounds(field: NumericField): FieldBounds {
  const schema = SCHEMAS[field];
  const min = schema.minValue ?? -Infinity;
  const max = schema.maxValue ?? Infinity;
  // zod reports gt(0) and min(0) alike; parsing the bound itself tells them apart.
  return { min, max, integer: schema.isInt === true, exclusiveMin: !schema.safeParse(min).success };
}

export function getField(config: SimulationConfig, field: NumericField): number {
  switch (field) {
    case 'training.steps':
      return config.training.steps;
    case 'decoding.temperature':
      return config.decoding.temperature;
    case 'decoding.topK':
      return config.decoding.topK;
    case 'decoding.topP':
      return config.decoding.topP;
    case 'filter.keep':
      return config.filter.keep;
    case 'evaluation.sampleChars':
      return config.evaluation.sampleChars;
    case 'compute.workers':
      return config.compute.workers;
    default:
      return config[field];
  }
}

/** A copy of the config with one numeric field changed (not yet validated). */
export function withField(config: SimulationConfig, field: NumericField, value: number): SimulationConfig {
  switch (field) {
    case 'training.steps':
      return { ...config, training: { ...config.training, steps: value } };
    case 'decoding.temperature':
      return { ...config, decoding: { ...config.decoding, temperature: value } };
    case 'decoding.topK':
      return { ...config, decoding: { ...config.decoding, topK: value } };
    case 'decoding.topP':
      return { ...config, decoding: { ...config.decoding, topP: value } };
    case 'filter.keep':
      return { ...config, filter: { ...config.filter, keep: value } };
    case 'evaluation.sampleChars':
      return { ...config, evaluation: { ...config.evaluation, sampleChars: value } };
    case 'compute.workers':
      return { ...config, compute: { ...config.compute, workers: value } };
    default:
      return { ...config, [field]: value };
  }
}

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
  return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`) };
}
