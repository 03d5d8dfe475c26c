/** The inline line under a control that says why a value was adjusted or refused. */
export interface FieldNote {
  text: string;
  tone: 'info' | 'error';
}

export function FieldMessage({ id, note }: { id: string; note: FieldNote | null }) {
  // Always rendered, so screen readers already know the live region when a message appears.
  return (
    <p
      id={id}
      className={`cl-message${note?.tone === 'error' ? ' cl-message-error' : ''}`}
      aria-live="polite"
    >
      {note?.text}
    </p>
  );
}
