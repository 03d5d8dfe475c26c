/**
 * Settings named by their dotted path in SimulationConfig ("decoding.temperature"): the type of
 * every path, reading and writing one, and the zod schema of one (so bounds are read from the
 * schema, never restated).
 */
import type { z } from 'zod';
import { simulationConfigSchema, type SimulationConfig } from './schema';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Record<string, unknown>
    ? Leaves<T[K], `${Prefix}${K}.`>
    : `${Prefix}${K}`;
}[keyof T & string];

/** Every setting's path; `version` describes the object and is no setting. */
export type SettingPath = Exclude<Leaves<SimulationConfig>, 'version'>;

type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** The value type a path holds. */
export type SettingValue<P extends SettingPath> = At<SimulationConfig, P>;

/** The paths that hold numbers (the ones a number field or slider can edit). */
export type NumericPath = { [P in SettingPath]: SettingValue<P> extends number ? P : never }[SettingPath];

type Json = Record<string, unknown>;

export function readSetting<P extends SettingPath>(config: SimulationConfig, path: P): SettingValue<P> {
  let at: unknown = config;
  for (const key of path.split('.')) at = (at as Json)[key];
  return at as SettingValue<P>;
}

/** A copy of the config with one setting changed (copies along the path only; not validated). */
export function writeSetting<P extends SettingPath>(
  config: SimulationConfig,
  path: P,
  value: SettingValue<P>,
): SimulationConfig {
  const write = (obj: Json, keys: readonly string[]): Json => {
    const [head, ...rest] = keys;
    return { ...obj, [head]: rest.length === 0 ? value : write(obj[head] as Json, rest) };
  };
  return write(config as unknown as Json, path.split('.')) as unknown as SimulationConfig;
}

/** The zod schema of one setting. */
export function settingSchema(path: SettingPath): z.ZodType {
  let schema: z.ZodType = simulationConfigSchema;
  for (const key of path.split('.')) schema = (schema as z.ZodObject).shape[key] as z.ZodType;
  return schema;
}

export interface SettingBounds {
  min: number;
  max: number;
  integer: boolean;
  /** True when min itself is refused (top-p must be above 0). */
  exclusiveMin: boolean;
}

/** A numeric setting's bounds, as the schema states them. */
export function settingBounds(path: NumericPath): SettingBounds {
  const schema = settingSchema(path) as z.ZodNumber;
  const min = schema.minValue ?? -Infinity;
  const max = schema.maxValue ?? Infinity;
  // zod reports gt(0) and min(0) alike; parsing the bound itself tells them apart.
  return { min, max, integer: schema.isInt === true, exclusiveMin: !schema.safeParse(min).success };
}
