/**
 * "How the models see their own text" (Shumailov et al. 2024, Nature): generation 0's model, which
 * learned from real text only, reads every later generation's documents. A slider picks the
 * generation (the latest by default, following the run); generation 0 stays faint behind it and
 * real text is the outline. Later generations pile up where the first model finds text easy
 * and grow a tail of documents it finds foreign.
 */
import { useId, useMemo, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { useChartData } from '../../charts/data/use-chart-data';
import type { GenerationReport } from '../../../engine/record';
import { SelfViewChart } from './SelfViewChart';
import { selfViewSummary, viewedGenerations, type ViewedGeneration } from './self-view-data';
import '../../charts/charts.css';
import './self-view.css';

/** After the six charts of ChartsPanel: its redraw waits its own turn. */
const CHART_SLOT = 6;

const CAPTION =
  "Each document's perplexity as generation 0's model (trained on real text only) reads it: low means text it finds easy, high means text it finds foreign. Later generations pile up on the easy side and grow a tail of errors; the green outline is real text.";

/** What to say instead of a histogram: before generation 0, or for a run that has none. */
function emptyLine(finished: number, viewed: readonly ViewedGeneration[]): string | null {
  if (viewed.length > 0) return null;
  if (finished === 0) return 'Appears after generation 0 finishes';
  return "This run has no scores from generation 0's model: it was recorded before they were measured, or resumed after generation 0's model was gone.";
}

export function SelfViewPanel() {
  const headingId = useId();
  const sliderId = useId();
  // The finished generations only: the run itself changes with every training step.
  const generations = useChartData((s) => s.run.generations, CHART_SLOT);
  const viewed = useMemo(() => viewedGenerations(generations), [generations]);
  // A generation picked in this run (its first report says which); otherwise the latest is
  // shown, following the run as it goes on, and a new run starts by following again.
  const [picked, setPicked] = useState<{ run: GenerationReport; generation: number } | null>(null);
  const pickedHere = picked !== null && picked.run === generations[0] ? picked.generation : null;
  const latest = viewed.at(-1) ?? null;
  const shown = viewed.find((v) => v.generation === pickedHere) ?? latest;
  const first = viewed[0]?.generation === 0 ? viewed[0] : null;
  const index = shown ? viewed.indexOf(shown) : 0;
  const missing = generations.length - viewed.length;
  const empty = emptyLine(generations.length, viewed);
  const summary = shown ? selfViewSummary(shown.generation, shown.view) : (empty ?? '');

  const slider =
    viewed.length > 1 && shown ? (
      <div className="self-view-pick">
        <label htmlFor={sliderId}>Generation</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={viewed.length - 1}
          step={1}
          value={index}
          aria-valuetext={`generation ${shown.generation}`}
          onChange={(e) => {
            const next = viewed[Number(e.target.value)];
            setPicked(next === latest ? null : { run: generations[0], generation: next.generation });
          }}
          data-testid="self-view-slider"
        />
        <output htmlFor={sliderId} data-testid="self-view-generation">
          {shown.generation}
        </output>
      </div>
    ) : null;

  return (
    <section className="panel self-view-panel" aria-labelledby={headingId} data-testid="self-view-panel">
      <h2 id={headingId}>How the models see their own text</h2>
      <ChartFrame
        title="Per-document perplexity under generation 0's model"
        caption={CAPTION}
        summary={summary}
        empty={empty}
        controls={slider}
        wide
      >
        {shown && (
          <SelfViewChart
            generation={shown.generation}
            view={shown.view}
            first={first && first !== shown ? first.view : null}
          />
        )}
      </ChartFrame>
      {shown && (
        <p className="self-view-summary" data-testid="self-view-summary">
          {summary}
          {missing > 0 &&
            ` ${missing} generation${missing === 1 ? ' was' : 's were'} not scored: generation 0's model was gone after the run resumed.`}
        </p>
      )}
    </section>
  );
}
