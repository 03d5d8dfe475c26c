/**
 * Pieces every chart shares, as functions returning recharts elements rather than components:
 * recharts reads its axes, tooltips, legends and lines as direct children of the chart, and a
 * wrapper component would hide them from it.
 */
import { Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { LinearAxis } from './data/chart-data';
import {
  generationLabel,
  generationTicks,
  LEGEND_STYLE,
  TICK,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_LABEL_STYLE,
  X_AXIS_HEIGHT,
  X_PADDING,
  xAxisLabel,
  Y_AXIS_WIDTH,
  yAxisLabel,
} from './chart-theme';
import { seriesStyle } from '../ui/palette';
import { lineStyleProps } from './line-style';

/** Whole generations from first to last. */
export function generationXAxis(first: number, last: number, maxTicks?: number) {
  return (
    <XAxis
      dataKey="generation"
      type="number"
      domain={[first, last]}
      ticks={
        maxTicks === undefined ? generationTicks([first, last]) : generationTicks([first, last], maxTicks)
      }
      allowDecimals={false}
      padding={X_PADDING}
      tick={TICK}
      height={X_AXIS_HEIGHT}
      label={xAxisLabel('generation')}
    />
  );
}

/** A linear value axis with the given ticks, number format and title. */
export function valueYAxis(axis: LinearAxis, format: (value: number) => string, title: string) {
  return (
    <YAxis
      type="number"
      domain={axis.domain}
      ticks={axis.ticks}
      tick={TICK}
      width={Y_AXIS_WIDTH}
      tickFormatter={format}
      label={yAxisLabel(title)}
    />
  );
}

/** The tooltip: a heading per x value (a generation unless told otherwise), values formatted. */
export function valueTooltip(
  format: (value: number) => string,
  label: (x: unknown) => string = generationLabel,
) {
  return (
    <Tooltip
      contentStyle={TOOLTIP_CONTENT_STYLE}
      labelStyle={TOOLTIP_LABEL_STYLE}
      labelFormatter={label}
      formatter={(v) => format(Number(v))}
      isAnimationActive={false}
    />
  );
}

/** A dashed reference level across the plot, labelled where it leaves the data clear. */
export function referenceLevel(y: number, label: string, position: 'insideBottomLeft' | 'insideTopRight') {
  return (
    <ReferenceLine
      y={y}
      className="chart-reference"
      strokeDasharray="8 6"
      strokeWidth={2}
      label={{ value: label, position, className: 'chart-reference-label' }}
    />
  );
}

/** The dashed level of an untrained model (perplexity or loss). */
export function untrainedModelLine(y: number, position: 'insideBottomLeft' | 'insideTopRight') {
  return referenceLevel(y, 'untrained model', position);
}

/** The legend, above the plot, in series order. */
export function topLegend() {
  return <Legend verticalAlign="top" wrapperStyle={LEGEND_STYLE} itemSorter={null} />;
}

/** One styled line per series; styles continue from styleOffset so side-by-side plots differ. */
export function seriesLines(
  series: readonly { key: string; name: string }[],
  pointCount: number,
  styleOffset = 0,
) {
  return series.map((s, i) => (
    <Line
      key={s.key}
      dataKey={s.key}
      name={s.name}
      {...lineStyleProps(seriesStyle(styleOffset + i), pointCount)}
    />
  ));
}
