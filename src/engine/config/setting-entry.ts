/**
 * The shape of one entry of the settings registry (settings.ts) and the panel's groups: what the
 * registry says about a setting besides its meaning, bounds and default.
 */
import type { ModelFamily, Paradigm, SimulationConfig } from './schema';
import type { SettingPath } from './setting-paths';

/** The settings panel's groups, in its order; a classroom link's controls are grouped the same way. */
export const SETTING_GROUPS = [
  { id: 'preset', label: 'Preset' },
  { id: 'corpus', label: 'Real text (D0)' },
  { id: 'paradigm', label: 'Paradigm' },
  { id: 'data', label: 'Data per generation' },
  { id: 'decoding', label: 'Decoding' },
  { id: 'model', label: 'Model' },
  { id: 'run', label: 'Run' },
] as const;

export type SettingGroupId = (typeof SETTING_GROUPS)[number]['id'];

/**
 * How a setting reads when a run is compared with another ("accumulate, real kept 10%"). Lower
 * ranks are named first; settings that share a rank read as one difference.
 */
export interface DiffFormat {
  rank: number;
  /** The words for the run's value. */
  words(run: SimulationConfig): string;
  /** Only named when this holds for the run (a model size means nothing to the count model). */
  when?(run: SimulationConfig): boolean;
}

/** The control the settings panel draws for a setting from this entry alone. */
export interface PageControl {
  /** A number typed as text, or a share of D0 on a linear slider shown as a percentage. */
  kind: 'number' | 'share';
  /** One short line under the control. */
  hint: string;
  step: number;
  /** The control's own label, when the short label would not say enough on the panel. */
  label?: string;
  /** A share of D0 also said in characters. */
  inCharacters?: boolean;
  /** What a screen reader hears for a share (default: "40% of the real data"). */
  valueText?: (share: number) => string;
}

export interface SettingEntry {
  path: SettingPath;
  /** Its name for people: the classroom panel's, and its control's unless `page.label` says more. */
  label: string;
  group: SettingGroupId;
  /** Short names accepted by `--set` and by `set=` in an address, besides the dotted path. */
  aliases?: readonly string[];
  /** How a numeric setting's range is best spanned; linear when absent. */
  scale?: 'linear' | 'log';
  /** A running simulation takes it from its next generation; otherwise it needs a new run. */
  live: boolean;
  /** The name by which a classroom link hides or locks it; settings may share one control. */
  classroom?: string;
  /** It means something only for these paradigms or this model family. */
  onlyFor?: { paradigms?: readonly Paradigm[]; family?: ModelFamily };
  /** How it reads in a run diff; absent: a difference in it is not named. */
  diff?: DiffFormat;
  /** The panel's number field or slider for it, drawn from this entry (a group may draw its own instead). */
  page?: PageControl;
}
