import { useId } from 'react';
import { OFFERED_DOCUMENTS } from '../../../engine/loop/class-review';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { changeSettings } from '../../session/session';
import { matchingPresetId } from '../../share/preset-match';
import { useAppStore } from '../../store/app-store';

/**
 * "Let the class choose what enters the corpus": the settings panel's switch for
 * filter.byClass. A classroom link may lock it (on, for a lesson) or hide it.
 */
export function ClassFilterSwitch() {
  const id = useId();
  const view = useControlView('classFilter');
  const on = useAppStore((s) => s.config.filter.byClass);
  if (view.hidden) return null;
  return (
    <div className="cl-field">
      <label className="cl-check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={on}
          disabled={view.locked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const current = useAppStore.getState().config;
            const next = { ...current, filter: { ...current.filter, byClass: e.target.checked } };
            changeSettings(next, matchingPresetId(next));
          }}
        />
        Let the class choose what enters the corpus {view.locked && <LockMark />}
      </label>
      <p id={`${id}-hint`} className="cl-hint">
        {view.locked
          ? LOCK_REASON
          : `Before each generation's text enters, the class keeps or discards its first ${OFFERED_DOCUMENTS} documents; the model's next documents fill the rest. The quality filter waits while the class chooses.`}
      </p>
    </div>
  );
}
