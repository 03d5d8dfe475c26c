/**
 * A class's prediction of the next generation, set beside what the run measured, in words a
 * teacher can read out: "You said up, x1.50; it went up x1.31. Right direction; you expected a
 * bigger rise." Pure: tested in Node on hand-computed cases.
 */

export type Direction = 'up' | 'same' | 'down';

/**
 * Perplexity within this share of the previous generation's counts as "about the same": a run's
 * generations differ by a few per cent from noise alone, and a class cannot call that.
 */
export const SAME_BAND = 0.05;

/** A predicted factor this close (as a ratio) to the measured one is "about the right size". */
export const SIZE_BAND = 0.1;

/** A real-word share prediction this many percentage points from the measured one is right. */
export const SHARE_POINTS_BAND = 5;

/** What the prediction is about: one generation's two figures. */
export interface GenerationFigures {
  generation: number;
  /** Held-out perplexity. */
  perplexity: number;
  /** Share of the word tokens it wrote that real text holds, 0..1. */
  realWordShare: number;
}

export interface Prediction {
  direction: Direction;
  /** Predicted perplexity of the next generation over this one's (1 for "same"). */
  factor: number;
  /** Predicted real-word share of the next generation, 0..1; null: not asked or not answered. */
  realWordShare: number | null;
}

export interface PredictionOutcome {
  /** Measured perplexity of the target generation over the one before it. */
  ratio: number;
  measuredDirection: Direction;
  directionRight: boolean;
  /** The perplexity sentence: what was said, what happened, the verdict. */
  perplexityWords: string;
  /** Whether the real-word share was within SHARE_POINTS_BAND points; null when not predicted. */
  shareRight: boolean | null;
  /** The real-word sentence; null when the class gave no share. */
  shareWords: string | null;
}

/** The direction a perplexity ratio (next over previous) counts as. */
export function directionOf(ratio: number): Direction {
  if (ratio > 1 + SAME_BAND) return 'up';
  if (ratio < 1 - SAME_BAND) return 'down';
  return 'same';
}

/** "x1.31": a factor as the page writes it. */
export const formatFactor = (factor: number): string => `x${factor.toFixed(2)}`;

/** "up, x1.50" / "about the same" / "down, x0.80". */
export function predictionWords(prediction: Pick<Prediction, 'direction' | 'factor'>): string {
  if (prediction.direction === 'same') return 'about the same';
  return `${prediction.direction}, ${formatFactor(prediction.factor)}`;
}

/** "went up x1.31" / "stayed about the same (x1.02)" / "went down x0.93". */
export function measuredWords(ratio: number): string {
  const direction = directionOf(ratio);
  if (direction === 'same') return `stayed about the same (${formatFactor(ratio)})`;
  return `went ${direction} ${formatFactor(ratio)}`;
}

function verdict(prediction: Prediction, ratio: number): string {
  const measured = directionOf(ratio);
  const band = `${Math.round(SAME_BAND * 100)}%`;
  if (prediction.direction !== measured) {
    if (prediction.direction === 'same') return `Not this time: it moved by more than ${band}.`;
    if (measured === 'same') return `Not this time: it moved by less than ${band}.`;
    return 'Not this time: it went the other way.';
  }
  if (measured === 'same') return `Right: it stayed within ${band}.`;
  if (Math.abs(Math.log(prediction.factor / ratio)) <= Math.log(1 + SIZE_BAND))
    return 'Right direction, and about the right size.';
  const predictedMore = measured === 'up' ? prediction.factor > ratio : prediction.factor < ratio;
  const change = measured === 'up' ? 'rise' : 'fall';
  return `Right direction; you expected a ${predictedMore ? 'bigger' : 'smaller'} ${change}.`;
}

const percent = (share: number): number => Math.round(share * 100);

function shareSentence(predicted: number, measured: number): { right: boolean; words: string } {
  const said = percent(predicted);
  const wrote = percent(measured);
  const gap = wrote - said;
  const right = Math.abs(gap) <= SHARE_POINTS_BAND;
  const tail = right
    ? `Within ${SHARE_POINTS_BAND} points.`
    : `${Math.abs(gap)} points ${gap < 0 ? 'fewer' : 'more'} than you said.`;
  return { right, words: `You said ${said}% real words; it wrote ${wrote}%. ${tail}` };
}

/** The prediction for `after`, made when `before` was the latest generation, against the measurements. */
export function scorePrediction(
  prediction: Prediction,
  before: GenerationFigures,
  after: GenerationFigures,
): PredictionOutcome {
  const ratio = after.perplexity / before.perplexity;
  const measuredDirection = directionOf(ratio);
  const share =
    prediction.realWordShare === null ? null : shareSentence(prediction.realWordShare, after.realWordShare);
  return {
    ratio,
    measuredDirection,
    directionRight: prediction.direction === measuredDirection,
    perplexityWords: `You said ${predictionWords(prediction)}; it ${measuredWords(ratio)}. ${verdict(prediction, ratio)}`,
    shareRight: share?.right ?? null,
    shareWords: share?.words ?? null,
  };
}
