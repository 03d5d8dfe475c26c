import { NonWordText } from './NonWordText';
import { generationsToList, realContinuation, type GenerationText } from './sample-view';

interface Props {
  texts: readonly GenerationText[];
  shown: GenerationText;
  realSamples: readonly string[];
  onPick(generation: number): void;
}

/** The real document's own continuation is cut to about the length the models write. */
const REAL_CHARS = 160;

/**
 * The same prompts (beginnings of held-out documents) continued by every generation's model: one
 * row group per prompt, one row per generation, so the decay reads straight down a column. The
 * real document's own continuation heads each group; the generation on show is highlighted.
 */
export function PromptTable({ texts, shown, realSamples, onPick }: Props) {
  const prompts = texts[0].promptSamples.map((p) => p.prompt);
  if (prompts.length === 0) return null;
  const listed = generationsToList(texts, shown.generation);
  const skipped = texts.length - listed.length;

  return (
    <section className="prompt-section" aria-labelledby="prompt-table-heading">
      <h3 id="prompt-table-heading">The same prompts, every generation</h3>
      <p className="samples-hint">
        Each model continues the same beginnings of real documents it never trained on. Read down a group to
        watch the text decay.
        {skipped > 0 && ` (${skipped} generations left out to fit; pick one on the timeline to list it.)`}
      </p>
      <table className="prompt-table" data-testid="prompt-table">
        <thead>
          <tr>
            <th scope="col">Written by</th>
            <th scope="col">Prompt, then its continuation</th>
          </tr>
        </thead>
        {prompts.map((prompt, i) => {
          const real = realContinuation(prompt, realSamples, REAL_CHARS);
          return (
            <tbody key={i}>
              {real !== null && (
                <tr className="prompt-row-real">
                  <th scope="row">Real text</th>
                  <td>
                    <span className="prompt-text">{prompt}</span>
                    {real}
                  </td>
                </tr>
              )}
              {listed.map((g) => {
                const selected = g.generation === shown.generation;
                return (
                  <tr
                    key={g.generation}
                    className={selected ? 'prompt-row-selected' : undefined}
                    aria-current={selected ? 'true' : undefined}
                  >
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onPick(g.generation)}
                        aria-label={`Show generation ${g.generation}`}
                      >
                        {/* The visible words are part of the name (WCAG 2.5.3: say what you see). */}
                        Generation {g.generation}
                      </button>
                    </th>
                    <td>
                      <span className="prompt-text">{prompt}</span>
                      <NonWordText text={g.promptSamples[i]?.continuation ?? ''} nonWords={g.nonWords} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}
