import { useAppStore } from '../../store/app-store';
import { PaceSelect } from './PaceSelect';
import { isPlaybackOnScreen, pausePlayback, resumePlayback, showAllNow, usePlaybackStore } from './show-run';

/** Pace, pause and "show all" for the run being played back; nothing when none is. */
export function PlaybackControls() {
  const playback = usePlaybackStore();
  const onScreen = useAppStore((s) => isPlaybackOnScreen(s.run));
  if (!onScreen || playback.runId === null) return null;
  const done = playback.shown >= playback.total;
  return (
    <div className="runs-playback" role="group" aria-label="Playback">
      <p role="status" className="runs-playback-status">
        {playback.kind === 'recorded' ? 'Recorded run' : 'Saved run'}: generation {playback.shown} of{' '}
        {playback.total} shown
        {done ? '' : playback.playing ? ', playing' : ', paused'}
      </p>
      <PaceSelect label="Pace" />
      {!done && (
        <>
          <button
            type="button"
            className="runs-button"
            onClick={playback.playing ? pausePlayback : resumePlayback}
          >
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
