/**
 * What the panel draws for a setting, read from its registry entry: label, hint, step, and
 * whether it needs a new run or a classroom link may hide or lock it.
 */
import type { SettingPath } from '../../../engine/config/setting-paths';
import { setting, type PageControl } from '../../../engine/config/settings';
import type { ControlId } from '../../classroom/classroom-controls';

export interface PageField extends PageControl {
  label: string;
  /** The running worker cannot take it: it applies when a new run starts. */
  needsNewRun: boolean;
  control: ControlId | undefined;
}

export function pageField(path: SettingPath): PageField {
  const entry = setting(path);
  if (!entry.page) throw new Error(`the settings registry has no control for ${path}`);
  return {
    ...entry.page,
    label: entry.page.label ?? entry.label,
    needsNewRun: !entry.live,
    control: entry.classroom as ControlId | undefined,
  };
}
