/**
 * Chart 3: divergence of the samples' character n-grams from real text; JS by default, KL or TV
 * by the toggle. On the markov corpus KL mode adds the exact KL(source || model).
 */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer } from 'recharts';
import type { DivergenceMeasure } from '../store/app-store';
import { useAppStore } from '../store/app-store';
import { useChartData } from './data/use-chart-data';
import { divergenceRows, linearAxis } from './data/chart-data';
import { divergenceSummary, formatNumber } from './data/chart-summaries';
import { CHART_MARGIN } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { generationXAxis, seriesLines, topLegend, valueTooltip, valueYAxis } from './chart-elements';
import { DivergenceToggle } from './DivergenceToggle';
import { seriesStyle } from '../ui/palette';
import { lineStyleProps } from './line-style';
import { generationRange, overlayLines } from './overlay-lines';
import { overlaySummary } from './data/overlay-series';
import { useOverlays } from './data/use-overlays';

/** This chart's turn when several redraw at once (see data/use-chart-data.ts). */
const CHART_SLOT = 2;

const AXIS_TITLES: Record<DivergenceMeasure, string> = {
  js: 'JS divergence (bits)',
  kl: 'KL, real ‖ generated (nats)',
  tv: 'total variation (0–1)',
};

const SERIES = [
  { key: 'n1', name: '1-grams (characters)' },
  { key: 'n2', name: '2-grams' },
  { key: 'n3', name: '3-grams' },
] as const;

export function DivergenceChart() {
  const reports = useChartData((s) => s.run.generations, CHART_SLOT);
  const measure = useAppStore((s) => s.ui.divergence);
  const rows = useMemo(() => divergenceRows(reports, measure), [reports, measure]);
  const withExact = rows.some((r) => r.exact !== undefined);
  const overlays = useOverlays(measure);
  // JS in bits and TV are at most 1; KL has no upper bound.
  const yAxis = useMemo(
    () =>
      linearAxis(
        [...rows.flatMap((r) => [r.n1, r.n2, r.n3, r.exact ?? 0]), ...overlays.extent.values],
        measure === 'kl' ? Infinity : 1,
      ),
    [rows, measure, overlays],
  );
  const [first, last] = generationRange(rows, overlays.extent);

  return (
    <ChartFrame
      title="Divergence from real text"
      caption="How far the generated text's letters, letter pairs and triples are from real text: lines climbing away from zero mean each generation drifts further from real language."
      summary={divergenceSummary(rows, measure) + overlaySummary(overlays.series, formatNumber)}
      empty={rows.length === 0 && overlays.series.length === 0 ? 'Appears after generation 0 finishes' : null}
      controls={<DivergenceToggle />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          {generationXAxis(first, last)}
          {valueYAxis(yAxis, formatNumber, AXIS_TITLES[measure])}
          {valueTooltip(formatNumber)}
          {topLegend()}
          {seriesLines(SERIES, rows.length)}
          {withExact && (
            <Line
              dataKey="exact"
              name="exact KL (source ‖ model, nats/char)"
              {...lineStyleProps(seriesStyle(3), rows.length)}
            />
          )}
          {overlayLines(overlays.series)}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
