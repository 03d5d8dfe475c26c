/** Chart (a): the corpus' share of real text, simulated against its closed form. */
import { memo } from 'react';
import { Area, Line, YAxis } from 'recharts';
import type { TheoryRecord } from '../../engine/record';
import { shareAxisProps } from './shared/chart-parts';
import { realWeightRows } from './shared/chart-rows';
import { useTheoryPalette } from './shared/colors';
import { TheoryFigure } from './TheoryFigure';

/** Memoised: it redraws only when its record, metric or axis changes, never on a slider step. */
export const RealWeightChart = memo(function RealWeightChart({
  record,
  logX,
}: {
  record: TheoryRecord;
  logX: boolean;
}) {
  const palette = useTheoryPalette();
  const rows = realWeightRows(record, logX);
  const formula = record.formulas.realWeight.formula;
  return (
    <TheoryFigure
      id="theory-real-weight-title"
      title="(a) Share of real text in the corpus"
      caption={
        <>
          The share of human-written text in the corpus each model learns from: the mean over runs (solid,
          with the middle 80% of runs shaded) lies on the formula (dashed), and it falls to zero for any
          contribution unless fresh real text keeps coming in.
        </>
      }
      record={record}
      logX={logX}
      rows={rows}
      yAxis={<YAxis {...shareAxisProps('real share (%)')} />}
    >
      <Area
        name="10-90% of runs"
        dataKey="band"
        stroke="none"
        fill={palette.band}
        fillOpacity={0.3}
        isAnimationActive={false}
      />
      <Line
        name="mean of runs"
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
    </TheoryFigure>
  );
});
