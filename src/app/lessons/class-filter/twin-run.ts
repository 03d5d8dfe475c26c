/**
 * "Run the same seed without the class's choices": the finished class run's settings with the
 * class switched off start a run of their own (same seed, same budget, so the two differ only in
 * which text entered); when it finishes, the class's run is overlaid on it, dashed, as a compare
 * does. The settings being edited get the class back afterwards, so the lesson goes on with it.
 */
import { create } from 'zustand';
import { useRunsStore } from '../../runs/kept/runs-store';
import { changeSettings, startRun } from '../../session/session';
import { isRunActive, useAppStore } from '../../store/app-store';

export const TWIN_LABEL = 'Same seed, without the class';

export const useTwinRun = create<{ going: boolean }>()(() => ({ going: false }));

let unsubscribe: (() => void) | null = null;

function finish(message: string): void {
  unsubscribe?.();
  unsubscribe = null;
  useTwinRun.setState({ going: false });
  const { config, run } = useAppStore.getState();
  // Not while another run goes on: the change would reach that run's worker.
  if (!isRunActive(run)) changeSettings({ ...config, filter: { ...config.filter, byClass: true } });
  useAppStore.getState().say(message);
}

export function runWithoutTheClass(): void {
  const { run } = useAppStore.getState();
  if (isRunActive(run) || !run.config?.filter.byClass || useTwinRun.getState().going) return;
  const classRunId = useRunsStore.getState().onScreenId;
  changeSettings({ ...run.config, filter: { ...run.config.filter, byClass: false } });
  startRun();
  const started = useAppStore.getState().run;
  if (started.status !== 'starting') {
    finish('The run without the class could not start.');
    return;
  }
  const twinId = useRunsStore.getState().onScreenId;
  if (twinId !== null) useRunsStore.getState().dispatch({ type: 'rename', id: twinId, label: TWIN_LABEL });
  useTwinRun.setState({ going: true });
  unsubscribe = useAppStore.subscribe(({ run: now }) => {
    if (now.startedAt !== started.startedAt) {
      finish('The run without the class ended: another run took its place.');
      return;
    }
    if (isRunActive(now)) return;
    if (now.status !== 'complete') {
      finish(`The run without the class was ${now.status}; its finished generations are in the runs list.`);
      return;
    }
    if (classRunId !== null)
      useRunsStore.getState().dispatch({ type: 'set-overlaid', id: classRunId, overlaid: true });
    finish("Done: the same seed without the class (solid lines), with the class's run overlaid (dashed).");
  });
}
