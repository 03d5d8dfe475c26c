import { useId } from 'react';
import { generationColour } from '../../ui/palette';
import { lastWrittenText, type WordListView, type WordRow } from './word-list';

/**
 * The fate's swatch: the generation ramp (light: last written early, dark: late), grey for never
 * written, none for still written. A swatch beside the text, not a fill behind it, so the text
 * keeps its contrast on every shade.
 */
function swatch(w: WordRow['lastWritten'], view: WordListView) {
  if (w === 'still') return null;
  if (w === 'never') return <span className="words-swatch words-swatch-never" aria-hidden="true" />;
  const span = view.asOf - view.firstGeneration;
  const t = span > 0 ? (w - view.firstGeneration) / span : 0;
  return <span className="words-swatch" style={{ background: generationColour(t) }} aria-hidden="true" />;
}

/**
 * The real words, rarest first, each with the last generation that wrote it. Scrolls inside its
 * own box (focusable, so the keyboard scrolls it too).
 */
export function WordList({ view }: { view: WordListView }) {
  const captionId = useId();
  return (
    <div className="words-list">
      <p className="words-list-note" data-testid="words-sampled">
        {view.sampled
          ? `The real text has ${view.realWords} different words: listed are the ${view.sampled.frequent} most frequent and ${view.sampled.othersShown} of the other ${view.sampled.others}, evenly spread from the rarest up.`
          : `All ${view.realWords} different words of the real text, the rarest first.`}{' '}
        Colour: the generation that last wrote the word, light for early, dark for late; grey: no model ever
        wrote it.
      </p>
      <div className="words-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="words-table" data-testid="words-table">
          <caption id={captionId}>Real words, rarest first, and the last generation that wrote each</caption>
          <thead>
            <tr>
              <th scope="col">word</th>
              <th scope="col">times in real text</th>
              <th scope="col">last written</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.word} data-word={r.word} data-last-written={String(r.lastWritten)}>
                <th scope="row" className="words-word">
                  {r.word}
                </th>
                <td className="words-count">{r.realCount}</td>
                <td>
                  <span className={r.lastWritten === 'still' ? 'words-fate words-fate-still' : 'words-fate'}>
                    {swatch(r.lastWritten, view)}
                    {lastWrittenText(r.lastWritten)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
