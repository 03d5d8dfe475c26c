import { Fragment, type ReactNode } from 'react';
import type { NumericPath, SettingPath } from '../../../engine/config/setting-paths';
import { SETTING_GROUPS, SETTINGS, type SettingGroupId } from '../../../engine/config/settings';
import type { ControlId } from '../../classroom/classroom-controls';
import { useAllHidden } from '../../classroom/ControlLock';
import { NumberField } from './NumberField';
import { ShareSlider } from './ShareSlider';

interface Props {
  group: SettingGroupId;
  /** Controls of the group's own making, by the setting they stand at; they replace the registry's. */
  custom?: Partial<Record<SettingPath, ReactNode>>;
  /** Shown after the controls (a message the group's own controls share). */
  children?: ReactNode;
}

/**
 * One group of the settings panel, as the settings registry lists it: its legend, then a control
 * for each of its settings in the registry's order (the registry's number field or slider, or the
 * group's own). Left out when a classroom link hides every control it has.
 */
export function SettingsGroup({ group, custom = {}, children }: Props) {
  const entries = SETTINGS.filter((s) => s.group === group);
  const controls = [...new Set(entries.flatMap((s) => (s.classroom ? [s.classroom as ControlId] : [])))];
  const allHidden = useAllHidden(controls);
  if (controls.length > 0 && allHidden) return null;
  return (
    <fieldset className="cl-group">
      <legend>{SETTING_GROUPS.find((g) => g.id === group)?.label}</legend>
      {entries.map((s) => {
        if (s.path in custom) return <Fragment key={s.path}>{custom[s.path]}</Fragment>;
        if (!s.page) return null;
        const field = s.path as NumericPath;
        return s.page.kind === 'share' ? (
          <ShareSlider key={s.path} field={field} />
        ) : (
          <NumberField key={s.path} field={field} />
        );
      })}
      {children}
    </fieldset>
  );
}
