import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ClassReviewAsked } from '../../../worker/simulation-protocol';
import { SampleText } from '../../samples/SampleText';
import { answerClassReview } from '../../session/session';
import { continueLabel } from './class-choice-words';

/** Characters of a document shown before "Show more": six fit a projector at 1024x768. */
const SHOWN_CHARS = 180;

interface CardProps {
  index: number;
  text: string;
  nonWords: readonly string[];
  kept: boolean;
  onChoose(kept: boolean): void;
}

/** One offered document: its text with made-up words marked, and Keep / Discard (K / D while in it). */
function DocumentCard({ index, text, nonWords, kept, onChoose }: CardProps) {
  const marked = useMemo(() => new Set(nonWords), [nonWords]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'k' || e.key === 'K') onChoose(true);
    else if (e.key === 'd' || e.key === 'D') onChoose(false);
    else return;
    e.preventDefault();
  };
  const name = `Document ${index + 1}`;
  return (
    <li className={kept ? 'class-card' : 'class-card class-card-discarded'} onKeyDown={onKeyDown}>
      <div className="class-card-head">
        <span className="class-card-name">
          {name}
          <span className="visually-hidden">, {kept ? 'kept' : 'discarded'}</span>
        </span>
        <span className="class-card-actions" role="group" aria-label={name}>
          <button type="button" aria-pressed={kept} className="class-keep" onClick={() => onChoose(true)}>
            Keep
          </button>
          <button
            type="button"
            aria-pressed={!kept}
            className="class-discard"
            onClick={() => onChoose(false)}
          >
            Discard
          </button>
        </span>
      </div>
      <SampleText text={text} nonWords={marked} maxChars={SHOWN_CHARS} />
    </li>
  );
}

/**
 * The documents a generation offers the class, each kept until the class discards it, and the
 * button that sends the choice. The run waits meanwhile; it comes into view and takes the focus
 * when it appears, so a class at the projector sees at once that it is its turn.
 */
export function ClassReviewCards({ request }: { request: ClassReviewAsked }) {
  const [kept, setKept] = useState(() => request.offered.map(() => true));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The last choice's note just above stays in view with the new documents.
    (heading.current?.closest('.class-filter') ?? heading.current)?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);
  const keptCount = kept.filter(Boolean).length;
  const send = () =>
    answerClassReview(
      request.id,
      kept.flatMap((k, i) => (k ? [i] : [])),
    );
  return (
    <section className="class-review" aria-labelledby="class-review-heading" data-testid="class-review">
      <h2 id="class-review-heading" ref={heading} tabIndex={-1}>
        Generation {request.generation}: what enters the corpus?
      </h2>
      <p className="class-review-hint">
        Keep what reads like the real stories, discard what does not. Underlined words occur in no real text.
        In a document, K keeps and D discards.
      </p>
      <ol className="class-review-cards">
        {request.offered.map((d, i) => (
          <DocumentCard
            key={i}
            index={i}
            text={d.text}
            nonWords={d.nonWords}
            kept={kept[i]}
            onChoose={(k) => setKept((all) => all.map((was, j) => (j === i ? k : was)))}
          />
        ))}
      </ol>
      <p className="class-review-send">
        <button type="button" className="class-continue" onClick={send}>
          {continueLabel(keptCount, kept.length)}
        </button>{' '}
        <span className="class-review-rule">
          The model&rsquo;s next documents fill the rest of the {request.budget.toLocaleString('en-US')}{' '}
          characters, as without the class.
        </span>
      </p>
    </section>
  );
}
