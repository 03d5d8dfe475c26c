import { XAxis } from 'recharts';
import { generationTicks, TICK, X_AXIS_HEIGHT, X_PADDING, xAxisLabel } from './chart-theme';

/**
 * The x axis every per-generation chart shares: whole generations from first to last. A
 * function returning the element, not a component: recharts wants its axes as direct children.
 */
export function generationXAxis(first: number, last: number, maxTicks?: number) {
  return (
    <XAxis
      dataKey="generation"
      type="number"
      domain={[first, last]}
      ticks={
        maxTicks === undefined ? generationTicks([first, last]) : generationTicks([first, last], maxTicks)
      }
      allowDecimals={false}
      padding={X_PADDING}
      tick={TICK}
      height={X_AXIS_HEIGHT}
      label={xAxisLabel('generation')}
    />
  );
}
