/** Chart (b): how far the models drift from the real law, as a median with the 10-90% band over runs, the formula and pinned runs beside it. */
import { memo } from 'react';
import { Area, Line, YAxis } from 'recharts';
import type { TheoryRecord } from '../../engine/record';
import { yAxisLabel } from './shared/chart-parts';
import { CHART_METRICS, metricFormula, type ChartMetric } from './shared/chart-metrics';
import { bandRows, medianCurve, mergePinned } from './shared/chart-rows';
import { useTheoryPalette } from './shared/colors';
import { TheoryFigure } from './TheoryFigure';
import type { PinnedRun } from './shared/theory-store';

interface Props {
  record: TheoryRecord;
  metric: ChartMetric;
  logX: boolean;
  pins: readonly PinnedRun[];
}

/** Memoised: it redraws only when its record, metric or axis changes, never on a slider step. */
export const DriftChart = memo(function DriftChart({ record, metric, logX, pins }: Props) {
  const palette = useTheoryPalette();
  const info = CHART_METRICS[metric];
  const formula = metricFormula(record, metric);
  const pinned = pins.map((p) => ({
    key: `pin${p.id}` as const,
    label: p.label,
    points: medianCurve(p.record, metric, logX),
  }));
  const rows = mergePinned(bandRows(record, metric, logX), pinned);
  return (
    <TheoryFigure
      id="theory-divergence-title"
      title={<>(b) {info.label}</>}
      caption={
        <>
          The median over runs (solid line) with the range of the middle 80% of runs (shaded) of{' '}
          {info.meaning}
          {formula.label !== null ? `; dashed: ${formula.formula}` : ''}.
        </>
      }
      record={record}
      logX={logX}
      rows={rows}
      yAxis={
        <YAxis
          domain={info.domain ?? [0, 'auto']}
          allowDataOverflow={info.domain !== null}
          tick={{ fill: 'currentColor' }}
          stroke="currentColor"
          label={yAxisLabel(info.axis)}
          width={72}
        />
      }
    >
      <Area
        name="10-90% of runs"
        dataKey="band"
        stroke="none"
        fill={palette.band}
        fillOpacity={0.3}
        connectNulls
        isAnimationActive={false}
      />
      <Line
        name="median"
        dataKey="median"
        stroke={palette.simulated}
        strokeWidth={3}
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
      {formula.label !== null && (
        <Line
          name={formula.label}
          dataKey="formula"
          stroke={palette.formula}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      )}
      {pinned.map((p, i) => (
        <Line
          key={p.key}
          name={`kept: ${p.label}`}
          dataKey={p.key}
          stroke={palette.pins[i % palette.pins.length]}
          strokeWidth={2}
          strokeDasharray="2 3"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </TheoryFigure>
  );
});
