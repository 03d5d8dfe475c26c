/** Chart 1 for a run shown from its run.json: the training loss each generation ended on. */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer } from 'recharts';
import { CHART_MARGIN } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { generationXAxis, topLegend, untrainedModelLine, valueTooltip, valueYAxis } from './chart-elements';
import { endLossRows, linearAxis } from './data/chart-data';
import { endLossSummary, formatNumber } from './data/chart-summaries';
import { useChartData } from './data/use-chart-data';
import { lineStyleProps } from './line-style';
import { seriesStyle } from '../ui/palette';

const CHART_SLOT = 1;
const LOSS_STYLE = { ...seriesStyle(1), dash: '', marker: 'circle' as const };

/**
 * A run.json keeps each generation's last training loss, not the steps that led to it, so a
 * recorded run cannot draw the live chart's curve: it draws where each generation's training
 * ended instead, and says why.
 */
export function EndLossChart() {
  const reports = useChartData((s) => s.run.generations, CHART_SLOT);
  const untrained = useChartData((s) => s.run.baseline?.nllPerChar ?? null, CHART_SLOT);
  const rows = useMemo(() => endLossRows(reports), [reports]);
  const yAxis = useMemo(() => linearAxis([...rows.map((r) => r.loss), untrained ?? 0]), [rows, untrained]);
  const first = rows[0]?.generation ?? 0;
  const last = Math.max(rows.at(-1)?.generation ?? 0, first + 1);
  return (
    <ChartFrame
      title="Training loss at the end of each generation"
      caption="A recorded run keeps where each generation's training ended, not its steps. A low loss on a corpus of model-written text does not mean the model knows real language."
      summary={endLossSummary(rows)}
      empty={rows.length === 0 ? 'This run recorded no training loss (the count model has none).' : null}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          {generationXAxis(first, last)}
          {valueYAxis(yAxis, formatNumber, 'loss (nats/char)')}
          {valueTooltip(formatNumber)}
          {topLegend()}
          {untrained !== null && untrainedModelLine(untrained, 'insideTopRight')}
          <Line
            dataKey="loss"
            name="training loss, end of generation"
            {...lineStyleProps(LOSS_STYLE, rows.length)}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
