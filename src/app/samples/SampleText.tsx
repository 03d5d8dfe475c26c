import { useId, useState } from 'react';
import { NonWordText } from './NonWordText';
import { truncate } from './sample-view';

interface Props {
  text: string;
  /** Characters shown before "Show more". */
  maxChars?: number;
  /** Words to mark as never written in the real text (null: mark none). */
  nonWords?: ReadonlySet<string> | null;
}

/**
 * One document as plain text. React escapes it, so a corpus holding <script> shows the tag as
 * characters; nothing here may ever set HTML. Long documents fold behind a "Show more" toggle.
 */
export function SampleText({ text, maxChars = 280, nonWords = null }: Props) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  if (text.length === 0)
    return <p className="sample-text sample-empty">(an empty document: the model ended it at once)</p>;
  const { text: head, cut } = truncate(text, maxChars);
  return (
    <div className="sample">
      <p className="sample-text" id={id}>
        <NonWordText text={expanded || !cut ? text : head} nonWords={nonWords} />
        {!expanded && cut && '…'}
      </p>
      {cut && (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </div>
  );
}
