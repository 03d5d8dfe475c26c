/**
 * Chart 5, the tails of the real language, as two small charts side by side: the share of real
 * characters, bigrams and words no longer seen in generated text (what the models lose), and
 * the share of generated words that exist in the real text at all (what they invent instead).
 */
import { useMemo } from 'react';
import { CartesianGrid, LineChart, ResponsiveContainer } from 'recharts';
import { useChartData } from './use-chart-data';
import { linearAxis, lostSupportRows, realWordRows } from './chart-data';
import { formatPercent, lostSupportSummary, realWordsSummary } from './chart-summaries';
import { CHART_MARGIN } from './chart-theme';
import { ChartFrame } from './ChartFrame';
import { generationXAxis, referenceLevel, seriesLines, topLegend, valueTooltip, valueYAxis } from './chart-elements';
import { generationRange, overlayLines } from './overlay-lines';
import { overlaySummary } from './overlay-series';
import { useOverlays } from './use-overlays';

/** This chart's turn when several redraw at once (see use-chart-data.ts). */
const CHART_SLOT = 3;

const LOST_SERIES = [
  { key: 'chars', name: 'characters' },
  { key: 'bigrams', name: 'bigrams' },
  { key: 'words', name: 'words' },
] as const;

/** Styles continue after the lost-support lines, so no two lines of the figure look alike. */
const REAL_WORD_SERIES = [{ key: 'realWords', name: 'generated words' }] as const;

export function LostSupportChart() {
  const reports = useChartData((s) => s.run.generations, CHART_SLOT);
  const lostRows = useMemo(() => lostSupportRows(reports), [reports]);
  const wordRows = useMemo(() => realWordRows(reports), [reports]);
  const lostOverlays = useOverlays('lostWords');
  const wordOverlays = useOverlays('realWords');
  const lostAxis = useMemo(
    () => linearAxis([...lostRows.flatMap((r) => [r.chars, r.bigrams, r.words]), ...lostOverlays.extent.values], 100),
    [lostRows, lostOverlays],
  );
  // Real held-out text scores 100% (its words are the vocabulary): the axis always reaches it.
  const wordAxis = useMemo(() => linearAxis([100], 100), []);
  const [lostFirst, lostLast] = generationRange(lostRows, lostOverlays.extent);
  const [wordFirst, wordLast] = generationRange(wordRows, wordOverlays.extent);
  const nothing = lostRows.length === 0 && lostOverlays.series.length === 0;
  return (
    <ChartFrame
      title="Lost support and real words"
      caption="Rare words and letter pairs vanish first (left), while more and more of what the models write are words no real text holds (right): the tail of the language goes, and invented words take its place."
      summary={
        lostSupportSummary(lostRows) +
        overlaySummary(lostOverlays.series, formatPercent) +
        ` ${realWordsSummary(wordRows)}` +
        overlaySummary(wordOverlays.series, formatPercent)
      }
      empty={nothing ? 'Appears after generation 0 finishes' : null}
      wide
    >
      <div className="chart-pair">
        <div>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={lostRows} margin={CHART_MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              {generationXAxis(lostFirst, lostLast, 6)}
              {valueYAxis(lostAxis, formatPercent, 'lost (% of real)')}
              {valueTooltip(formatPercent)}
              {topLegend()}
              {seriesLines(LOST_SERIES, lostRows.length)}
              {overlayLines(lostOverlays.series)}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <div>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={wordRows} margin={CHART_MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              {generationXAxis(wordFirst, wordLast, 6)}
              {valueYAxis(wordAxis, formatPercent, 'real words (% of words)')}
              {valueTooltip(formatPercent)}
              {topLegend()}
              {referenceLevel(100, 'real held-out text: 100%', 'insideBottomLeft')}
              {seriesLines(REAL_WORD_SERIES, wordRows.length, LOST_SERIES.length)}
              {overlayLines(wordOverlays.series)}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
    </ChartFrame>
  );
}
