import { useId } from 'react';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { useAppStore } from '../../store/app-store';
import { FieldMessage } from '../../ui/FieldMessage';
import { useDraft } from '../../ui/use-draft';
import { notApplicable } from './applicability';
import { applySettings } from './apply-settings';
import { formatChars, formatPercent } from './format';
import { pageField } from './page-control';
import { fieldBounds, getField, withField, type NumericField } from './settings-fields';

const ofRealData = (share: number): string => `${formatPercent(share)} of the real data`;

/**
 * A share of D0 on a linear slider, shown as a percentage; bounds come from the schema, label,
 * hint and step from the settings registry.
 */
export function ShareSlider({ field }: { field: NumericField }) {
  const id = useId();
  const { label, hint, step, control, inCharacters, valueText = ofRealData } = pageField(field);
  const view = useControlView(control);
  const reasonOff = useAppStore((s) => notApplicable(field, s.config));
  const disabledReason = view.locked ? LOCK_REASON : reasonOff;
  const value = useAppStore((s) => getField(s.config, field));
  const realChars = useAppStore((s) => s.config.corpus.realChars);
  const { min, max } = fieldBounds(field);
  const { draft, setDraft, note, schedule, settle } = useDraft<number, number>((next) =>
    applySettings(withField(useAppStore.getState().config, field, next)),
  );

  const shown = draft ?? value;
  const disabled = disabledReason !== null;
  if (view.hidden) return null;
  return (
    <div className={`cl-field${disabled ? ' cl-field-off' : ''}`}>
      <div className="cl-slider-head">
        <label htmlFor={id}>{label}</label>
        {view.locked && <LockMark />}
        <output htmlFor={id} className="cl-readout">
          {formatPercent(shown)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        disabled={disabled}
        title={hint}
        aria-valuetext={valueText(shown)}
        aria-describedby={`${id}-hint ${id}-msg`}
        onChange={(e) => {
          const next = Number(e.target.value);
          setDraft(next);
          schedule(next);
        }}
        onPointerUp={settle}
        onKeyUp={settle}
        onBlur={settle}
      />
      <p id={`${id}-hint`} className="cl-hint">
        {disabledReason ?? (inCharacters ? `${hint} (${formatChars(Math.round(shown * realChars))})` : hint)}
      </p>
      <FieldMessage id={`${id}-msg`} note={note} />
    </div>
  );
}
