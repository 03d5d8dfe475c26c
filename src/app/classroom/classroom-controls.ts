/**
 * The settings a teacher can hide or lock in a classroom link, grouped as the settings panel
 * groups them, each with the config paths it edits (a lock keeps those values whatever a preset
 * or a control asks), and the charts one of which can be shown large. The controls are read from
 * the settings registry (engine/config/settings.ts, `classroom`), plus the preset picker, which
 * edits no setting of its own. Pure: tested in Node.
 */
import {
  SETTING_GROUPS,
  SETTINGS,
  type ClassroomName,
  type SettingGroupId,
} from '../../engine/config/settings';

export type ControlGroupId = SettingGroupId;
export type ControlId = 'preset' | ClassroomName;

export interface ClassroomControl {
  id: ControlId;
  label: string;
  /** The config paths it fixes. */
  paths: readonly string[];
  group: ControlGroupId;
}

const PRESET_CONTROL: ClassroomControl = { id: 'preset', label: 'Preset', paths: [], group: 'preset' };

function controlsOf(group: ControlGroupId): ClassroomControl[] {
  if (group === 'preset') return [PRESET_CONTROL];
  const controls: ClassroomControl[] = [];
  for (const s of SETTINGS) {
    if (s.group !== group || s.classroom === undefined) continue;
    const id = s.classroom as ClassroomName;
    const control = controls.find((c) => c.id === id);
    // The control is named after its first setting.
    if (control) control.paths = [...control.paths, s.path];
    else controls.push({ id, label: s.label, paths: [s.path], group });
  }
  return controls;
}

export const CONTROL_GROUPS: readonly {
  id: ControlGroupId;
  label: string;
  controls: readonly ClassroomControl[];
}[] = SETTING_GROUPS.map((g) => ({ id: g.id, label: g.label, controls: controlsOf(g.id) }));

export const CONTROLS: readonly ClassroomControl[] = CONTROL_GROUPS.flatMap((g) => g.controls);

export const CONTROL_IDS: readonly ControlId[] = CONTROLS.map((c) => c.id);

export const isControlId = (name: string): name is ControlId =>
  (CONTROL_IDS as readonly string[]).includes(name);

export function controlLabel(id: ControlId): string {
  return CONTROLS.find((c) => c.id === id)?.label ?? id;
}

/** The config paths the given controls fix. */
export function lockedPaths(locked: Iterable<ControlId>): string[] {
  const ids = new Set(locked);
  return CONTROLS.filter((c) => ids.has(c.id)).flatMap((c) => c.paths);
}

/** The charts of the simulator, in the grid's order; one may be shown large. */
export const CHARTS = [
  { id: 'perplexity', label: 'Held-out perplexity' },
  { id: 'loss', label: 'Training loss' },
  { id: 'divergence', label: 'Divergence from real text' },
  { id: 'lost-support', label: 'Lost support' },
  { id: 'diversity', label: 'Entropy and distinct-n' },
  { id: 'provenance', label: 'Corpus provenance' },
] as const;

export type ChartId = (typeof CHARTS)[number]['id'];

export const CHART_IDS: readonly ChartId[] = CHARTS.map((c) => c.id);

export const isChartId = (name: string): name is ChartId => (CHART_IDS as readonly string[]).includes(name);
