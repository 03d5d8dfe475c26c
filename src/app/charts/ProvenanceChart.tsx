/**
 * Chart 6: who wrote the corpus each generation trained from: human text at the bottom of the
 * stack (fixed orange), then text by generation 0, 1, 2, ... (blues, light = oldest).
 */
import { useMemo } from 'react';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useChartData } from './data/use-chart-data';
import { provenanceTable, type ProvenanceColumn } from './data/chart-data';
import { formatPercent, provenanceSummary } from './data/chart-summaries';
import {
  CHART_MARGIN,
  generationLabel,
  generationTicks,
  TICK,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_LABEL_STYLE,
  X_AXIS_HEIGHT,
  X_PADDING,
  xAxisLabel,
  Y_AXIS_WIDTH,
  yAxisLabel,
} from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { generationColourAt, HUMAN_COLOUR } from '../ui/palette';
import { generationRange, overlayLines } from './overlay-lines';
import { overlaySummary, type OverlaySeries } from './data/overlay-series';
import { NO_OVERLAYS, useOverlays } from './data/use-overlays';

/** This chart's turn when several redraw at once (see data/use-chart-data.ts). */
const CHART_SLOT = 5;

interface ColouredColumn extends ProvenanceColumn {
  colour: string;
}

function colourColumns(columns: readonly ProvenanceColumn[]): ColouredColumn[] {
  const generated = columns.filter((c) => c.kind === 'generated').length;
  let g = 0;
  return columns.map((c) => ({
    ...c,
    colour: c.kind === 'human' ? HUMAN_COLOUR : generationColourAt(g++, generated),
  }));
}

/**
 * A compact legend: the human swatch, then the generation ramp as one gradient bar (a swatch per
 * generation would fill the chart after a dozen generations).
 */
function ProvenanceLegend({
  columns,
  overlays,
}: {
  columns: readonly ColouredColumn[];
  overlays: readonly OverlaySeries[];
}) {
  const human = columns.find((c) => c.kind === 'human');
  const generated = columns.filter((c) => c.kind === 'generated');
  const firstGen = generated[0];
  const lastGen = generated.at(-1);
  const gradient =
    generated.length > 1
      ? `linear-gradient(to right, ${generated.map((c) => c.colour).join(', ')})`
      : firstGen?.colour;
  return (
    <ul className="chart-legend">
      {human && (
        <li>
          <span className="chart-swatch" style={{ background: human.colour }} aria-hidden="true" />
          human-written
        </li>
      )}
      {firstGen && lastGen && (
        <li>
          <span
            className={generated.length > 1 ? 'chart-swatch chart-swatch-ramp' : 'chart-swatch'}
            style={{ background: gradient }}
            aria-hidden="true"
          />
          {firstGen === lastGen
            ? `written by ${firstGen.label}`
            : `written by generation ${firstGen.from} (light) … ${lastGen.to} (dark)`}
        </li>
      )}
      {overlays.map((o) => (
        <li key={o.id}>
          <svg className="chart-swatch" width="28" height="12" aria-hidden="true">
            <line
              x1="0"
              y1="6"
              x2="28"
              y2="6"
              stroke={o.style.colour}
              strokeWidth="3"
              strokeDasharray={o.style.dash || undefined}
            />
          </svg>
          {o.name}
        </li>
      ))}
    </ul>
  );
}

export function ProvenanceChart() {
  const reports = useChartData((s) => s.run.generations, CHART_SLOT);
  const table = useMemo(() => provenanceTable(reports), [reports]);
  const columns = useMemo(() => colourColumns(table.columns), [table]);
  const rows = table.rows;
  // A single generation is one x position, where an area draws nothing: show it as a stacked bar.
  const single = rows.length === 1;
  // Other runs' human share, as lines (a category axis, for a single bar, cannot place them).
  const allOverlays = useOverlays('humanShare');
  const overlays = single ? NO_OVERLAYS : allOverlays;
  const [first, last] = generationRange(rows, overlays.extent);

  return (
    <ChartFrame
      title="Corpus provenance: who wrote the training text"
      caption="The share of the corpus written by humans at the bottom: as it shrinks, each model learns mostly from earlier models rather than from people."
      summary={provenanceSummary(table) + overlaySummary(overlays.series, formatPercent)}
      empty={rows.length === 0 && overlays.series.length === 0 ? 'Appears after generation 0 finishes' : null}
      wide
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="generation"
            type={single ? 'category' : 'number'}
            domain={single ? undefined : [first, last]}
            ticks={single ? undefined : generationTicks([first, last])}
            allowDecimals={false}
            padding={X_PADDING}
            tick={TICK}
            height={X_AXIS_HEIGHT}
            label={xAxisLabel('generation (trained from this corpus)')}
          />
          <YAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            allowDataOverflow
            tick={TICK}
            width={Y_AXIS_WIDTH}
            tickFormatter={formatPercent}
            label={yAxisLabel('share of corpus (%)')}
          />
          <Tooltip
            contentStyle={TOOLTIP_CONTENT_STYLE}
            labelStyle={TOOLTIP_LABEL_STYLE}
            labelFormatter={generationLabel}
            formatter={(v) => formatPercent(Number(v))}
            // Newest on top, as in the stack; empty bands are noise in a long run.
            itemSorter={(item) => -columns.findIndex((c) => c.key === item.dataKey)}
            isAnimationActive={false}
          />
          <Legend
            verticalAlign="top"
            content={() => <ProvenanceLegend columns={columns} overlays={overlays.series} />}
          />
          {columns.map((c) =>
            single ? (
              <Bar
                key={c.key}
                dataKey={c.key}
                name={c.label}
                stackId="corpus"
                fill={c.colour}
                barSize={56}
                isAnimationActive={false}
              />
            ) : (
              <Area
                key={c.key}
                dataKey={c.key}
                name={c.label}
                stackId="corpus"
                type="linear"
                stroke={c.colour}
                strokeWidth={1.5}
                fill={c.colour}
                fillOpacity={0.9}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            ),
          )}
          {overlayLines(overlays.series)}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
