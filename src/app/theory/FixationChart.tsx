/** Chart (c): the fixation summary, the share of runs absorbed into one symbol by each generation, with the real characters lost. */
import { memo } from 'react';
import { Line, ReferenceLine, YAxis } from 'recharts';
import type { TheoryRecord } from '../../engine/record';
import { shareAxisProps } from './shared/chart-parts';
import { fixationRows } from './shared/chart-rows';
import { useTheoryPalette } from './shared/colors';
import { TheoryFigure } from './TheoryFigure';

/** Memoised: it redraws only when its record, metric or axis changes, never on a slider step. */
export const FixationChart = memo(function FixationChart({
  record,
  logX,
}: {
  record: TheoryRecord;
  logX: boolean;
}) {
  const palette = useTheoryPalette();
  const rows = fixationRows(record, logX);
  const half = record.unigram?.fixation.halfAbsorbedGeneration ?? null;
  const t = record.formulas.fixationTime;
  const expected =
    t.formula !== null && t.expectedGeneration <= record.generations ? t.expectedGeneration : null;
  return (
    <TheoryFigure
      id="theory-fixation-title"
      title="(c) Runs collapsed onto a single character"
      caption={
        <>
          How many runs have ended writing a single character forever (absorbed) by each generation, and the
          median share of real characters the model can no longer write
          {expected !== null
            ? '; the dashed vertical line is the diffusion formula for the mean time to absorption'
            : ''}
          .
        </>
      }
      record={record}
      logX={logX}
      rows={rows}
      yAxis={<YAxis {...shareAxisProps('share (%)')} />}
    >
      <Line
        name="runs absorbed into one character"
        dataKey="absorbed"
        stroke={palette.simulated}
        strokeWidth={3}
        dot={false}
        isAnimationActive={false}
      />
      <Line
        name="real characters extinct (median)"
        dataKey="lostSupport"
        stroke={palette.secondary}
        strokeWidth={2}
        strokeDasharray="8 3 2 3"
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
      {half !== null && (
        <ReferenceLine
          x={half}
          stroke={palette.simulated}
          strokeDasharray="3 3"
          label={{
            value: `half absorbed: ${half.toLocaleString('en')}`,
            fill: 'currentColor',
            position: 'insideTopLeft',
          }}
        />
      )}
      {expected !== null && (
        <ReferenceLine
          x={expected}
          stroke={palette.formula}
          strokeDasharray="6 4"
          label={{
            value: 'formula: mean fixation time',
            fill: 'currentColor',
            position: 'insideBottomRight',
          }}
        />
      )}
    </TheoryFigure>
  );
});
