import type { RunState } from '../run-state';
import { LossSparkline } from './LossSparkline';

/** Step counter, live loss and speed. Not aria-live: it changes every few steps. */
export function TrainingProgress({ state }: { state: RunState }) {
  const { latest, losses } = state;
  if (!latest) return null;
  return (
    <section aria-labelledby="training-heading">
      <h2 id="training-heading">Training</h2>
      <label className="progress-label">
        Step <span data-testid="step">{latest.step}</span> of <span data-testid="total-steps">{latest.totalSteps}</span>
        <progress max={latest.totalSteps} value={latest.step} />
      </label>
      <p className="readout">
        Loss <strong data-testid="loss">{latest.loss.toFixed(3)}</strong> nats per character
        <span className="muted">
          {' '}
          · {Math.round(latest.tokensPerSec).toLocaleString('en')} characters/s ·{' '}
          <span data-testid="ms-per-step">{latest.msPerStep.toFixed(0)}</span> ms per step
        </span>
      </p>
      <LossSparkline losses={losses} totalSteps={latest.totalSteps} />
    </section>
  );
}
