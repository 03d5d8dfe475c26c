/**
 * Which preset a config is, if any: a link carries settings, not a preset name, so a shared
 * preset is recognised by its values (the preset picker then shows it chosen, not "custom").
 */
import { PRESETS, presetConfig } from '../../engine/config/presets';
import type { SimulationConfig } from '../../engine/config/schema';
import { configAssignments } from './share-encoding';

export function matchingPresetId(config: SimulationConfig): string | null {
  return PRESETS.find((p) => configAssignments(config, presetConfig(p.id)).length === 0)?.id ?? null;
}
