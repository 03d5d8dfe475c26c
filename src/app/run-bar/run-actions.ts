/** The run bar's commands, shared by its buttons and the keyboard shortcuts. */
import { pauseRun, resetRun, resumeRun, startRun, stepRun } from '../session/session';
import { useClassroom } from '../classroom/classroom-store';
import { useAppStore } from '../store/app-store';
import { playPauseFor, type ShortcutAction } from './shortcuts';

/**
 * With predictions on (a classroom link), a live run moves one generation at a time: the worker
 * pauses itself at each generation's end, before the next one's results arrive. Pausing it from
 * the page once a generation shows would come too late for the count model, whose generations
 * take milliseconds (lessons/predict then asks about the generation to come).
 */
const predictionsOn = (): boolean => useClassroom.getState().predict;

function go(resume: boolean): void {
  if (predictionsOn()) {
    if (resume) stepRun();
    else startRun({ pauseAfterFirstGeneration: true });
  } else if (resume) resumeRun();
  else startRun();
}

export function playOrPause(): void {
  const action = playPauseFor(useAppStore.getState().run.status);
  if (action === 'pause') pauseRun();
  else go(action === 'resume');
}

/** Play: resume a paused run, else start one (a finished run is replaced by a new one). */
export function play(): void {
  go(useAppStore.getState().run.status === 'paused');
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
