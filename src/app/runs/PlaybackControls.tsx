import { useAppStore } from '../store/app-store';
import { isPlaybackOnScreen, PACES, pausePlayback, resumePlayback, setPace, showAllNow, usePlaybackStore } from './show-run';

/** Pace, pause and "show all" for the run being played back; nothing when none is. */
export function PlaybackControls() {
  const playback = usePlaybackStore();
  const onScreen = useAppStore((s) => isPlaybackOnScreen(s.run));
  if (!onScreen || playback.runId === null) return null;
  const done = playback.shown >= playback.total;
  return (
    <div className="runs-playback" role="group" aria-label="Playback">
      <p role="status" className="runs-playback-status">
        {playback.kind === 'recorded' ? 'Recorded run' : 'Saved run'}: generation {playback.shown} of {playback.total} shown
        {done ? '' : playback.playing ? ', playing' : ', paused'}
      </p>
      <label>
        Pace{' '}
        <select
          value={playback.pace === null ? 'all' : String(playback.pace)}
          onChange={(e) => setPace(e.currentTarget.value === 'all' ? null : Number(e.currentTarget.value))}
        >
          {PACES.map((p) => (
            <option key={p.label} value={p.value === null ? 'all' : String(p.value)}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {!done && (
        <>
          <button type="button" className="runs-button" onClick={playback.playing ? pausePlayback : resumePlayback}>
            {playback.playing ? 'Pause playback' : 'Resume playback'}
          </button>
          <button type="button" className="runs-button" onClick={showAllNow}>
            Show all generations
          </button>
        </>
      )}
    </div>
  );
}
