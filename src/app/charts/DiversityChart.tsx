/**
 * Chart 4: entropy (nats), distinct-n (%) and real words (%) of the generated text, as small
 * charts side by side rather than one chart with several y axes, which a class misreads.
 */
import { useMemo } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer } from 'recharts';
import { useChartData } from './data/use-chart-data';
import {
  diversityRows,
  linearAxis,
  realWordRows,
  type DiversityRow,
  type RealWordRow,
} from './data/chart-data';
import { diversitySummary, formatNumber, formatPercent, realWordsSummary } from './data/chart-summaries';
import { CHART_MARGIN } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import {
  generationXAxis,
  referenceLevel,
  seriesLines,
  topLegend,
  valueTooltip,
  valueYAxis,
} from './chart-elements';
import { generationRange, overlayLines } from './overlay-lines';
import { overlaySummary } from './data/overlay-series';
import { useOverlays, type ChartOverlays } from './data/use-overlays';

/** This chart's turn when several redraw at once (see data/use-chart-data.ts). */
const CHART_SLOT = 4;

type SeriesKey = Exclude<keyof DiversityRow | keyof RealWordRow, 'generation'>;

const ENTROPY_SERIES: { key: SeriesKey; name: string }[] = [
  { key: 'entropy', name: 'characters' },
  { key: 'conditionalEntropy', name: 'next char. given previous' },
];

const DISTINCT_SERIES: { key: SeriesKey; name: string }[] = [
  { key: 'distinct2', name: 'distinct-2' },
  { key: 'distinct3', name: 'distinct-3' },
  { key: 'distinct4', name: 'distinct-4' },
];

const REAL_WORD_SERIES: { key: SeriesKey; name: string }[] = [{ key: 'realWords', name: 'real words' }];

interface SmallChartProps {
  rows: (Partial<Record<SeriesKey, number>> & { generation: number })[];
  series: { key: SeriesKey; name: string }[];
  /** Index of the first series in the shared style order, so no two lines in the figure match. */
  styleOffset: number;
  yTitle: string;
  percent: boolean;
  /** Other runs from the runs list, one line each. */
  overlays: ChartOverlays;
  /** A dashed level across the plot (real text's own value), with its label. */
  reference?: { y: number; label: string };
}

function SmallChart({ rows, series, styleOffset, yTitle, percent, overlays, reference }: SmallChartProps) {
  const [first, last] = generationRange(rows, overlays.extent);
  const format = percent ? formatPercent : formatNumber;
  const yAxis = useMemo(
    () =>
      linearAxis(
        [
          ...rows.flatMap((r) => series.map((s) => r[s.key] ?? NaN)),
          ...overlays.extent.values,
          reference?.y ?? NaN,
        ],
        percent ? 100 : Infinity,
      ),
    [rows, series, percent, overlays, reference],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        {generationXAxis(first, last, 6)}
        {valueYAxis(yAxis, format, yTitle)}
        {valueTooltip(format)}
        {topLegend()}
        {reference && referenceLevel(reference.y, reference.label, 'insideTopRight')}
        {seriesLines(series, rows.length, styleOffset)}
        {overlayLines(overlays.series)}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function DiversityChart() {
  const reports = useChartData((s) => s.run.generations, CHART_SLOT);
  const rows = useMemo(() => diversityRows(reports), [reports]);
  const wordRows = useMemo(() => realWordRows(reports), [reports]);
  const entropyOverlays = useOverlays('entropy');
  const distinctOverlays = useOverlays('distinct2');
  const wordOverlays = useOverlays('realWords');
  return (
    <ChartFrame
      title="Entropy, distinct-n and real words of generated text"
      caption="How varied the generated text is, and how real: falling entropy and distinct-n mean the models repeat themselves more and more; falling real words mean they write words no real text holds (real held-out text scores 100%, since the real words are those of the real text)."
      summary={
        diversitySummary(rows) +
        overlaySummary(entropyOverlays.series, formatNumber) +
        overlaySummary(distinctOverlays.series, formatPercent) +
        ` ${realWordsSummary(wordRows)}` +
        overlaySummary(wordOverlays.series, formatPercent)
      }
      empty={
        rows.length === 0 && entropyOverlays.series.length === 0
          ? 'Appears after generation 0 finishes'
          : null
      }
      wide
    >
      <div className="chart-pair chart-trio">
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
        <div>
          <SmallChart
            rows={wordRows}
            series={REAL_WORD_SERIES}
            // The sixth style is the overlays' sky blue: this plot, with its own legend and axis,
            // starts the order again instead.
            styleOffset={0}
            yTitle="real words (% of words)"
            percent
            overlays={wordOverlays}
            reference={{ y: 100, label: 'real text: 100%' }}
          />
        </div>
      </div>
    </ChartFrame>
  );
}
