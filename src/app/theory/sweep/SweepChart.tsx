/**
 * The sweep's chart: generations until the threshold (log scale) against the share lambda
 * written back per generation (log scale), the median over runs with its 10-90% band for each
 * way of writing back, and the law predicting it dashed beside it.
 */
import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ContaminationSweep } from '../../../engine/theory/contamination-sweep';
import { CHART_HEIGHT, CHART_MARGIN, formatValue, yAxisLabel } from '../shared/chart-parts';
import { useTheoryPalette } from '../shared/colors';
import { useChartWidth } from '../../ui/use-chart-width';
import { formatShare, powerTicks, sweepRows, timeDomain } from './sweep-rows';
import type { SweepThreshold } from './sweep-store';

interface Props {
  sweep: ContaminationSweep;
  threshold: SweepThreshold;
  titleId: string;
  title: string;
}

/** Memoised: it redraws only when its sweep or threshold changes. */
export const SweepChart = memo(function SweepChart({ sweep, threshold, titleId, title }: Props) {
  const palette = useTheoryPalette();
  const [boxRef, width] = useChartWidth();
  const rows = sweepRows(sweep, threshold);
  const lambdas = rows.map((r) => r.lambda);
  const domain = timeDomain(rows);
  const xDomain: [number, number] = [Math.min(...lambdas) / 1.5, Math.max(...lambdas) * 1.5];
  return (
    <figure className="theory-chart" aria-labelledby={titleId}>
      <h4 id={titleId}>{title}</h4>
      <div ref={boxRef} className="theory-chart-box" style={{ height: CHART_HEIGHT }}>
        {width > 0 && (
          <ComposedChart width={width} height={CHART_HEIGHT} data={rows} margin={CHART_MARGIN}>
            <CartesianGrid strokeOpacity={0.25} />
            <XAxis
              dataKey="lambda"
              type="number"
              scale="log"
              domain={xDomain}
              allowDataOverflow
              ticks={lambdas}
              tickFormatter={formatShare}
              tick={{ fill: 'currentColor' }}
              stroke="currentColor"
              label={{
                value: 'generated text written back per generation, λ (log scale)',
                position: 'insideBottom',
                offset: -14,
                fill: 'currentColor',
              }}
            />
            <YAxis
              type="number"
              scale="log"
              domain={domain}
              allowDataOverflow
              ticks={powerTicks(domain)}
              tickFormatter={(g: number) => g.toLocaleString('en')}
              tick={{ fill: 'currentColor' }}
              stroke="currentColor"
              label={yAxisLabel('generations (log scale)')}
              width={80}
            />
            <Tooltip
              formatter={formatValue}
              labelFormatter={(l: unknown) => `λ = ${typeof l === 'number' ? formatShare(l) : String(l)}`}
            />
            <Legend verticalAlign="top" itemSorter={null} />
            <Area
              name="replace: 10-90% of runs"
              legendType="none"
              dataKey="replaceBand"
              stroke="none"
              fill={palette.band}
              fillOpacity={0.3}
              isAnimationActive={false}
            />
            <Area
              name="accumulate: 10-90% of runs"
              legendType="none"
              dataKey="accumulateBand"
              stroke="none"
              fill={palette.secondary}
              fillOpacity={0.2}
              isAnimationActive={false}
            />
            <Line
              name="replace: median"
              dataKey="replaceMedian"
              stroke={palette.simulated}
              strokeWidth={3}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
            <Line
              name="replace: law"
              dataKey="replaceLaw"
              stroke={palette.formula}
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              name={`accumulate, biased (b = ${sweep.biased.bias}): median`}
              dataKey="accumulateMedian"
              stroke={palette.secondary}
              strokeWidth={3}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
            <Line
              name="accumulate: law"
              dataKey="accumulateLaw"
              stroke={palette.pins[0]}
              strokeWidth={2}
              strokeDasharray="2 3"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
      </div>
      <figcaption>
        Each point is the median over {sweep.runs} runs (shaded: the middle 80% of runs); dashed, the law that
        predicts it.
        {threshold === 'tv'
          ? ' Replace: random drift, about 1/λ generations. Accumulate with a systematic error: about (1/λ) e^(D/b) generations, exponentially later as the error shrinks.'
          : ' Replace: the real share halves every (ln 2)/λ generations or so. Accumulate: (1/s − 1)/λ generations, the same in every run.'}
      </figcaption>
    </figure>
  );
});
