import { useClassroom } from '../../classroom/classroom-store';
import { useAppStore } from '../../store/app-store';
import { PredictionForm } from './PredictionForm';
import { PredictionHistory } from './PredictionHistory';
import { PredictionReveal } from './PredictionReveal';
import { predictionWords } from './prediction-scoring';
import { usePredictions } from './prediction-store';
import { usePredictionRound, type PredictionRound } from './use-prediction-round';
import './predict.css';

/** One line on where the round stands: what the class is asked, or why nothing is. */
function stateLine({ source, turn, answer }: PredictionRound): string {
  if (turn !== null)
    return `The run waits at generation ${turn.before.generation}: predict generation ${turn.target}, then lock it in.`;
  if (answer !== null)
    return answer.prediction === null
      ? `Skipped. Generation ${answer.target} is on its way.`
      : `Locked in: ${predictionWords(answer.prediction)}. Generation ${answer.target} is on its way.`;
  if (source === null)
    return 'Press play, or watch a recorded run generation by generation: before each new generation appears, the class predicts it here.';
  return 'Every generation of this run is on screen: nothing left to predict.';
}

/**
 * "Predict, then reveal" (a classroom link's predict=1): before each generation appears the
 * class says whether perplexity on real text will go up or down, by how much, and what share of
 * real words it will write; the result then shows beside the prediction. Placed above the
 * charts, so a projector shows the question before anything else.
 */
export function PredictionPanel() {
  const round = usePredictionRound();
  const stored = usePredictions((s) => s.latest);
  // The latest result belongs to the run on screen only while that run still shows its generation.
  const latest = useAppStore((s) => {
    const report = stored && s.run.generations.find((g) => g.generation === stored.after.generation);
    return report && report.perplexity === stored?.after.perplexity ? stored : null;
  });
  const setPredict = useClassroom((s) => s.setPredict);
  const line = stateLine(round);
  return (
    <section className="panel predict-panel" aria-labelledby="predict-heading" data-testid="prediction-panel">
      <div className="predict-head">
        <h2 id="predict-heading">Predict, then reveal</h2>
        <button type="button" className="link-button" onClick={() => setPredict(false)}>
          Stop asking
        </button>
      </div>
      <p className="predict-state">{line}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {latest === null ? line : `${latest.perplexityWords} ${latest.shareWords ?? ''} ${line}`}
      </p>
      <div className="predict-body">
        {latest !== null && <PredictionReveal result={latest} />}
        {round.turn !== null && (
          <PredictionForm key={round.turn.target} turn={round.turn} onAnswer={round.answerTurn} />
        )}
      </div>
      <PredictionHistory />
    </section>
  );
}

/** The panel while the classroom link asks for predictions; nothing otherwise. */
export function PredictionLesson() {
  const on = useClassroom((s) => s.predict);
  return on ? <PredictionPanel /> : null;
}
