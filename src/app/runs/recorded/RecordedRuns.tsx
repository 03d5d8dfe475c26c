import { useEffect } from 'react';
import { isRunActive, useAppStore } from '../../store/app-store';
import { loadRecordedManifest, useRecordedStore, watchRecorded } from './recorded-store';
import { PaceSelect } from '../playback/PaceSelect';
import { usePlaybackStore } from '../playback/show-run';
import { PlaybackControls } from '../playback/PlaybackControls';

/** "Watch a recorded run": runs recorded with the CLI, shipped with the page, played back instantly. */
export function RecordedRuns() {
  const { entries, problem } = useRecordedStore();
  const busy = useAppStore((s) => isRunActive(s.run));
  useEffect(() => {
    void loadRecordedManifest();
  }, []);

  return (
    <section className="runs-recorded" aria-labelledby="runs-recorded-heading">
      <h3 id="runs-recorded-heading">Watch a recorded run</h3>
      <p className="runs-note">
        Made with this page&rsquo;s own engine (<code>npm run record-runs</code>), so they appear at once
        instead of after minutes of training.
      </p>
      {problem !== null && <p className="runs-problem">{problem}</p>}
      {entries === null && <p className="runs-note">Loading the list of recorded runs…</p>}
      {entries !== null && entries.length === 0 && problem === null && (
        <p className="runs-note">No recorded runs ship with this copy of the page.</p>
      )}
      {entries !== null && entries.length > 0 && (
        <>
          <PaceSelect label="Generations appear" className="runs-pace" />
          <ul className="runs-recorded-list">
            {entries.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className="runs-button"
                  disabled={busy}
                  title={busy ? 'Stop the run that is going first' : `Produced by: ${entry.command}`}
                  onClick={() => void watchRecorded(entry, usePlaybackStore.getState().pace)}
                >
                  Watch recorded: {entry.label}
                </button>{' '}
                <span className="runs-note">
                  {entry.generations} generations
                  {entry.finalPerplexity !== null
                    ? `, final perplexity ${entry.finalPerplexity.toFixed(2)}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <PlaybackControls />
    </section>
  );
}
