import { useId, useState } from 'react';
import { LOCK_REASON, LockMark, useAllHidden, useControlView } from '../classroom/ControlLock';
import { useAppStore } from '../store/app-store';
import { applicability, type ConditionalSetting } from './applicability';
import { ContaminationSlider } from './ContaminationSlider';
import { formatChars } from './format';
import { ShareSlider } from './ShareSlider';
import { applySettings } from './apply-settings';
import { FieldMessage, type FieldNote } from './FieldMessage';

/** What each generation's corpus is made of: generated text in, real text kept or added, sample size. */
export function DataMixGroup() {
  const config = useAppStore((s) => s.config);
  const reason = (setting: ConditionalSetting): string | null => {
    const a = applicability(setting, config);
    return a.applies ? null : a.reason;
  };
  const inChars = (share: number): string => `(${formatChars(Math.round(share * config.corpus.realChars))})`;
  const allHidden = useAllHidden(['contamination', 'realKept', 'freshShare', 'trainingSample', 'filter']);

  if (allHidden) return null;
  return (
    <fieldset className="cl-group">
      <legend>Data per generation</legend>
      <ContaminationSlider />
      <ShareSlider
        field="realKept"
        control="realKept"
        label="Real data kept"
        hint="Share of each training set drawn from the original human text (Shumailov keeps 10%)."
        step={0.01}
        disabledReason={reason('realKept')}
      />
      <ShareSlider
        field="freshShare"
        control="freshShare"
        label="Fresh real data"
        hint="New human text added each generation, as a share of D0."
        step={0.05}
        disabledReason={reason('freshShare')}
        detail={inChars}
      />
      <ShareSlider
        field="trainingSample"
        control="trainingSample"
        label="Training sample size"
        hint="Each model trains on a random sample of this size (M), as a share of D0."
        step={0.05}
        disabledReason={reason('trainingSample')}
        detail={inChars}
      />
      <ShareSlider
        field="filter.keep"
        control="filter"
        label="Quality filter: best text kept"
        hint="The paper's remedy: a judge that has only read real text scores the generated documents, and only this best-scored share enters the corpus (100% = no filter). The amount written stays the same."
        step={0.05}
        valueText={(share) => (share >= 1 ? 'no filter' : `best ${Math.round(share * 100)}% of the generated text`)}
      />
      <DedupeToggle />
    </fieldset>
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
            const error = applySettings({ ...current, filter: { ...current.filter, dedupe: e.target.checked } });
            setNote(error ? { text: error, tone: 'error' } : null);
          }}
        />
        Drop duplicate documents {view.locked && <LockMark />}
      </label>
      <p id={`${id}-hint`} className="cl-hint">
        {view.locked ? LOCK_REASON : 'A generated document that is already in the corpus, or repeats one written this generation, does not enter.'}
      </p>
      <FieldMessage id={`${id}-msg`} note={note} />
    </div>
  );
}
