/**
 * Which divergence the divergence chart shows: a radio group drawn as segmented buttons (arrow
 * keys move between options, as a screen-reader user expects). Writes ui.divergence.
 */
import { useId } from 'react';
import { useAppStore, type DivergenceMeasure } from '../store/app-store';

const OPTIONS: { value: DivergenceMeasure; label: string; hint: string }[] = [
  { value: 'js', label: 'JS', hint: 'Jensen-Shannon divergence, bits (0 to 1)' },
  { value: 'kl', label: 'KL', hint: 'KL divergence of generated from real text, nats' },
  { value: 'tv', label: 'TV', hint: 'total variation distance (0 to 1)' },
];

export function DivergenceToggle() {
  const measure = useAppStore((s) => s.ui.divergence);
  const setUi = useAppStore((s) => s.setUi);
  const name = useId();
  return (
    <fieldset className="chart-toggle">
      <legend className="chart-sr-only">Divergence measure</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} title={o.hint}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={measure === o.value}
            onChange={() => setUi({ divergence: o.value })}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
