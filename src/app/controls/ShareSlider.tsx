import { useId, useState } from 'react';
import type { ControlId } from '../classroom/classroom-controls';
import { LOCK_REASON, LockMark, useControlView } from '../classroom/ControlLock';
import { useAppStore } from '../store/app-store';
import { applySettings } from './apply-settings';
import { FieldMessage, type FieldNote } from './FieldMessage';
import { formatPercent } from './format';
import { fieldBounds, getField, withField, type NumericField } from './settings-fields';
import { useDeferredCommit } from './useDeferredCommit';

interface Props {
  field: NumericField;
  label: string;
  hint: string;
  /** Slider step as a share (0.01 = one percentage point). */
  step: number;
  disabledReason?: string | null;
  /** Extra line computed from the value (e.g. "= 5,000 characters"). */
  detail?: (share: number) => string;
  /** The classroom control it is: a link may hide or lock it. */
  control?: ControlId;
  /** What a screen reader hears for a value (default: "40% of the real data"). */
  valueText?: (share: number) => string;
}

/** A share of D0 on a linear slider, shown as a percentage; bounds come from the schema. */
export function ShareSlider({
  field,
  label,
  hint,
  step,
  disabledReason: reasonOff = null,
  detail,
  control,
  valueText = (share) => `${formatPercent(share)} of the real data`,
}: Props) {
  const id = useId();
  const view = useControlView(control);
  const disabledReason = view.locked ? LOCK_REASON : reasonOff;
  const value = useAppStore((s) => getField(s.config, field));
  const [draft, setDraft] = useState<number | null>(null);
  const [note, setNote] = useState<FieldNote | null>(null);
  const { min, max } = fieldBounds(field);
  const deferred = useDeferredCommit((next: number) => {
    const error = applySettings(withField(useAppStore.getState().config, field, next));
    setNote(error ? { text: error, tone: 'error' } : null);
  });
  const settle = (): void => {
    deferred.flush();
    setDraft(null);
  };

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
          deferred.schedule(next);
        }}
        onPointerUp={settle}
        onKeyUp={settle}
        onBlur={settle}
      />
      <p id={`${id}-hint`} className="cl-hint">
        {disabledReason ?? (detail ? `${hint} ${detail(shown)}` : hint)}
      </p>
      <FieldMessage id={`${id}-msg`} note={note} />
    </div>
  );
}
