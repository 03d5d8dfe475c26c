import { useId, useMemo, useState, type FormEvent } from 'react';
import type { GenerationReport } from '../../../engine/record';
import { useAppStore } from '../../store/app-store';
import {
  CARD_LETTERS,
  checkQuiz,
  dealQuiz,
  type CardLetter,
  type QuizDeal,
  type QuizPool,
} from './quiz-deal';
import { quizRealTexts } from './quiz-real-text';
import { QuizCard } from './QuizCard';
import './predict.css';

const nonWordsOf = (report: GenerationReport): ReadonlySet<string> | null =>
  report.sampleNonWords ? new Set(report.sampleNonWords) : null;

const generationPool = (report: GenerationReport, kind: QuizPool['kind']): QuizPool => ({
  kind,
  generation: report.generation,
  documents: report.samples,
  nonWords: nonWordsOf(report),
});

interface Picks {
  generationZero: CardLetter | null;
  real: CardLetter | null;
}

const NO_PICKS: Picks = { generationZero: null, real: null };

/** A radio group of the three letters (and "not sure" where the question is optional). */
function LetterChoice(props: {
  name: string;
  legend: string;
  value: CardLetter | null;
  optional?: boolean;
  disabled: boolean;
  onChange(letter: CardLetter | null): void;
}) {
  return (
    <fieldset className="predict-fieldset" disabled={props.disabled}>
      <legend>{props.legend}</legend>
      <div className="predict-choices">
        {CARD_LETTERS.map((letter) => (
          <label key={letter} className="predict-choice">
            <input
              type="radio"
              name={props.name}
              checked={props.value === letter}
              onChange={() => props.onChange(letter)}
            />
            Text {letter}
          </label>
        ))}
        {props.optional && (
          <label className="predict-choice">
            <input
              type="radio"
              name={props.name}
              checked={props.value === null}
              onChange={() => props.onChange(null)}
            />
            Not sure
          </label>
        )}
      </div>
    </fieldset>
  );
}

/**
 * The quiz "Which text is generation 0?": a text by generation 0, one by a later generation (the
 * teacher picks which; the latest by default) and a real one, shuffled and lettered. The class
 * picks generation 0's (and, if it likes, the real one); checking reveals every card's source,
 * its real-word share and its non-words.
 */
export function GenerationZeroQuiz() {
  const id = useId();
  const reports = useAppStore((s) => s.run.generations);
  const realSamples = useAppStore((s) => s.run.realSamples);
  const config = useAppStore((s) => s.run.config);
  const realTexts = useMemo(() => quizRealTexts(realSamples, config), [realSamples, config]);
  const [laterChoice, setLaterChoice] = useState<number | null>(null);
  const [dealt, setDealt] = useState<{ deal: QuizDeal; run: string } | null>(null);
  const [picks, setPicks] = useState<Picks>(NO_PICKS);
  const [missing, setMissing] = useState(false);
  const [verdict, setVerdict] = useState<string | null>(null);

  const first = reports.find((g) => g.generation === 0);
  const laterReports = reports.filter((g) => g.generation > 0);
  const later =
    laterReports.find((g) => g.generation === laterChoice) ??
    (laterReports.at(-1) as GenerationReport | undefined);
  const ready = first !== undefined && later !== undefined && realTexts.length > 0;
  // A deal belongs to the run it was dealt from: another run on screen has another generation 0.
  const runKey = first === undefined ? '' : `${first.perplexity} ${first.samples[0] ?? ''}`;
  const deal = dealt !== null && dealt.run === runKey ? dealt.deal : null;

  const dealAgain = (): void => {
    if (!ready) return;
    const real: QuizPool = { kind: 'real', generation: null, documents: realTexts, nonWords: new Set() };
    const next = dealQuiz(
      [generationPool(first, 'generation-0'), generationPool(later, 'later'), real],
      Math.random,
    );
    setDealt(next === null ? null : { deal: next, run: runKey });
    setPicks(NO_PICKS);
    setVerdict(null);
    setMissing(false);
  };

  const check = (e: FormEvent): void => {
    e.preventDefault();
    if (deal === null) return;
    if (picks.generationZero === null) {
      setMissing(true);
      return;
    }
    setVerdict(checkQuiz(deal, { generationZero: picks.generationZero, real: picks.real }).words);
  };

  const revealed = deal !== null && verdict !== null;
  return (
    <section className="panel quiz-panel" aria-labelledby={`${id}-heading`} data-testid="quiz-panel">
      <h2 id={`${id}-heading`}>Quiz: which text is generation 0?</h2>
      {/* Above the cards, so a projector shows it with them; always present, so it is announced. */}
      <p className="quiz-verdict" role="status" aria-live="polite" data-testid="quiz-verdict">
        {deal !== null && verdict}
      </p>
      {!ready ? (
        <p className="predict-state">
          {realTexts.length === 0 && reports.length > 0
            ? 'This run carries no real text to compare with (it was made on your own text), so the quiz cannot deal.'
            : 'Once two generations are on screen, the quiz deals three texts: one by generation 0, one by a later generation and one real, in a random order.'}
        </p>
      ) : (
        <>
          <div className="quiz-setup">
            <label htmlFor={`${id}-later`}>Later generation</label>
            <select
              id={`${id}-later`}
              value={laterChoice ?? ''}
              onChange={(e) => setLaterChoice(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">The latest (generation {laterReports.at(-1)?.generation})</option>
              {laterReports.map((g) => (
                <option key={g.generation} value={g.generation}>
                  Generation {g.generation}
                </option>
              ))}
            </select>
            <button type="button" onClick={dealAgain}>
              {deal === null ? 'Deal three texts' : 'Deal new texts'}
            </button>
          </div>
          {deal === null && (
            <p className="predict-state">
              One text is by generation 0 (trained on real text only), one by generation {later.generation},
              one is real. The letters are shuffled at every deal.
            </p>
          )}
          {deal !== null && (
            <form onSubmit={check} aria-label="Quiz answer">
              <ol className="quiz-cards" aria-label="Three texts">
                {deal.cards.map((card) => (
                  <QuizCard key={card.letter} card={card} revealed={revealed} />
                ))}
              </ol>
              <LetterChoice
                name={`${id}-zero`}
                legend="Which text did generation 0 write?"
                value={picks.generationZero}
                disabled={revealed}
                onChange={(letter) => {
                  setPicks({ ...picks, generationZero: letter });
                  setMissing(false);
                }}
              />
              <LetterChoice
                name={`${id}-real`}
                legend="And which one is real text? (optional)"
                value={picks.real}
                optional
                disabled={revealed}
                onChange={(letter) => setPicks({ ...picks, real: letter })}
              />
              {missing && (
                <p className="predict-missing" role="alert">
                  Pick the text you think generation 0 wrote first.
                </p>
              )}
              {!revealed && (
                <div className="predict-actions">
                  <button type="submit">Check the answer</button>
                </div>
              )}
            </form>
          )}
        </>
      )}
    </section>
  );
}
