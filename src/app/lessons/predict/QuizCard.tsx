import { NonWordText } from '../../samples/NonWordText';
import { textRealWordShare, type QuizCard as Card } from './quiz-deal';

interface Props {
  card: Card;
  /** After the answer: the card says where its text came from and marks its non-words. */
  revealed: boolean;
}

function sourceLabel(card: Card): string {
  if (card.kind === 'real') return 'Real text (held out, never trained on)';
  return `Generation ${card.generation}`;
}

function shareLine(card: Card): string {
  const share = textRealWordShare(card.text, card.nonWords);
  if (share === null) return 'real words: not recorded for this run';
  const percent = `${Math.round(share * 100)}% real words`;
  // Held-out text is part of the list real words are looked up in: 100% by definition.
  return card.kind === 'real' ? `${percent} (it is real text)` : percent;
}

/**
 * One face-down text: a letter and the text. Revealed, it names its source (also as data-source,
 * which the browser test reads), its real-word share, and underlines the words no real text holds.
 */
export function QuizCard({ card, revealed }: Props) {
  return (
    <li
      className={`quiz-card${revealed ? ` quiz-card-${card.kind}` : ''}`}
      data-testid="quiz-card"
      data-letter={card.letter}
      {...(revealed
        ? { 'data-source': card.kind === 'later' ? `generation-${card.generation}` : card.kind }
        : {})}
    >
      <h3 className="quiz-letter">
        Text {card.letter}
        {revealed && <span className="quiz-source">: {sourceLabel(card)}</span>}
      </h3>
      <p className="sample-text">
        <NonWordText text={card.text} nonWords={revealed ? card.nonWords : null} />
        &hellip;
      </p>
      {revealed && <p className="quiz-share">{shareLine(card)}</p>}
    </li>
  );
}
