import { PACES, setPace, usePlaybackStore, type Pace } from './show-run';

const optionValue = (pace: Pace) => (pace === null ? 'all' : String(pace));

/**
 * The playback pace: one store value, changed one way (setPace, which also reschedules a playback
 * under way), from the recorded-runs list and from the playback controls alike.
 */
export function PaceSelect({ label, className }: { label: string; className?: string }) {
  const pace = usePlaybackStore((s) => s.pace);
  return (
    <label className={className}>
      {label}{' '}
      <select
        value={optionValue(pace)}
        onChange={(e) => setPace(e.currentTarget.value === 'all' ? null : Number(e.currentTarget.value))}
      >
        {PACES.map((p) => (
          <option key={p.label} value={optionValue(p.value)}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}
