/** The run bar's commands, shared by its buttons and the keyboard shortcuts. */
import { pauseRun, resetRun, resumeRun, startRun, stepRun } from '../session/session';
import { useClassroom } from '../classroom/classroom-store';
import { useAppStore } from '../store/app-store';
import { playPauseFor, type ShortcutAction } from './shortcuts';

export function playOrPause(): void {
  const action = playPauseFor(useAppStore.getState().run.status);
  if (action === 'pause') pauseRun();
  else if (action === 'resume') resumeRun();
  else startRun();
}

/** Play: resume a paused run, else start one (a finished run is replaced by a new one). */
export function play(): void {
  if (useAppStore.getState().run.status === 'paused') resumeRun();
  else startRun();
}

export function toggleHelp(): void {
  const { ui, setUi } = useAppStore.getState();
  setUi({ helpOpen: !ui.helpOpen });
}

export function togglePresenter(): void {
  const { presenter, setPresenter } = useClassroom.getState();
  setPresenter(!presenter);
}

export function runShortcut(action: ShortcutAction): void {
  switch (action) {
    case 'play-pause':
      playOrPause();
      return;
    case 'step':
      if (useAppStore.getState().run.status !== 'starting') stepRun();
      return;
    case 'reset':
      resetRun();
      return;
    case 'help':
      toggleHelp();
      return;
    case 'presenter':
      togglePresenter();
      return;
    case 'leave-presenter':
      useClassroom.getState().setPresenter(false);
      return;
  }
}
