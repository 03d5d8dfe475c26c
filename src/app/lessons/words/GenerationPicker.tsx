import { useId } from 'react';

interface Props {
  first: number;
  latest: number;
  shown: number;
  following: boolean;
  /** A generation, or null to follow the latest. */
  onPick(generation: number | null): void;
}

/**
 * The generation the words panel is as of: a range input (arrow keys, Home, End); at the latest
 * generation, or with the box ticked, it follows the run as new generations finish.
 */
export function GenerationPicker({ first, latest, shown, following, onPick }: Props) {
  const sliderId = useId();
  const valueText = `generation ${shown}${shown === latest ? ' (latest)' : ''}`;
  return (
    <div className="words-picker">
      <label htmlFor={sliderId} className="words-picker-label">
        As of
      </label>
      <input
        id={sliderId}
        type="range"
        min={first}
        max={latest}
        step={1}
        value={shown}
        disabled={first === latest}
        aria-valuetext={valueText}
        onChange={(e) => {
          const value = Number(e.target.value);
          onPick(value >= latest ? null : value);
        }}
        data-testid="words-generation"
      />
      <output htmlFor={sliderId} className="words-picker-value">
        {valueText}
      </output>
      <label className="words-picker-follow">
        <input
          type="checkbox"
          checked={following}
          onChange={(e) => onPick(e.target.checked ? null : shown)}
        />
        Follow the latest
      </label>
    </div>
  );
}
