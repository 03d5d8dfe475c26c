/**
 * What a lock does to a settings change: every fixed path keeps its current value, whatever a
 * preset, a control or a shortcut asked for; the other fields apply. Pure: tested in Node.
 */
import type { SimulationConfig } from '../../engine/config/schema';
import { CONTROLS, type ControlId } from './classroom-controls';

type Json = Record<string, unknown>;

function getPath(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, key) => (typeof o === 'object' && o !== null ? (o as Json)[key] : undefined), obj);
}

function setPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const copy = { ...(obj as Json) };
  copy[head] = rest.length === 0 ? value : setPath(copy[head], rest.join('.'), value);
  return copy as T;
}

export interface LockedChange {
  config: SimulationConfig;
  /** The fixed controls whose value the change would have altered (and did not). */
  kept: ControlId[];
}

/** `next` with every fixed control's paths set back to their values in `current`. */
export function keepFixedValues(
  next: SimulationConfig,
  current: SimulationConfig,
  fixed: readonly ControlId[],
): LockedChange {
  let config = next;
  const kept: ControlId[] = [];
  for (const control of CONTROLS) {
    if (!fixed.includes(control.id)) continue;
    for (const path of control.paths) {
      const was = getPath(current, path);
      if (Object.is(getPath(config, path), was)) continue;
      config = setPath(config, path, was);
      if (!kept.includes(control.id)) kept.push(control.id);
    }
  }
  return { config, kept };
}
