/**
 * "The transformer, recorded": the same question as the live sweep above it, asked of the
 * character-level transformer instead of the count model. A transformer sweep takes hours of CPU,
 * so it is recorded once with the CLI and loaded here; the chart shows generations until held-out
 * perplexity reached the threshold against the share lambda, the median over seeds with its band
 * and the fitted c / lambda law, and a table gives the same numbers.
 */
import { memo, useEffect, useId, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_HEIGHT, CHART_MARGIN, formatValue, yAxisLabel } from '../shared/chart-parts';
import { useTheoryPalette } from '../shared/colors';
import { useChartWidth } from '../../ui/use-chart-width';
import {
  fetchRecordedSweep,
  type Parsed,
  type RecordedSweep,
  type RecordedSweepRow,
} from './recorded-transformer-sweep';
import { formatShare } from './sweep-rows';

const gens = (x: number | null) => (x === null ? 'not within the run' : Math.round(x).toLocaleString('en'));

export function RecordedTransformerSweep() {
  const id = useId();
  const [state, setState] = useState<Parsed<RecordedSweep> | null>(null);
  useEffect(() => {
    let live = true;
    void fetchRecordedSweep().then((result) => {
      if (live) setState(result);
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="theory-sweep" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>The transformer, recorded</h3>
      {state === null && <p role="status">Loading the recorded transformer sweep…</p>}
      {state !== null && !state.ok && <p role="alert">{state.message}</p>}
      {state?.ok && <RecordedSweepBody sweep={state.value} titleId={`${id}-chart`} />}
    </section>
  );
}

function RecordedSweepBody({ sweep, titleId }: { sweep: RecordedSweep; titleId: string }) {
  const hours = sweep.cpuSeconds / 3600;
  const cost = hours >= 1 ? `${hours.toFixed(1)} hours` : `${Math.round(sweep.cpuSeconds / 60)} minutes`;
  return (
    <>
      <p>
        The same question, asked of the <code>{sweep.model}</code> transformer under <em>replace</em>: for
        each share λ, {sweep.seeds} seeds ran {sweep.generations} generations (
        {sweep.realChars.toLocaleString('en')} real characters, {sweep.steps.toLocaleString('en')} training
        steps per generation), and the chart shows after how many generations held-out perplexity first
        reached {sweep.ratio}x generation 0&rsquo;s. Recorded with the commands below ({cost} of training, one
        thread per run).
      </p>
      <RecordedSweepChart rows={sweep.rows} ratio={sweep.ratio} titleId={titleId} />
      <RecordedSweepTable sweep={sweep} />
      <ul className="theory-sweep-command">
        {sweep.commands.map((command) => (
          <li key={command}>
            <code>{command}</code>
          </li>
        ))}
      </ul>
    </>
  );
}

const RecordedSweepChart = memo(function RecordedSweepChart({
  rows,
  ratio,
  titleId,
}: {
  rows: RecordedSweepRow[];
  ratio: number;
  titleId: string;
}) {
  const palette = useTheoryPalette();
  const [boxRef, width] = useChartWidth();
  const lambdas = rows.map((r) => r.lambda);
  const values = rows
    .flatMap((r) => [r.median, r.law, ...(r.band ?? [])])
    .filter((v): v is number => v !== null && v > 0);
  const yMax = Math.max(2, ...values) * 1.3;
  return (
    <figure className="theory-chart" aria-labelledby={titleId}>
      <h4 id={titleId}>
        Generations until perplexity reached {ratio}x generation 0&rsquo;s (transformer, recorded)
      </h4>
      <div ref={boxRef} className="theory-chart-box" style={{ height: CHART_HEIGHT }}>
        {width > 0 && (
          <ComposedChart width={width} height={CHART_HEIGHT} data={rows} margin={CHART_MARGIN}>
            <CartesianGrid strokeOpacity={0.25} />
            <XAxis
              dataKey="lambda"
              type="number"
              scale="log"
              domain={[Math.min(...lambdas) / 1.5, Math.max(...lambdas) * 1.5]}
              allowDataOverflow
              ticks={lambdas}
              tickFormatter={formatShare}
              tick={{ fill: 'currentColor' }}
              stroke="currentColor"
              label={{
                value: 'generated text written back per generation, λ (log scale)',
                position: 'insideBottom',
                offset: -14,
                fill: 'currentColor',
              }}
            />
            <YAxis
              type="number"
              scale="log"
              domain={[0.8, yMax]}
              allowDataOverflow
              tickFormatter={(g: number) => g.toLocaleString('en', { maximumFractionDigits: 0 })}
              tick={{ fill: 'currentColor' }}
              stroke="currentColor"
              label={yAxisLabel('generations (log scale)')}
              width={80}
            />
            <Tooltip
              formatter={formatValue}
              labelFormatter={(l: unknown) => `λ = ${typeof l === 'number' ? formatShare(l) : String(l)}`}
            />
            <Legend verticalAlign="top" itemSorter={null} />
            <Area
              name="10-90% of seeds"
              legendType="none"
              dataKey="band"
              stroke="none"
              fill={palette.band}
              fillOpacity={0.3}
              isAnimationActive={false}
            />
            <Line
              name="median over seeds"
              dataKey="median"
              stroke={palette.simulated}
              strokeWidth={3}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
            <Line
              name="law: c / λ"
              dataKey="law"
              stroke={palette.formula}
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
      </div>
      <figcaption>
        A point is missing where fewer than half the seeds got there within the run; the dashed line is c/λ, c
        fitted on a log scale.
      </figcaption>
    </figure>
  );
});

function RecordedSweepTable({ sweep }: { sweep: RecordedSweep }) {
  return (
    <table className="theory-sweep-table">
      <caption>
        Transformer under replace: generations until held-out perplexity reached {sweep.ratio}x generation
        0&rsquo;s
        {sweep.lawC === null ? '' : `; the law c/λ with c = ${sweep.lawC.toFixed(2)}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">λ</th>
          <th scope="col">median (10–90%)</th>
          <th scope="col">law</th>
          <th scope="col">seeds that got there</th>
        </tr>
      </thead>
      <tbody>
        {sweep.rows.map((r) => (
          <tr key={r.lambda}>
            <th scope="row">{formatShare(r.lambda)}</th>
            <td>
              {gens(r.median)}
              {r.band === null ? '' : ` (${gens(r.band[0])}–${gens(r.band[1])})`}
            </td>
            <td>{gens(r.law)}</td>
            <td>
              {r.reached} of {r.runs}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
