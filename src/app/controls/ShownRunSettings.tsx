import './shown-run-settings.css';
import { useMemo } from 'react';
import type { SimulationConfig } from '../../engine/config/schema';
import { SETTING_GROUPS } from '../../engine/config/setting-entry';
import { SETTINGS } from '../../engine/config/settings';
import { shownRunLabel } from '../export/live-run-from-record';
import { useAppStore } from '../store/app-store';
import { notApplicable } from './fields/applicability';

/** The shown run's settings in words, group by group ("Paradigm: replace"), skipping those that do nothing for it. */
export function settingsInWords(config: SimulationConfig): { group: string; words: string[] }[] {
  return SETTING_GROUPS.flatMap(({ id, label }) => {
    const words = SETTINGS.filter(
      (entry) =>
        entry.group === id &&
        entry.diff !== undefined &&
        notApplicable(entry.path, config) === null &&
        (entry.diff.when?.(config) ?? true),
    )
      .sort((a, b) => (a.diff?.rank ?? 0) - (b.diff?.rank ?? 0))
      .map((entry) => entry.diff?.words(config) ?? '');
    return words.length > 0 ? [{ group: label, words: [...new Set(words)] }] : [];
  });
}

/**
 * While a recorded, saved or imported run is on screen, the settings it was made with, read-only,
 * above the panel's own controls: otherwise the column beside a recording shows the user's
 * settings, which say nothing about the charts, and a class reads them as the recording's.
 */
export function ShownRunSettings() {
  // The name alone (a string): a fresh object from the selector would re-render without end.
  const name = useAppStore((s) => shownRunLabel(s.run)?.name ?? null);
  const config = useAppStore((s) => s.run.config);
  const groups = useMemo(() => (config ? settingsInWords(config) : []), [config]);
  if (name === null || !config) return null;
  return (
    <section className="cl-shown-run" aria-labelledby="cl-shown-run-title" data-testid="shown-run-settings">
      <h3 id="cl-shown-run-title">Settings of the run on screen</h3>
      <p className="cl-shown-run-name">{name}</p>
      <dl>
        {groups.map(({ group, words }) => (
          <div key={group}>
            <dt>{group}</dt>
            <dd>{words.join(', ')}</dd>
          </div>
        ))}
      </dl>
      <p className="cl-hint">
        The controls below are yours: Play starts a new run with them, here, and replaces the run on screen.
      </p>
    </section>
  );
}
