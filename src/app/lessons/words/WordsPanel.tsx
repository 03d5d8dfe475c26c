/**
 * Words that died: the real words the models stopped writing, rarest first, with the last
 * generation that wrote each, and the Zipf plot of the real text beside a generation's. One
 * generation picker, defaulting to the latest, sets both. Reads the word census of the run on
 * screen (a live run, a recorded or kept one, an import): the same record the engine kept.
 */
import { useMemo, useState } from 'react';
import { wordFates } from '../../../engine/metrics/word-census';
import type { GenerationReport } from '../../../engine/record';
import { ChartHeightContext } from '../../charts/ChartFrame';
import { CHART_HEIGHT } from '../../charts/chart-theme';
import { useClassroom } from '../../classroom/classroom-store';
import { useAppStore } from '../../store/app-store';
import { FrequencyBands } from './FrequencyBands';
import { GenerationPicker } from './GenerationPicker';
import { wordListView } from './word-list';
import { WordList } from './WordList';
import { ZipfChart } from './ZipfChart';
import './words.css';

/** A generation picked by the user, for the run it was picked in (a new run follows its latest again). */
interface Picked {
  firstReport: GenerationReport;
  generation: number;
}

/** The Zipf plot's height in presenter mode: the charts' large height. */
const PRESENTER_CHART_HEIGHT = 380;

export function WordsPanel() {
  const generations = useAppStore((s) => s.run.generations);
  const presenter = useClassroom((s) => s.presenter);
  const [picked, setPicked] = useState<Picked | null>(null);
  const first = generations[0];
  const latest = generations.at(-1)?.generation ?? null;
  const own =
    picked !== null && picked.firstReport === first && latest !== null && picked.generation <= latest;
  const shown = own ? picked.generation : latest;
  const fates = useMemo(() => (shown === null ? null : wordFates(generations, shown)), [generations, shown]);
  const view = useMemo(() => (fates ? wordListView(fates) : null), [fates]);

  return (
    <section
      className="panel words-panel"
      aria-labelledby="words-heading"
      data-testid="words-panel"
      data-tour="lessons"
    >
      <h2 id="words-heading">Words that died</h2>
      {first === undefined || shown === null || latest === null ? (
        <p className="words-empty">
          Appears after generation 0 finishes: which real words the models stop writing, the rarest first.
        </p>
      ) : view === null ? (
        <p className="words-empty" data-testid="words-not-recorded">
          This run was recorded before Collapse Lab kept which words died: run it again to see them.
        </p>
      ) : (
        <>
          <GenerationPicker
            first={first.generation}
            latest={latest}
            shown={shown}
            following={!own}
            onPick={(g) => setPicked(g === null ? null : { firstReport: first, generation: g })}
          />
          <p className="words-headline" data-testid="words-gone">
            <strong>
              {view.gone} of {view.realWords}
            </strong>{' '}
            real words are missing from generation {shown}&rsquo;s text.
          </p>
          <div className="words-layout">
            <FrequencyBands bands={view.bands} asOf={shown} />
            <div className="words-zipf">
              <ChartHeightContext.Provider value={presenter ? PRESENTER_CHART_HEIGHT : CHART_HEIGHT}>
                <ZipfChart reports={generations} shown={shown} />
              </ChartHeightContext.Provider>
            </div>
            <WordList view={view} />
          </div>
        </>
      )}
    </section>
  );
}
