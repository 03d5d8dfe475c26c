import type { LossPoint } from '../run-state';

const WIDTH = 320;
const HEIGHT = 64;
const PAD = 4;

/**
 * The training loss so far as a small line. Scaled to the run's own range, so its shape (the
 * fall) is what reads; the numbers are in the text next to it and in the label.
 */
export function LossSparkline({ losses, totalSteps }: { losses: LossPoint[]; totalSteps: number }) {
  if (losses.length < 2) return null;
  const values = losses.map((p) => p.loss);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || 1;
  const x = (step: number) => PAD + ((WIDTH - 2 * PAD) * step) / Math.max(totalSteps, 1);
  const y = (loss: number) => PAD + ((HEIGHT - 2 * PAD) * (hi - loss)) / span;
  const points = losses.map((p) => `${x(p.step).toFixed(1)},${y(p.loss).toFixed(1)}`).join(' ');
  const label = `Training loss, from ${values[0].toFixed(2)} at step ${losses[0].step} to ${values[values.length - 1].toFixed(2)} at step ${losses[losses.length - 1].step}`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}
