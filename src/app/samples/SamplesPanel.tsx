import { useMemo } from 'react';
import { useAppStore } from '../store/app-store';
import type { LiveRun } from '../store/live-run';
import { GenerationTimeline } from './GenerationTimeline';
import { PromptTable } from './PromptTable';
import { generationTexts, shownGeneration } from './sample-view';
import { SideBySide } from './SideBySide';
import './samples.css';

/** The one line shown before any generation has written text: what will appear, and when. */
function emptyLine(status: LiveRun['status'], generation: number): string {
  switch (status) {
    case 'idle':
      return 'Press play: the text each generation writes appears here, beside real text, once generation 0 has trained.';
    case 'starting':
    case 'running':
    case 'paused':
      return `Generation ${generation} is learning from real text; what it writes appears here when it is done.`;
    default:
      return 'The run ended before generation 0 wrote any text.';
  }
}

/**
 * Samples: a timeline to pick a generation, that generation's documents beside real ones, and the
 * same prompts continued by every generation. Text only, never HTML.
 */
export function SamplesPanel() {
  // Narrow selections: the store changes four times a second while training, the text rarely.
  const generations = useAppStore((s) => s.run.generations);
  const pendingSamples = useAppStore((s) => s.run.pendingSamples);
  const realSamples = useAppStore((s) => s.run.realSamples);
  const status = useAppStore((s) => s.run.status);
  const current = useAppStore((s) => s.run.current.generation);
  const selected = useAppStore((s) => s.ui.selectedGeneration);
  const setUi = useAppStore((s) => s.setUi);
  const texts = useMemo(
    () => generationTexts({ generations, pendingSamples }),
    [generations, pendingSamples],
  );
  const shown = shownGeneration(texts, selected);
  const pick = (generation: number | null) => setUi({ selectedGeneration: generation });

  return (
    <section
      className="panel samples-panel"
      aria-labelledby="samples-heading"
      data-testid="samples-panel"
      data-tour="samples"
    >
      <h2 id="samples-heading">Samples</h2>
      {shown === null ? (
        <p className="samples-empty" data-testid="samples-empty">
          {emptyLine(status, current)}
        </p>
      ) : (
        <>
          <GenerationTimeline
            texts={texts}
            shown={shown}
            following={selected === null || selected !== shown.generation}
            onPick={pick}
          />
          <SideBySide shown={shown} realSamples={realSamples} />
          <PromptTable
            texts={texts}
            shown={shown}
            realSamples={realSamples}
            onPick={(g) => pick(g === texts[texts.length - 1].generation ? null : g)}
          />
        </>
      )}
    </section>
  );
}
