/**
 * The Zipf plot: each word's share of a text against its rank, both on log scales, for the real
 * text, generation 0 (faint) and the generation shown. A line ends at the rarest word its text
 * has, so words dying shortens it from the right.
 */
import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { CensusReport } from '../../../engine/metrics/word-census';
import { ChartFrame } from '../../charts/ChartFrame';
import {
  CHART_MARGIN,
  LEGEND_STYLE,
  LINE_WIDTH,
  TICK,
  X_AXIS_HEIGHT,
  xAxisLabel,
  Y_AXIS_WIDTH,
  yAxisLabel,
} from '../../charts/chart-theme';
import { OKABE_ITO } from '../../ui/palette';
import { decadeTicks, zipfLines, zipfSummary, type ZipfLine, type ZipfWords } from './zipf-lines';

const LINE_LOOK: Record<ZipfLine['key'], { stroke: string; dash?: string; width: number; opacity: number }> =
  {
    real: { stroke: OKABE_ITO.blue, width: LINE_WIDTH, opacity: 1 },
    first: { stroke: OKABE_ITO.bluishGreen, dash: '9 5', width: 2, opacity: 0.55 },
    shown: { stroke: OKABE_ITO.vermillion, width: LINE_WIDTH, opacity: 1 },
  };

/** The count axis' lower end (log scale): under the tail at count 1. */
const Y_FLOOR = 0.6;

const WORDS_CHOICES: readonly { value: ZipfWords; label: string }[] = [
  { value: 'real', label: 'real words' },
  { value: 'all', label: 'every word written' },
];

function WordsChoice({ value, onChange }: { value: ZipfWords; onChange(v: ZipfWords): void }) {
  const name = useId();
  return (
    <fieldset className="zipf-choice">
      <legend>Count</legend>
      {WORDS_CHOICES.map((c) => (
        <label key={c.value}>
          <input
            type="radio"
            name={name}
            value={c.value}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ZipfChart({ reports, shown }: { reports: readonly CensusReport[]; shown: number }) {
  const [words, setWords] = useState<ZipfWords>('real');
  const lines = useMemo(() => zipfLines(reports, shown, words), [reports, shown, words]);
  const drawn = lines?.filter((l) => l.points.length > 0) ?? [];
  const points = drawn.flatMap((l) => l.points);
  const x = decadeTicks(1, Math.max(2, ...points.map((p) => p.rank)));
  const y = decadeTicks(1, Math.max(10, ...points.map((p) => p.count)));
  // Below 1, so the tail of words written once runs above the axis line, not on it.
  const yDomain: [number, number] = [Y_FLOOR, y.domain[1]];
  return (
    <ChartFrame
      title="Zipf plot: the tail of rare words"
      caption={
        words === 'real'
          ? 'Words ranked from most to least frequent, on log scales, each text measured on a sample of the same length. A line ends at the rarest real word its text still has: as words die, it stops short of the real text.'
          : 'Every word written, made-up ones too: a model that invents words can draw a longer tail than the real text, though it has lost real words.'
      }
      summary={lines ? zipfSummary(drawn, words) : ''}
      empty={drawn.length === 0 ? 'Appears after generation 0 finishes' : null}
      controls={<WordsChoice value={words} onChange={setWords} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="rank"
            type="number"
            scale="log"
            domain={x.domain}
            ticks={x.ticks}
            allowDataOverflow
            tick={TICK}
            height={X_AXIS_HEIGHT}
            label={xAxisLabel('rank of the word (1 = most frequent)')}
          />
          <YAxis
            dataKey="count"
            type="number"
            scale="log"
            domain={yDomain}
            ticks={y.ticks}
            allowDataOverflow
            tick={TICK}
            width={Y_AXIS_WIDTH}
            tickFormatter={(v: number) => v.toLocaleString('en')}
            label={yAxisLabel('times in the sample')}
          />
          <Legend
            verticalAlign="top"
            wrapperStyle={LEGEND_STYLE}
            // In the lines' order: recharts would list a line added later (generation 0's) last.
            itemSorter={(item) => drawn.findIndex((l) => l.name === item.value)}
          />
          {drawn.map((l) => (
            <Line
              key={l.key}
              data={l.points}
              dataKey="count"
              name={l.name}
              type="linear"
              stroke={LINE_LOOK[l.key].stroke}
              strokeWidth={LINE_LOOK[l.key].width}
              strokeDasharray={LINE_LOOK[l.key].dash}
              strokeOpacity={LINE_LOOK[l.key].opacity}
              dot={false}
              legendType="plainline"
              isAnimationActive={false}
              className={`zipf-line zipf-line-${l.key}`}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
