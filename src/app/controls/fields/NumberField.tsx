import { useId, type ChangeEvent, type KeyboardEvent } from 'react';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { useAppStore } from '../../store/app-store';
import { FieldMessage } from '../../ui/FieldMessage';
import { useDraft } from '../../ui/use-draft';
import { notApplicable } from './applicability';
import { applySettings } from './apply-settings';
import { NewRunTag } from './NewRunTag';
import { pageField } from './page-control';
import { checkNumber, fieldBounds, getField, withField, type NumericField } from './settings-fields';

interface Props {
  field: NumericField;
  /** The registry's hint, when the page knows more (this computer's core count). */
  hint?: string;
}

const decimalsOf = (step: number): number => (String(step).split('.')[1] ?? '').length;

/**
 * A numeric setting typed as text (so what the user typed stays on screen even when it is not a
 * number), checked against the schema's bounds, committed after a pause, on Enter or on leaving.
 * Out-of-range values are clamped with the reason shown; non-numbers are kept and explained. Its
 * label, hint and step come from the settings registry.
 */
export function NumberField({ field, hint: hintHere }: Props) {
  const id = useId();
  const { label, hint: registryHint, step, needsNewRun, control } = pageField(field);
  const hint = hintHere ?? registryHint;
  const view = useControlView(control);
  const reasonOff = useAppStore((s) => notApplicable(field, s.config));
  const disabledReason = view.locked ? LOCK_REASON : reasonOff;
  const value = useAppStore((s) => getField(s.config, field));
  const bounds = fieldBounds(field);
  const { draft, setDraft, note, setNote, commit, ...deferred } = useDraft<string, number>((next) =>
    applySettings(withField(useAppStore.getState().config, field, next)),
  );

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
