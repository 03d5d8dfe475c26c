import { useId, useState, type FormEvent } from 'react';
import { formatFactor, SAME_BAND, type Direction, type Prediction } from './prediction-scoring';
import type { PredictionTurn } from './prediction-turn';

interface Props {
  turn: PredictionTurn;
  onAnswer(prediction: Prediction | null): void;
}

/** The factor slider's span and starting point for each direction ("same" has no slider). */
const FACTORS: Record<Exclude<Direction, 'same'>, { min: number; max: number; start: number }> = {
  up: { min: 1.05, max: 3, start: 1.3 },
  down: { min: 0.3, max: 0.95, start: 0.8 },
};

const DIRECTIONS: { value: Direction; label: string }[] = [
  { value: 'up', label: 'Up' },
  { value: 'same', label: `About the same (within ${Math.round(SAME_BAND * 100)}%)` },
  { value: 'down', label: 'Down' },
];

/** "x1.30, 30% higher" / "x0.80, 20% lower": the slider's value in words. */
function factorText(factor: number): string {
  const change = Math.round(Math.abs(factor - 1) * 100);
  return `${formatFactor(factor)}, ${change}% ${factor >= 1 ? 'higher' : 'lower'}`;
}

const roundToFive = (share: number): number => Math.round(share * 20) * 5;

/**
 * The class's prediction of the next generation: up, down or about the same, by what factor,
 * and (if the class wants) the share of real words it will write. Radio buttons and sliders,
 * so arrows and Tab do everything; nothing is sent until "Lock in".
 */
export function PredictionForm({ turn, onAnswer }: Props) {
  const id = useId();
  const [direction, setDirection] = useState<Direction | null>(null);
  const [factor, setFactor] = useState(FACTORS.up.start);
  const [askShare, setAskShare] = useState(true);
  const [sharePercent, setSharePercent] = useState(roundToFive(turn.before.realWordShare));
  const [missing, setMissing] = useState(false);
  const { before, target } = turn;

  const pick = (next: Direction): void => {
    setDirection(next);
    setMissing(false);
    // Each direction has its own span: a factor chosen for "up" means nothing for "down".
    if (next !== 'same' && next !== direction) setFactor(FACTORS[next].start);
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (direction === null) {
      setMissing(true);
      return;
    }
    onAnswer({
      direction,
      factor: direction === 'same' ? 1 : factor,
      realWordShare: askShare ? sharePercent / 100 : null,
    });
  };

  const span = direction === 'up' || direction === 'down' ? FACTORS[direction] : null;
  return (
    <form className="predict-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="predict-question">
        Predict generation {target}
      </h3>
      <fieldset className="predict-fieldset">
        <legend>
          Generation {before.generation}&rsquo;s perplexity on real text is{' '}
          <strong>{before.perplexity.toFixed(2)}</strong>. At generation {target}, will it go up, down or stay
          about the same?
        </legend>
        <div className="predict-choices">
          {DIRECTIONS.map((d) => (
            <label key={d.value} className="predict-choice">
              <input
                type="radio"
                name={`${id}-direction`}
                value={d.value}
                checked={direction === d.value}
                onChange={() => pick(d.value)}
              />
              {d.label}
            </label>
          ))}
        </div>
        {span !== null && (
          <div className="predict-slider">
            <label htmlFor={`${id}-factor`}>By how much?</label>
            <input
              id={`${id}-factor`}
              type="range"
              min={span.min}
              max={span.max}
              step={0.05}
              value={factor}
              aria-valuetext={factorText(factor)}
              onChange={(e) => setFactor(Number(e.target.value))}
            />
            <output htmlFor={`${id}-factor`} className="predict-value">
              {factorText(factor)}
            </output>
          </div>
        )}
      </fieldset>
      <fieldset className="predict-fieldset">
        <legend>
          Generation {before.generation} wrote <strong>{Math.round(before.realWordShare * 100)}%</strong> real
          words. What share will generation {target} write?
        </legend>
        <label className="predict-choice">
          <input type="checkbox" checked={askShare} onChange={(e) => setAskShare(e.target.checked)} />
          Predict the real words too
        </label>
        {askShare && (
          <div className="predict-slider">
            <label htmlFor={`${id}-share`}>Real words</label>
            <input
              id={`${id}-share`}
              type="range"
              min={0}
              max={100}
              step={5}
              value={sharePercent}
              aria-valuetext={`${sharePercent}%`}
              onChange={(e) => setSharePercent(Number(e.target.value))}
            />
            <output htmlFor={`${id}-share`} className="predict-value">
              {sharePercent}%
            </output>
          </div>
        )}
      </fieldset>
      {missing && (
        <p className="predict-missing" role="alert">
          Choose up, about the same or down first.
        </p>
      )}
      <div className="predict-actions">
        <button type="submit">Lock in and show generation {target}</button>
        <button type="button" onClick={() => onAnswer(null)}>
          Skip: show it without predicting
        </button>
      </div>
    </form>
  );
}
