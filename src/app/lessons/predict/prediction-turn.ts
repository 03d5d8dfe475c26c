/**
 * Whose turn it is: which generation the class predicts next, and what becomes of an answer once
 * the run moves on. Pure (the panel and its hook feed it the store): tested in Node.
 */
import {
  scorePrediction,
  type GenerationFigures,
  type Prediction,
  type PredictionOutcome,
} from './prediction-scoring';

/** The generation to predict and the latest one on screen, which the class compares it with. */
export interface PredictionTurn {
  target: number;
  before: GenerationFigures;
}

/**
 * The next prediction to ask for: the generation after the latest one on screen, as long as
 * the run will still make (or play back) it. Null before generation 0 is shown (there is nothing
 * to compare with) and once the last generation is on screen.
 */
export function predictionTurn(
  shown: readonly GenerationFigures[],
  plannedGenerations: number,
): PredictionTurn | null {
  const before = shown.at(-1);
  if (before === undefined) return null;
  const target = before.generation + 1;
  return target < plannedGenerations ? { target, before } : null;
}

/** The class's answer for one generation, locked in before that generation was shown. */
export interface LockedAnswer {
  target: number;
  before: GenerationFigures;
  /** null: the class skipped this generation. */
  prediction: Prediction | null;
  /** The run it was made on, in the page's words ("Recorded: Seed paper: replace", "Live run"). */
  runLabel: string;
  /** Date.now() when it was locked in. */
  at: number;
}

export type Settled =
  | { kind: 'waiting' }
  /** The run on screen is not the one the answer was made on any more (a new run, another playback). */
  | { kind: 'gone' }
  | { kind: 'revealed'; after: GenerationFigures; outcome: PredictionOutcome | null };

/** What an answer has become, given the generations on screen now. */
export function settleAnswer(answer: LockedAnswer, shown: readonly GenerationFigures[]): Settled {
  const before = shown.find((g) => g.generation === answer.before.generation);
  if (before === undefined || before.perplexity !== answer.before.perplexity) return { kind: 'gone' };
  const after = shown.find((g) => g.generation === answer.target);
  if (after === undefined) return { kind: 'waiting' };
  return {
    kind: 'revealed',
    after,
    outcome: answer.prediction === null ? null : scorePrediction(answer.prediction, before, after),
  };
}
