import { useState } from 'react';
import { PARADIGMS, type Paradigm } from '../../../engine/config/schema';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { useAppStore } from '../../store/app-store';
import { applySettings } from '../fields/apply-settings';
import { Choice } from '../fields/Choice';
import { FieldMessage, type FieldNote } from '../../ui/FieldMessage';
import { PARADIGM_INFO } from '../fields/paradigm-info';

/** How generated text enters the corpus: the four paradigms of docs/SCIENCE.md. */
export function ParadigmPicker() {
  const paradigm = useAppStore((s) => s.config.paradigm);
  const [note, setNote] = useState<FieldNote | null>(null);
  const view = useControlView('paradigm');

  const choose = (next: Paradigm): void => {
    const error = applySettings({ ...useAppStore.getState().config, paradigm: next });
    setNote(error ? { text: error, tone: 'error' } : null);
  };

  if (view.hidden) return null;
  return (
    <fieldset className="cl-group" disabled={view.locked}>
      <legend>Paradigm{view.locked && <LockMark />}</legend>
      <p className="cl-hint">
        {view.locked ? LOCK_REASON : 'How each model’s text enters the corpus the next model learns from.'}
      </p>
      <div className="cl-choices">
        {PARADIGMS.map((p) => (
          <Choice
            key={p}
            name="cl-paradigm"
            value={p}
            checked={paradigm === p}
            onChange={() => choose(p)}
            label={PARADIGM_INFO[p].label}
            description={PARADIGM_INFO[p].explanation}
            title={PARADIGM_INFO[p].explanation}
          />
        ))}
      </div>
      <FieldMessage id="cl-paradigm-msg" note={note} />
    </fieldset>
  );
}
