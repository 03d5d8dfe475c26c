/** Chart 5: the share of real characters, bigrams and words no longer seen in generated text. */
import { useMemo } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer } from 'recharts';
import { useChartData } from './data/use-chart-data';
import { linearAxis, lostSupportRows } from './data/chart-data';
import { formatPercent, lostSupportSummary } from './data/chart-summaries';
import { CHART_MARGIN } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { generationXAxis, seriesLines, topLegend, valueTooltip, valueYAxis } from './chart-elements';
import { generationRange, overlayLines } from './overlay-lines';
import { overlaySummary } from './data/overlay-series';
import { useOverlays } from './data/use-overlays';

/** This chart's turn when several redraw at once (see data/use-chart-data.ts). */
const CHART_SLOT = 3;

const SERIES = [
  { key: 'chars', name: 'characters' },
  { key: 'bigrams', name: 'bigrams' },
  { key: 'words', name: 'words' },
] as const;

export function LostSupportChart() {
  const reports = useChartData((s) => s.run.generations, CHART_SLOT);
  const rows = useMemo(() => lostSupportRows(reports), [reports]);
  const overlays = useOverlays('lostWords');
  const yAxis = useMemo(
    () => linearAxis([...rows.flatMap((r) => [r.chars, r.bigrams, r.words]), ...overlays.extent.values], 100),
    [rows, overlays],
  );
  const [first, last] = generationRange(rows, overlays.extent);
  return (
    <ChartFrame
      title="Lost support: real symbols missing from generated text"
      caption="Rare words and letter pairs vanish first: a rising line is the tail of real language going extinct."
      summary={lostSupportSummary(rows) + overlaySummary(overlays.series, formatPercent)}
      empty={rows.length === 0 && overlays.series.length === 0 ? 'Appears after generation 0 finishes' : null}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          {generationXAxis(first, last)}
          {valueYAxis(yAxis, formatPercent, 'lost (% of real)')}
          {valueTooltip(formatPercent)}
          {topLegend()}
          {seriesLines(SERIES, rows.length)}
          {overlayLines(overlays.series)}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
