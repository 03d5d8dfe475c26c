/**
 * The one way the panel changes settings: keep what a classroom link fixed (locked or hidden
 * controls keep their values whatever a preset or a control asks), validate the whole config
 * against the schema, then hand it to changeSettings (which, during a run, forwards it to the
 * worker and says when it applies). Returns the reason when the config is refused, so the
 * control can show it inline.
 */
import type { SimulationConfig } from '../../../engine/config/schema';
import type { ControlId } from '../../classroom/classroom-controls';
import { fixedControls, useClassroom } from '../../classroom/classroom-store';
import { keepFixedValues } from '../../classroom/locks';
import { changeSettings } from '../../session/session';
import { matchingPresetId } from '../../share/preset-match';
import { useAppStore } from '../../store/app-store';
import { validateConfig } from './settings-fields';

export interface SettingsOutcome {
  error: string | null;
  /** Fixed controls the change asked to alter and did not. */
  kept: ControlId[];
}

export function applySettingsWithLocks(
  next: SimulationConfig,
  presetId: string | null = null,
): SettingsOutcome {
  const current = useAppStore.getState().config;
  const { config, kept } = keepFixedValues(next, current, fixedControls(useClassroom.getState()));
  const check = validateConfig(config);
  if (!check.ok) return { error: check.errors.join(' '), kept };
  // A preset with a fixed setting kept is no longer that preset, unless the values happen to agree.
  changeSettings(check.config, kept.length > 0 ? matchingPresetId(check.config) : presetId);
  return { error: null, kept };
}

export function applySettings(next: SimulationConfig, presetId: string | null = null): string | null {
  return applySettingsWithLocks(next, presetId).error;
}
