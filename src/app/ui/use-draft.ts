import { useCallback, useState } from 'react';
import type { FieldNote } from './FieldMessage';
import { useDeferredCommit } from './use-deferred-commit';

export interface Draft<D, V> {
  /** What the control shows while the user edits it; null: the committed value. */
  draft: D | null;
  setDraft(draft: D | null): void;
  /** The line under the control: why a value was adjusted or refused. */
  note: FieldNote | null;
  setNote(note: FieldNote | null): void;
  /** Commit after the user pauses. */
  schedule(value: V): void;
  /** Drop a scheduled commit (the text on the way to a number is not one yet). */
  cancel(): void;
  /** Commit a scheduled value now. */
  flush(): void;
  /** Commit now. */
  commit(value: V): void;
  /** The edit is over (released, Enter, left): commit what is scheduled and show the committed value. */
  settle(): void;
}

/**
 * The draft/commit cycle every settings control shares: the user's value shows at once, reaches
 * `commit` after a pause (or at once when the edit ends), and a refusal shows under the control.
 * `commit` returns the reason a value was refused, or null.
 */
export function useDraft<D, V>(commit: (value: V) => string | null): Draft<D, V> {
  const [draft, setDraft] = useState<D | null>(null);
  const [note, setNote] = useState<FieldNote | null>(null);
  const commitWithNote = (value: V): void => {
    const error = commit(value);
    setNote(error ? { text: error, tone: 'error' } : null);
  };
  const deferred = useDeferredCommit(commitWithNote);
  const { flush } = deferred;
  const settle = useCallback(() => {
    flush();
    setDraft(null);
  }, [flush]);
  return { draft, setDraft, note, setNote, ...deferred, commit: commitWithNote, settle };
}
