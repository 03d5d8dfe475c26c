import { useId } from 'react';
import type { BackendPreference, BackendSetting } from '../store/backend-preference';
import { canMeasureAgain, describePreference, parseBackendSetting, pickerOptions } from './backend-picker';

export interface BackendPickerProps {
  value: BackendSetting;
  onChange(value: BackendSetting): void;
  /** The choice remembered from the last timing in this browser, if any. */
  preference: BackendPreference | null;
  /** Forget the remembered choice, so the next start times the backends again. */
  onMeasureAgain(): void;
  /** While a run is going: the backend of a run cannot change under it. */
  disabled?: boolean;
}

/**
 * Which backend the next run trains on: Automatic (the timed choice, remembered per browser) or
 * one backend by name. Props only: the owner keeps the value and the preference.
 */
export function BackendPicker({
  value,
  onChange,
  preference,
  onMeasureAgain,
  disabled = false,
}: BackendPickerProps) {
  const selectId = useId();
  const descriptionId = useId();
  const description = describePreference(preference);
  return (
    <div className="rb-backend-picker" role="group" aria-label="Backend choice">
      <label htmlFor={selectId}>Backend</label>{' '}
      <select
        id={selectId}
        value={value}
        disabled={disabled}
        aria-describedby={descriptionId}
        title={description}
        onChange={(e) => {
          const next = parseBackendSetting(e.target.value);
          if (next) onChange(next);
        }}
      >
        {pickerOptions(preference).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        className="rb-button"
        onClick={onMeasureAgain}
        disabled={!canMeasureAgain(preference, disabled)}
        title="Forget the remembered choice and time the backends again at the next start"
      >
        Measure again
      </button>
      <span id={descriptionId} className="visually-hidden">
        {description}
      </span>
    </div>
  );
}
