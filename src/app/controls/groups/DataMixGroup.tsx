import { useId, useState } from 'react';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { ClassFilterSwitch } from '../../lessons/class-filter/ClassFilterSwitch';
import { useAppStore } from '../../store/app-store';
import { FieldMessage, type FieldNote } from '../../ui/FieldMessage';
import { applySettings } from '../fields/apply-settings';
import { ContaminationSlider } from '../fields/ContaminationSlider';
import { SettingsGroup } from '../fields/SettingsGroup';

/** What each generation's corpus is made of: generated text in, real text kept or added, sample size. */
export function DataMixGroup() {
  return (
    <SettingsGroup
      group="data"
      custom={{
        contamination: <ContaminationSlider />,
        'filter.dedupe': <DedupeToggle />,
        'filter.byClass': <ClassFilterSwitch />,
      }}
    />
  );
}

/** The quality filter's second half: generated documents already in the corpus, or repeated, stay out. */
function DedupeToggle() {
  const id = useId();
  const view = useControlView('filter');
  const dedupe = useAppStore((s) => s.config.filter.dedupe);
  const [note, setNote] = useState<FieldNote | null>(null);
  if (view.hidden) return null;
  return (
    <div className="cl-field">
      <label className="cl-check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={dedupe}
          disabled={view.locked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const current = useAppStore.getState().config;
            const error = applySettings({
              ...current,
              filter: { ...current.filter, dedupe: e.target.checked },
            });
            setNote(error ? { text: error, tone: 'error' } : null);
          }}
        />
        Drop duplicate documents {view.locked && <LockMark />}
      </label>
      <p id={`${id}-hint`} className="cl-hint">
        {view.locked
          ? LOCK_REASON
          : 'A generated document that is already in the corpus, or repeats one written this generation, does not enter.'}
      </p>
      <FieldMessage id={`${id}-msg`} note={note} />
    </div>
  );
}
