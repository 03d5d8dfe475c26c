/** Chart 2: held-out perplexity per generation against the untrained model, with n* marked. */
import { useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  YAxis,
} from 'recharts';
import { useChartData } from './data/use-chart-data';
import { logDomain, logTicks, nStarPoint, perplexityRows } from './data/chart-data';
import { formatNumber, perplexitySummary } from './data/chart-summaries';
import { CHART_MARGIN, TICK, Y_AXIS_WIDTH, yAxisLabel } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { generationXAxis, topLegend, untrainedModelLine, valueTooltip } from './chart-elements';
import { OKABE_ITO, seriesStyle } from '../ui/palette';
import { lineStyleProps } from './line-style';
import { generationRange, overlayLines } from './overlay-lines';
import { overlaySummary } from './data/overlay-series';
import { useOverlays } from './data/use-overlays';

/** This chart's turn when several redraw at once (see data/use-chart-data.ts). */
const CHART_SLOT = 0;

// One series: solid blue with round markers (vermillion is n*'s colour on this chart).
const PERPLEXITY_STYLE = { ...seriesStyle(1), dash: '', marker: 'circle' as const };

export function PerplexityChart() {
  const reports = useChartData((s) => s.run.generations, CHART_SLOT);
  const nStar = useChartData((s) => s.run.nStar, CHART_SLOT);
  const baseline = useChartData((s) => s.run.baseline?.perplexity ?? null, CHART_SLOT);

  const rows = useMemo(() => perplexityRows(reports), [reports]);
  const star = useMemo(() => nStarPoint(reports, nStar), [reports, nStar]);
  const overlays = useOverlays('perplexity');
  // Log scale: early generations (perplexity ~3-6) and the untrained level (~|V|) both readable.
  // Headroom above the baseline keeps its label (drawn above the line) clear of the curve.
  const domain = useMemo(
    () =>
      logDomain([
        ...rows.map((r) => r.perplexity),
        ...overlays.extent.values,
        ...(baseline !== null ? [baseline * 1.3] : []),
      ]),
    [rows, baseline, overlays],
  );
  const yTicks = useMemo(() => (domain ? logTicks(domain) : []), [domain]);
  const [first, last] = generationRange(rows, overlays.extent);
  // n*'s label goes on the side of its line that has room.
  const starOnRight = star !== null && star.generation - first > (last - first) / 2;

  return (
    <ChartFrame
      title="Held-out perplexity per generation"
      caption="Perplexity on real text the models never saw: rising toward the dashed line means the models are forgetting real language."
      summary={perplexitySummary(rows, baseline, star) + overlaySummary(overlays.series, formatNumber)}
      empty={
        (rows.length === 0 && overlays.series.length === 0) || domain === null
          ? 'Appears after generation 0 finishes'
          : null
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          {generationXAxis(first, last)}
          <YAxis
            type="number"
            scale="log"
            domain={domain ?? [1, 10]}
            ticks={yTicks}
            allowDataOverflow
            tick={TICK}
            width={Y_AXIS_WIDTH}
            tickFormatter={formatNumber}
            label={yAxisLabel('perplexity (log scale)')}
          />
          {valueTooltip(formatNumber)}
          {topLegend()}
          {baseline !== null && untrainedModelLine(baseline, 'insideBottomLeft')}
          {star !== null && (
            <ReferenceLine
              x={star.generation}
              stroke={OKABE_ITO.vermillion}
              strokeWidth={2}
              strokeDasharray="2 4"
              label={{
                value: `n* = ${star.generation}: no better than untrained`,
                position: starOnRight ? 'insideBottomRight' : 'insideBottomLeft',
                className: 'chart-nstar-label',
              }}
            />
          )}
          {star !== null && (
            <ReferenceDot
              x={star.generation}
              y={star.perplexity}
              r={9}
              fill="none"
              stroke={OKABE_ITO.vermillion}
              strokeWidth={3}
            />
          )}
          <Line
            dataKey="perplexity"
            name="held-out perplexity"
            {...lineStyleProps(PERPLEXITY_STYLE, rows.length)}
          />
          {overlayLines(overlays.series)}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
