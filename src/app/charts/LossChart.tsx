/** Chart 1: training loss within the generation under way, or, for a run shown from its run.json, where each generation's ended. */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis } from 'recharts';
import { useChartData } from './data/use-chart-data';
import { linearAxis, lossRows } from './data/chart-data';
import { formatNumber, lossSummary } from './data/chart-summaries';
import { CHART_MARGIN, TICK, X_AXIS_HEIGHT, xAxisLabel } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { topLegend, untrainedModelLine, valueTooltip, valueYAxis } from './chart-elements';
import { overlaySummary } from './data/overlay-series';
import { seriesStyle } from '../ui/palette';
import { useOverlays } from './data/use-overlays';
import { lineStyleProps } from './line-style';
import { shownRunLabel } from '../export/live-run-from-record';
import { EndLossChart } from './EndLossChart';

/** This chart's turn when several redraw at once (see data/use-chart-data.ts). */
const CHART_SLOT = 1;
/** The curve grows with every training step (about 12 a second on wasm): redrawn twice a second. */
const CURVE_REFRESH_MS = 500;

const LOSS_STYLE = { ...seriesStyle(1), dash: '', marker: 'circle' as const };

export function LossChart() {
  const fromRecord = useChartData((s) => shownRunLabel(s.run) !== null, CHART_SLOT);
  return fromRecord ? <EndLossChart /> : <LiveLossChart />;
}

function LiveLossChart() {
  const curve = useChartData((s) => s.run.lossCurve, CHART_SLOT, CURVE_REFRESH_MS);
  const generation = useChartData((s) => s.run.current.generation, CHART_SLOT);
  const totalSteps = useChartData((s) => s.run.current.totalSteps, CHART_SLOT);
  const untrained = useChartData((s) => s.run.baseline?.nllPerChar ?? null, CHART_SLOT);
  const family = useChartData((s) => s.run.config?.model.family ?? s.config.model.family, CHART_SLOT);
  const rows = useMemo(() => lossRows(curve), [curve]);
  // Other runs keep no per-step losses: each overlaid run is drawn where its training of this
  // same generation ended, a dashed level in its own colour.
  const overlays = useOverlays('trainLoss');
  const levels = useMemo(
    () =>
      overlays.series.flatMap((s) => {
        const point = s.points.find((p) => p.generation === generation);
        return point ? [{ ...s, points: [point], value: point.value }] : [];
      }),
    [overlays, generation],
  );
  const yAxis = useMemo(
    () => linearAxis([...rows.map((r) => r.loss), ...levels.map((l) => l.value), untrained ?? 0]),
    [rows, levels, untrained],
  );

  const empty =
    family === 'ngram'
      ? 'The count model is fitted by counting: it has no training loss.'
      : rows.length === 0
        ? `Appears when generation ${generation} starts training`
        : null;
  // The x axis spans the whole generation, so the curve also shows how far training has got.
  const lastStep = rows.at(-1)?.step ?? 0;
  const xMax = Math.max(totalSteps, lastStep, 1);

  return (
    <ChartFrame
      title={`Training loss, generation ${generation}`}
      caption="Loss on the generation's own training text as it learns: a low loss on a corpus of model-written text does not mean the model knows real language."
      summary={lossSummary(generation, rows, totalSteps) + overlaySummary(levels, formatNumber)}
      empty={empty}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="step"
            type="number"
            domain={[0, xMax]}
            allowDecimals={false}
            tick={TICK}
            height={X_AXIS_HEIGHT}
            label={xAxisLabel('training step')}
          />
          {valueYAxis(yAxis, formatNumber, 'loss (nats/char)')}
          {valueTooltip(formatNumber, (step) => `step ${String(step)}`)}
          {topLegend()}
          {untrained !== null && untrainedModelLine(untrained, 'insideTopRight')}
          {levels.map((level) => (
            <ReferenceLine
              key={level.id}
              y={level.value}
              stroke={level.style.colour}
              strokeDasharray={level.style.dash || '4 4'}
              strokeWidth={2}
              label={{ value: level.name, position: 'insideBottomRight', className: 'chart-reference-label' }}
            />
          ))}
          <Line dataKey="loss" name="training loss" {...lineStyleProps(LOSS_STYLE, rows.length)} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
