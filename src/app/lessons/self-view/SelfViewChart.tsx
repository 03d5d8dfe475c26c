/**
 * The histogram of "How the models see their own text": per-document perplexity under generation
 * 0's model on a log axis, the chosen generation filled, generation 0 faint behind it, real text
 * as an outline. Step areas rather than bars: three series overlap and stay readable.
 */
import { useMemo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import {
  CHART_MARGIN,
  TICK,
  X_AXIS_HEIGHT,
  Y_AXIS_WIDTH,
  xAxisLabel,
  yAxisLabel,
} from '../../charts/chart-theme';
import { topLegend } from '../../charts/chart-elements';
import { linearAxis } from '../../charts/data/chart-data';
import { OKABE_ITO } from '../../ui/palette';
import type { GenerationZeroView } from '../../../engine/record';
import { perplexityAt, selfViewRows, selfViewTicks } from './self-view-data';

interface Props {
  generation: number;
  view: GenerationZeroView;
  /** Generation 0's view, drawn faint; null when generation 0 is the one chosen (or was not scored). */
  first: GenerationZeroView | null;
}

/** The legend says how many documents each outline stands for: a few dozen make coarse steps. */
const documents = (n: number) => `${n} document${n === 1 ? '' : 's'}`;

export function SelfViewChart({ generation, view, first }: Props) {
  const rows = useMemo(() => selfViewRows(view, first), [view, first]);
  const low = rows[0]?.x ?? 0;
  const high = rows.at(-1)?.x ?? 1;
  const ticks = useMemo(() => selfViewTicks(low, high), [low, high]);
  const yAxis = useMemo(
    () =>
      linearAxis(
        rows.flatMap((r) => [r.chosen, r.first, r.real]),
        100,
      ),
    [rows],
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* Remounted when generation 0's series comes or goes, so the legend keeps one order. */}
      <ComposedChart key={first ? 'beside-first' : 'alone'} data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={[low, high]}
          ticks={ticks}
          tickFormatter={perplexityAt}
          tick={TICK}
          height={X_AXIS_HEIGHT}
          label={xAxisLabel("perplexity of a document under generation 0's model (log scale)")}
        />
        <YAxis
          type="number"
          domain={yAxis.domain}
          ticks={yAxis.ticks}
          tick={TICK}
          width={Y_AXIS_WIDTH}
          tickFormatter={(v: number) => `${v}%`}
          label={yAxisLabel('share of documents')}
        />
        {topLegend()}
        {first !== null && (
          <Area
            type="stepAfter"
            dataKey="first"
            name={`generation 0 (${documents(first.samples.documents)})`}
            stroke={OKABE_ITO.skyBlue}
            strokeWidth={2}
            strokeDasharray="6 3"
            fill={OKABE_ITO.skyBlue}
            fillOpacity={0.18}
            isAnimationActive={false}
          />
        )}
        <Area
          type="stepAfter"
          dataKey="chosen"
          name={`generation ${generation} (${documents(view.samples.documents)})`}
          stroke={OKABE_ITO.vermillion}
          strokeWidth={3}
          fill={OKABE_ITO.vermillion}
          fillOpacity={0.35}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="real"
          name={`real text (${documents(view.real.documents)})`}
          stroke={OKABE_ITO.bluishGreen}
          strokeWidth={3}
          strokeDasharray="5 3"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
