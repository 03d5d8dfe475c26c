/** Chart (a): the corpus' share of real text, simulated against its closed form. */
import { memo } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { TheoryRecord } from '../../engine/theory/record';
import {
  CHART_HEIGHT,
  CHART_MARGIN,
  formatValue,
  generationAxisProps,
  shareAxisProps,
  tooltipLabel,
} from './chart-parts';
import { realWeightRows } from './chart-rows';
import { useTheoryPalette } from './colors';
import { useChartWidth } from './use-chart-width';

/** Memoised: it redraws only when its record, metric or axis changes, never on a slider step. */
export const RealWeightChart = memo(function RealWeightChart({
  record,
  logX,
}: {
  record: TheoryRecord;
  logX: boolean;
}) {
  const palette = useTheoryPalette();
  const [boxRef, width] = useChartWidth();
  const rows = realWeightRows(record, logX);
  const formula = record.formulas.realWeight.formula;
  return (
    <figure className="theory-chart" aria-labelledby="theory-real-weight-title">
      <h3 id="theory-real-weight-title">(a) Share of real text in the corpus</h3>
      <div ref={boxRef} className="theory-chart-box" style={{ height: CHART_HEIGHT }}>
        {width > 0 && (
          <ComposedChart width={width} height={CHART_HEIGHT} data={rows} margin={CHART_MARGIN}>
            <CartesianGrid strokeOpacity={0.25} />
            <XAxis {...generationAxisProps(record, logX)} />
            <YAxis {...shareAxisProps('real share (%)')} />
            <Tooltip formatter={formatValue} labelFormatter={tooltipLabel} />
            <Legend verticalAlign="top" />
            <Line
              name="simulated"
              dataKey="simulated"
              stroke={palette.simulated}
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
            />
            {formula && (
              <Line
                name={`formula ${formula.split(' (')[0]}`}
                dataKey="formula"
                stroke={palette.formula}
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={false}
                isAnimationActive={false}
              />
            )}
          </ComposedChart>
        )}
      </div>
      <figcaption>
        The share of human-written text in the corpus each model learns from: the simulation (solid) lies on
        the formula (dashed), and it falls to zero for any contribution unless fresh real text keeps coming
        in.
      </figcaption>
    </figure>
  );
});
