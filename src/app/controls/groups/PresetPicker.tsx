import { useState } from 'react';
import { PRESETS, presetConfig } from '../../../engine/config/presets';
import { controlLabel } from '../../classroom/classroom-controls';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { useAppStore } from '../../store/app-store';
import { applySettingsWithLocks } from '../fields/apply-settings';
import { Choice } from '../fields/Choice';
import { FieldMessage, type FieldNote } from '../../ui/FieldMessage';

/**
 * The loop's presets, each with its one-line description and the result it reproduces. A preset
 * replaces every setting except the corpus (a teacher who brought their own text keeps it) and
 * whether the class chooses what enters.
 */
export function PresetPicker() {
  const presetId = useAppStore((s) => s.presetId);
  const [note, setNote] = useState<FieldNote | null>(null);

  const view = useControlView('preset');

  const choose = (id: string): void => {
    const { config } = useAppStore.getState();
    const preset = presetConfig(id);
    // Who chooses what enters is the lesson's, not the paper's: the class filter stays as it was.
    const { error, kept } = applySettingsWithLocks(
      { ...preset, corpus: config.corpus, filter: { ...preset.filter, byClass: config.filter.byClass } },
      id,
    );
    if (error) setNote({ text: error, tone: 'error' });
    else if (kept.length > 0) {
      // A classroom link fixed some of what the preset sets: say so, or the preset would look broken.
      const labels = kept.map(controlLabel);
      const names =
        labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
      const them = kept.length === 1 ? 'it as it was' : 'them as they were';
      setNote({
        text: `Your teacher fixed ${names}, so the preset left ${them}; its other settings apply.`,
        tone: 'info',
      });
    } else setNote(null);
  };

  if (view.hidden) return null;
  return (
    <fieldset className="cl-group" aria-describedby="cl-preset-hint" disabled={view.locked}>
      <legend>Preset{view.locked && <LockMark />}</legend>
      <p className="cl-hint" id="cl-preset-hint">
        {view.locked ? LOCK_REASON : 'A published result to reproduce. Pick one, then adjust anything below.'}
        {presetId === null && <strong className="cl-custom"> Custom settings.</strong>}
      </p>
      <div className="cl-choices">
        {PRESETS.map((p) => (
          <Choice
            key={p.id}
            name="cl-preset"
            value={p.id}
            checked={presetId === p.id}
            onChange={() => choose(p.id)}
            label={p.label}
            description={p.description}
            source={p.source}
            title={`${p.description} (${p.source})`}
          />
        ))}
      </div>
      <FieldMessage id="cl-preset-msg" note={note} />
    </fieldset>
  );
}
