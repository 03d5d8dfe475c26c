/**
 * Chart 4: entropy (nats) and distinct-n (%) of the generated text, as two small charts side by
 * side rather than one chart with two y axes, which a class misreads.
 */
import { useMemo } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer } from 'recharts';
import { useChartData } from './use-chart-data';
import { diversityRows, linearAxis, type DiversityRow } from './chart-data';
import { diversitySummary, formatNumber, formatPercent } from './chart-summaries';
import { CHART_MARGIN } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { generationXAxis, seriesLines, topLegend, valueTooltip, valueYAxis } from './chart-elements';
import { generationRange, overlayLines } from './overlay-lines';
import { overlaySummary } from './overlay-series';
import { useOverlays, type ChartOverlays } from './use-overlays';

/** This chart's turn when several redraw at once (see use-chart-data.ts). */
const CHART_SLOT = 4;

type SeriesKey = Exclude<keyof DiversityRow, 'generation'>;

const ENTROPY_SERIES: { key: SeriesKey; name: string }[] = [
  { key: 'entropy', name: 'characters' },
  { key: 'conditionalEntropy', name: 'next char. given previous' },
];

const DISTINCT_SERIES: { key: SeriesKey; name: string }[] = [
  { key: 'distinct2', name: 'distinct-2' },
  { key: 'distinct3', name: 'distinct-3' },
  { key: 'distinct4', name: 'distinct-4' },
];

interface SmallChartProps {
  rows: DiversityRow[];
  series: { key: SeriesKey; name: string }[];
  /** Index of the first series in the shared style order, so no two lines in the figure match. */
  styleOffset: number;
  yTitle: string;
  percent: boolean;
  /** Other runs from the runs list, one line each. */
  overlays: ChartOverlays;
}

function SmallChart({ rows, series, styleOffset, yTitle, percent, overlays }: SmallChartProps) {
  const [first, last] = generationRange(rows, overlays.extent);
  const format = percent ? formatPercent : formatNumber;
  const yAxis = useMemo(
    () =>
      linearAxis(
        [...rows.flatMap((r) => series.map((s) => r[s.key])), ...overlays.extent.values],
        percent ? 100 : Infinity,
      ),
    [rows, series, percent, overlays],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        {generationXAxis(first, last, 6)}
        {valueYAxis(yAxis, format, yTitle)}
        {valueTooltip(format)}
        {topLegend()}
        {seriesLines(series, rows.length, styleOffset)}
        {overlayLines(overlays.series)}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function DiversityChart() {
  const reports = useChartData((s) => s.run.generations, CHART_SLOT);
  const rows = useMemo(() => diversityRows(reports), [reports]);
  const entropyOverlays = useOverlays('entropy');
  const distinctOverlays = useOverlays('distinct2');
  return (
    <ChartFrame
      title="Entropy and distinct-n of generated text"
      caption="How varied the generated text is: falling entropy and distinct-n mean the models repeat themselves more and more."
      summary={diversitySummary(rows) + overlaySummary(entropyOverlays.series, formatNumber) + overlaySummary(distinctOverlays.series, formatPercent)}
      empty={rows.length === 0 && entropyOverlays.series.length === 0 ? 'Appears after generation 0 finishes' : null}
      wide
    >
      <div className="chart-pair">
        <div>
          <SmallChart
            rows={rows}
            series={ENTROPY_SERIES}
            styleOffset={0}
            yTitle="entropy (nats)"
            percent={false}
            overlays={entropyOverlays}
          />
        </div>
        <div>
          <SmallChart
            rows={rows}
            series={DISTINCT_SERIES}
            styleOffset={2}
            yTitle="distinct n-grams (%)"
            percent
            overlays={distinctOverlays}
          />
        </div>
      </div>
    </ChartFrame>
  );
}
