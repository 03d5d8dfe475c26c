/**
 * The one way the panel changes settings: validate the whole config against the schema, then
 * hand it to changeSettings (which, during a run, forwards it to the worker and says when it
 * applies). Returns the reason when the config is refused, so the control can show it inline.
 */
import type { SimulationConfig } from '../../engine/config/schema';
import { changeSettings } from '../session';
import { validateConfig } from './settings-fields';

export function applySettings(next: SimulationConfig, presetId: string | null = null): string | null {
  const check = validateConfig(next);
  if (!check.ok) return check.errors.join(' ');
  changeSettings(check.config, presetId);
  return null;
}
