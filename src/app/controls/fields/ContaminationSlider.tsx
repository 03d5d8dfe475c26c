import { useId } from 'react';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { useAppStore } from '../../store/app-store';
import { FieldMessage } from '../../ui/FieldMessage';
import { useDraft } from '../../ui/use-draft';
import { applySettings } from './apply-settings';
import { formatChars, formatPercent } from './format';
import { CONTAMINATION_SCALE } from './contamination-scale';
import { positionToValue, valueToPosition } from './log-scale';

const TICKS = [0.001, 0.01, 0.1, 1];

/** Generated text written back per generation (lambda = m / N0), on a log scale. */
export function ContaminationSlider() {
  const id = useId();
  const view = useControlView('contamination');
  const value = useAppStore((s) => s.config.contamination);
  const realChars = useAppStore((s) => s.config.corpus.realChars);
  // The draft is the slider's position; what is committed is the value at that position.
  const { draft, setDraft, note, schedule, settle } = useDraft<number, number>((next) =>
    applySettings({ ...useAppStore.getState().config, contamination: next }),
  );

  const position = draft ?? valueToPosition(value, CONTAMINATION_SCALE);
  const shown = draft !== null ? positionToValue(draft, CONTAMINATION_SCALE) : value;
  const chars = Math.max(1, Math.round(shown * realChars));
  const hint =
    'How much text each model writes into the corpus per generation, as a share of the real data D0.';
  if (view.hidden) return null;
  return (
    <div className={`cl-field${view.locked ? ' cl-field-off' : ''}`}>
      <div className="cl-slider-head">
        <label htmlFor={id}>Generated text written back per generation</label>
        {view.locked && <LockMark />}
        <output htmlFor={id} className="cl-readout">
          {formatPercent(shown)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={CONTAMINATION_SCALE.steps}
        step={1}
        value={position}
        disabled={view.locked}
        list={`${id}-ticks`}
        title={hint}
        aria-valuetext={`${formatPercent(shown)} of the real data per generation`}
        aria-describedby={`${id}-hint ${id}-msg`}
        onChange={(e) => {
          const next = Number(e.target.value);
          setDraft(next);
          schedule(positionToValue(next, CONTAMINATION_SCALE));
        }}
        onPointerUp={settle}
        onKeyUp={settle}
        onBlur={settle}
      />
      <datalist id={`${id}-ticks`}>
        {TICKS.map((t) => (
          <option key={t} value={valueToPosition(t, CONTAMINATION_SCALE)} label={formatPercent(t)} />
        ))}
      </datalist>
      <div className="cl-scale" aria-hidden="true">
        {TICKS.map((t) => (
          <span
            key={t}
            style={{
              left: `${(valueToPosition(t, CONTAMINATION_SCALE) / CONTAMINATION_SCALE.steps) * 100}%`,
            }}
          >
            {formatPercent(t)}
          </span>
        ))}
      </div>
      <p id={`${id}-hint`} className="cl-hint">
        {view.locked && `${LOCK_REASON} `}Log scale. {formatPercent(shown)} of D0 ≈ {formatChars(chars)} a
        generation. Even a little, kept up, takes over the corpus.
      </p>
      <FieldMessage id={`${id}-msg`} note={note} />
    </div>
  );
}
