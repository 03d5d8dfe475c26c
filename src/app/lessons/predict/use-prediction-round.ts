/**
 * One round of "predict, then reveal" while predictions are on: holds the run at the generation
 * the class has not predicted yet, and turns a locked-in answer into a result once its generation
 * is on screen (prediction-source.ts says why holding is done by pausing).
 */
import { useEffect, useMemo } from 'react';
import { isRunActive, useAppStore } from '../../store/app-store';
import { isPlaybackOnScreen, usePlaybackStore } from '../../runs/playback/show-run';
import type { GenerationFigures, Prediction } from './prediction-scoring';
import { advanceSource, holdSource, predictionSource, type PredictionSource } from './prediction-source';
import { usePredictions } from './prediction-store';
import { predictionTurn, settleAnswer, type LockedAnswer, type PredictionTurn } from './prediction-turn';

export interface PredictionRound {
  source: PredictionSource | null;
  /** The generation to predict now; null when none is due (or the answer is locked in). */
  turn: PredictionTurn | null;
  /** The locked-in answer waiting for its generation. */
  answer: LockedAnswer | null;
  /** Locks in the class's answer (null: skip this generation) and lets that generation through. */
  answerTurn(prediction: Prediction | null): void;
}

export function usePredictionRound(): PredictionRound {
  const reports = useAppStore((s) => s.run.generations);
  const status = useAppStore((s) => s.run.status);
  const active = useAppStore((s) => isRunActive(s.run));
  const planned = useAppStore((s) => s.run.config?.generations ?? null);
  const onScreen = useAppStore((s) => isPlaybackOnScreen(s.run));
  const playback = usePlaybackStore();
  const answer = usePredictions((s) => s.answer);

  const shown = useMemo<GenerationFigures[]>(
    () =>
      reports.map((g) => ({
        generation: g.generation,
        perplexity: g.perplexity,
        realWordShare: g.realWordShare,
      })),
    [reports],
  );
  const source = predictionSource({ active, status, planned }, playback, onScreen);
  const nextTurn = source === null ? null : predictionTurn(shown, source.planned);
  const answered = answer !== null && nextTurn !== null && answer.target === nextTurn.target;
  const turn = answered ? null : nextTurn;

  // Hold: a turn is due and the run is still moving.
  const holdKind = turn !== null && source !== null && source.moving ? source.kind : null;
  useEffect(() => {
    if (holdKind !== null) holdSource(holdKind);
  }, [holdKind]);

  // Reveal: the answer's generation is on screen, or the run it was made on is gone.
  useEffect(() => {
    if (answer === null) return;
    const settled = settleAnswer(answer, shown);
    if (settled.kind === 'waiting') return;
    const { settle } = usePredictions.getState();
    if (settled.kind === 'gone' || settled.outcome === null || answer.prediction === null) {
      settle(null);
      return;
    }
    settle({
      runLabel: answer.runLabel,
      at: answer.at,
      before: answer.before,
      after: settled.after,
      prediction: answer.prediction,
      directionRight: settled.outcome.directionRight,
      shareRight: settled.outcome.shareRight,
      perplexityWords: settled.outcome.perplexityWords,
      shareWords: settled.outcome.shareWords,
    });
  }, [answer, shown]);

  const answerTurn = (prediction: Prediction | null): void => {
    if (turn === null || source === null) return;
    usePredictions.getState().lockIn({
      target: turn.target,
      before: turn.before,
      prediction,
      runLabel: source.runLabel,
      at: Date.now(),
    });
    advanceSource(source.kind);
  };

  return { source, turn, answer, answerTurn };
}
