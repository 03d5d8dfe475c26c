/**
 * The frame every theory chart shares: a figure with its heading and caption, a box whose width
 * the chart measures (see ui/use-chart-width.ts), and the chart with its grid, generation axis,
 * tooltip and legend. Each chart brings its own y axis and series, passed as elements so they
 * stay direct children of the recharts chart, which reads them from there.
 */
import type { ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Legend, Tooltip, XAxis } from 'recharts';
import type { TheoryRecord } from '../../engine/record';
import {
  CHART_HEIGHT,
  CHART_MARGIN,
  formatValue,
  generationAxisProps,
  tooltipLabel,
} from './shared/chart-parts';
import { useChartWidth } from '../ui/use-chart-width';

export function TheoryFigure(props: {
  id: string;
  title: ReactNode;
  caption: ReactNode;
  record: TheoryRecord;
  logX: boolean;
  rows: readonly object[];
  yAxis: ReactNode;
  children: ReactNode;
}) {
  const [boxRef, width] = useChartWidth();
  return (
    <figure className="theory-chart" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <div ref={boxRef} className="theory-chart-box" style={{ height: CHART_HEIGHT }}>
        {width > 0 && (
          <ComposedChart
            width={width}
            height={CHART_HEIGHT}
            data={props.rows as object[]}
            margin={CHART_MARGIN}
          >
            <CartesianGrid strokeOpacity={0.25} />
            <XAxis {...generationAxisProps(props.record, props.logX)} />
            {props.yAxis}
            <Tooltip formatter={formatValue} labelFormatter={tooltipLabel} />
            <Legend verticalAlign="top" />
            {props.children}
          </ComposedChart>
        )}
      </div>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
