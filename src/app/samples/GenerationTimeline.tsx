import { useId } from 'react';
import type { GenerationText } from './sample-view';

interface Props {
  texts: readonly GenerationText[];
  shown: GenerationText;
  following: boolean;
  /** A generation, or null to follow the latest. */
  onPick(generation: number | null): void;
}

/**
 * The generation scrubber: a range input (arrow keys, Home, End) over the generations that
 * have text. Moving it to the latest generation, or ticking the box, goes back to following
 * the run as it writes new generations.
 */
export function GenerationTimeline({ texts, shown, following, onPick }: Props) {
  const sliderId = useId();
  const first = texts[0].generation;
  const latest = texts[texts.length - 1].generation;
  const valueText = `generation ${shown.generation}${shown.pending ? ' (being measured)' : ''}`;

  const pick = (value: number) => onPick(value >= latest ? null : value);

  return (
    <div className="timeline">
      <label htmlFor={sliderId} className="timeline-label">
        Generation shown
      </label>
      <input
        id={sliderId}
        type="range"
        min={first}
        max={latest}
        step={1}
        value={shown.generation}
        disabled={first === latest}
        aria-valuetext={valueText}
        onChange={(e) => pick(Number(e.target.value))}
        data-testid="generation-slider"
      />
      <output htmlFor={sliderId} className="timeline-value" data-testid="generation-shown">
        {valueText}
      </output>
      <label className="timeline-follow">
        <input
          type="checkbox"
          checked={following}
          onChange={(e) => onPick(e.target.checked ? null : shown.generation)}
        />
        Follow the latest
      </label>
    </div>
  );
}
