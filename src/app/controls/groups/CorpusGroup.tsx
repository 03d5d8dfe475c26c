import { useState } from 'react';
import type { CorpusSource } from '../../../engine/config/schema';
import { CORPORA } from '../../../engine/text/corpora';
import { LOCK_REASON, LockMark, useControlView } from '../../classroom/ControlLock';
import { useAppStore } from '../../store/app-store';
import { applySettings } from '../fields/apply-settings';
import { Choice } from '../fields/Choice';
import { FieldMessage, type FieldNote } from '../../ui/FieldMessage';
import { NewRunTag } from '../fields/NewRunTag';
import { UserTextLoader } from './UserTextLoader';

/** The real text D0: a built-in corpus or the teacher's own. */
export function CorpusGroup() {
  const source = useAppStore((s) => s.config.corpus.source);
  const userCorpus = useAppStore((s) => s.userCorpus);
  const [note, setNote] = useState<FieldNote | null>(null);
  const view = useControlView('corpus');

  const choose = (next: CorpusSource): void => {
    const config = useAppStore.getState().config;
    const error = applySettings({ ...config, corpus: { ...config.corpus, source: next } });
    setNote(error ? { text: error, tone: 'error' } : null);
  };

  if (view.hidden) return null;
  return (
    <fieldset className="cl-group" disabled={view.locked}>
      <legend>
        Real text (D0) {view.locked && <LockMark />} <NewRunTag />
      </legend>
      <p className="cl-hint">
        {view.locked ? `${LOCK_REASON} ` : ''}The human text the first model learns from; part of it is held
        out to measure every model.
      </p>
      <div className="cl-choices">
        {CORPORA.map((c) => (
          <Choice
            key={c.id}
            name="cl-corpus"
            value={c.id}
            checked={source === c.id}
            onChange={() => choose(c.id)}
            label={c.label}
            // The built-ins' descriptions run to three sentences: spelled out for the chosen one only.
            description={source === c.id ? c.description : undefined}
            title={c.description}
          />
        ))}
        <Choice
          name="cl-corpus"
          value="user"
          checked={source === 'user'}
          onChange={() => choose('user')}
          label="Your own text"
          description={
            userCorpus ? `Loaded: ${userCorpus.name}` : 'Paste it, drop a .txt file, or give a web address.'
          }
          title="Paste text, choose or drop a .txt file, or load one from a web address."
        />
      </div>
      {source === 'user' && <UserTextLoader />}
      <FieldMessage id="cl-corpus-msg" note={note} />
    </fieldset>
  );
}
