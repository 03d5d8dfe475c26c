import { useState } from 'react';
import { PARADIGMS, type Paradigm } from '../../engine/config/schema';
import { useAppStore } from '../store/app-store';
import { applySettings } from './apply-settings';
import { Choice } from './Choice';
import { FieldMessage, type FieldNote } from './FieldMessage';
import { PARADIGM_INFO } from './paradigm-info';

/** How generated text enters the corpus: the four paradigms of SCIENCE.md. */
export function ParadigmPicker() {
  const paradigm = useAppStore((s) => s.config.paradigm);
  const [note, setNote] = useState<FieldNote | null>(null);

  const choose = (next: Paradigm): void => {
    const error = applySettings({ ...useAppStore.getState().config, paradigm: next });
    setNote(error ? { text: error, tone: 'error' } : null);
  };

  return (
    <fieldset className="cl-group">
      <legend>Paradigm</legend>
      <p className="cl-hint">How each model&rsquo;s text enters the corpus the next model learns from.</p>
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
