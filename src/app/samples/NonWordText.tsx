import { useMemo } from 'react';
import { markNonWords } from './sample-view';

interface Props {
  text: string;
  /** Words the real text never holds, folded as the metrics fold them (null: mark none). */
  nonWords: ReadonlySet<string> | null;
}

/**
 * Text with the words no real text holds marked: a wavy underline for the eye, and words for a
 * screen reader (a colour or a line alone would say nothing to it). Text nodes only, never HTML.
 */
export function NonWordText({ text, nonWords }: Props) {
  const pieces = useMemo(() => markNonWords(text, nonWords), [text, nonWords]);
  return (
    <>
      {pieces.map((piece, i) =>
        piece.nonWord ? (
          <span key={i} className="sample-nonword" title="Not a word of the real text">
            {piece.text}
            <span className="visually-hidden"> (not a real word)</span>
          </span>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
