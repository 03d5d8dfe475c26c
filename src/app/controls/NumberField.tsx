import { useId, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { ControlId } from '../classroom/classroom-controls';
import { LOCK_REASON, LockMark, useControlView } from '../classroom/ControlLock';
import { useAppStore } from '../store/app-store';
import { applySettings } from './apply-settings';
import { FieldMessage, type FieldNote } from './FieldMessage';
import { NewRunTag } from './NewRunTag';
import { checkNumber, fieldBounds, getField, withField, type NumericField } from './settings-fields';
import { useDeferredCommit } from './useDeferredCommit';

interface Props {
  field: NumericField;
  label: string;
  /** One short line shown under the control (and as its tooltip). */
  hint: string;
  step: number;
  /** Set when the setting does nothing for the current paradigm: the control is disabled and says why. */
  disabledReason?: string | null;
  /** Seed, corpus, model size: cannot change inside a running worker. */
  needsNewRun?: boolean;
  /** The classroom control it is: a link may hide or lock it. */
  control?: ControlId;
}

const decimalsOf = (step: number): number => (String(step).split('.')[1] ?? '').length;

/**
 * A numeric setting typed as text (so what the user typed stays on screen even when it is not a
 * number), checked against the schema's bounds, committed after a pause, on Enter or on leaving.
 * Out-of-range values are clamped with the reason shown; non-numbers are kept and explained.
 */
export function NumberField({
  field,
  label,
  hint,
  step,
  disabledReason: reasonOff = null,
  needsNewRun = false,
  control,
}: Props) {
  const id = useId();
  const view = useControlView(control);
  const disabledReason = view.locked ? LOCK_REASON : reasonOff;
  const value = useAppStore((s) => getField(s.config, field));
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<FieldNote | null>(null);
  const bounds = fieldBounds(field);

  const commit = (next: number): void => {
    const error = applySettings(withField(useAppStore.getState().config, field, next));
    if (error) setNote({ text: error, tone: 'error' });
  };
  const deferred = useDeferredCommit(commit);

  const onChange = (e: ChangeEvent<HTMLInputElement>): void => {
    const text = e.target.value;
    setDraft(text);
    const check = checkNumber(field, text);
    if (check.kind === 'ok') {
      setNote(null);
      deferred.schedule(check.value);
    } else {
      // Mid-typing ("0" on the way to "0.5") is not committed; the reason shows meanwhile.
      deferred.cancel();
      setNote({
        text:
          check.kind === 'adjusted'
            ? `Not applied yet: ${check.reason}. Press Enter to use ${check.value}.`
            : check.message,
        tone: 'error',
      });
    }
  };

  /** Enter or leaving the field: commit now, clamping if needed; keep text that is not a number. */
  const settle = (): void => {
    deferred.flush();
    if (draft === null) return;
    const check = checkNumber(field, draft);
    if (check.kind === 'invalid') {
      setNote({ text: `${check.message} Still using ${value}.`, tone: 'error' });
      return;
    }
    if (check.kind === 'adjusted') {
      commit(check.value);
      setNote({ text: check.message, tone: 'info' });
    }
    setDraft(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      settle();
      return;
    }
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    // A text input has no spinner: arrows step like a number input's would.
    e.preventDefault();
    const current = draft !== null ? Number(draft) : value;
    const base = Number.isFinite(current) ? current : value;
    const raw = base + (e.key === 'ArrowUp' ? step : -step);
    const next = Math.min(bounds.max, Math.max(bounds.exclusiveMin ? bounds.min + step : bounds.min, raw));
    const rounded = Number(next.toFixed(decimalsOf(step)));
    setDraft(String(rounded));
    setNote(null);
    deferred.schedule(rounded);
  };

  const disabled = disabledReason !== null;
  if (view.hidden) return null;
  return (
    <div className={`cl-field${disabled ? ' cl-field-off' : ''}`}>
      <div className="cl-label-row">
        <label htmlFor={id}>{label}</label>
        {view.locked && <LockMark />}
        {needsNewRun && <NewRunTag />}
      </div>
      <input
        id={id}
        className="cl-number"
        type="text"
        inputMode={bounds.integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={draft ?? String(value)}
        disabled={disabled}
        title={hint}
        aria-invalid={note?.tone === 'error' ? true : undefined}
        aria-describedby={`${id}-hint ${id}-msg`}
        onChange={onChange}
        onBlur={settle}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="cl-hint">
        {disabledReason ?? hint}
      </p>
      <FieldMessage id={`${id}-msg`} note={note} />
    </div>
  );
}
