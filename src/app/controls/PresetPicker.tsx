import { useState } from 'react';
import { PRESETS, presetConfig } from '../../engine/config/presets';
import { useAppStore } from '../store/app-store';
import { applySettings } from './apply-settings';
import { Choice } from './Choice';
import { FieldMessage, type FieldNote } from './FieldMessage';

/**
 * The loop's presets, each with its one-line description and the result it reproduces. A preset
 * replaces every setting except the corpus: a teacher who brought their own text keeps it.
 */
export function PresetPicker() {
  const presetId = useAppStore((s) => s.presetId);
  const [note, setNote] = useState<FieldNote | null>(null);

  const choose = (id: string): void => {
    const { config } = useAppStore.getState();
    const error = applySettings({ ...presetConfig(id), corpus: config.corpus }, id);
    setNote(error ? { text: error, tone: 'error' } : null);
  };

  return (
    <fieldset className="cl-group" aria-describedby="cl-preset-hint">
      <legend>Preset</legend>
      <p className="cl-hint" id="cl-preset-hint">
        A published result to reproduce. Pick one, then adjust anything below.
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
