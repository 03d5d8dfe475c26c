/**
 * Runs a compare: side A, then side B, in the worker one after the other, through session.ts's
 * public API (changeSettings, startRun) and store subscriptions; when B finishes, A is overlaid
 * on B's charts. A stop, a failure or another run started by hand ends the compare with a note.
 */
import { create } from 'zustand';
import { changeSettings, startRun } from '../../session/session';
import { isRunActive, useAppStore } from '../../store/app-store';
import { pairConfigs, type ComparePair } from './compare-pairs';
import { useRunsStore } from '../kept/runs-store';

export interface CompareState {
  pair: ComparePair | null;
  /** 1 while side A runs, 2 while side B runs. */
  step: 1 | 2;
}

export const useCompareStore = create<CompareState>()(() => ({ pair: null, step: 1 }));

let unsubscribe: (() => void) | null = null;

function finish(message: string): void {
  unsubscribe?.();
  unsubscribe = null;
  useCompareStore.setState({ pair: null, step: 1 });
  useAppStore.getState().say(message);
}

/** Starts one side and names its entry in the runs list; returns the run's start time (its identity). */
function runSide(
  pair: ComparePair,
  side: 'a' | 'b',
  config: Parameters<typeof changeSettings>[0],
): number | null {
  changeSettings(config, null);
  startRun();
  const run = useAppStore.getState().run;
  const id = useRunsStore.getState().onScreenId;
  if (id !== null)
    useRunsStore.getState().dispatch({ type: 'rename', id, label: `Compare: ${pair[side].label}` });
  return run.status === 'starting' ? run.startedAt : null;
}

export function startCompare(pair: ComparePair): void {
  const app = useAppStore.getState();
  if (isRunActive(app.run)) {
    app.say('Stop the run that is going first: a compare runs its two settings one after the other.');
    return;
  }
  if (useCompareStore.getState().pair !== null) return;
  const [configA, configB] = pairConfigs(pair, app.config);
  useCompareStore.setState({ pair, step: 1 });
  const startedA = runSide(pair, 'a', configA);
  const idA = useRunsStore.getState().onScreenId;
  if (startedA === null) {
    finish(`The compare "${pair.title}" could not start.`);
    return;
  }
  // The run this compare is waiting on (its start time); null between A's end and B's start.
  let current: number | null = startedA;
  unsubscribe = useAppStore.subscribe((state) => {
    const run = state.run;
    if (current === null) return;
    if (run.startedAt !== current) {
      finish(`The compare "${pair.title}" ended: another run took its place.`);
      return;
    }
    if (isRunActive(run)) return;
    if (run.status !== 'complete') {
      finish(
        `The compare "${pair.title}" ended: ${pair[useCompareStore.getState().step === 1 ? 'a' : 'b'].label} was ${run.status}. Its finished generations are in the runs list.`,
      );
      return;
    }
    if (useCompareStore.getState().step === 1) {
      useCompareStore.setState({ step: 2 });
      // Not inside this store notification: starting a run changes the store again.
      setTimeout(() => {
        const startedB = runSide(pair, 'b', configB);
        if (startedB === null)
          finish(`The compare "${pair.title}" stopped: ${pair.b.label} could not start.`);
        else current = startedB;
      }, 0);
      current = null;
      return;
    }
    if (idA !== null) useRunsStore.getState().dispatch({ type: 'set-overlaid', id: idA, overlaid: true });
    finish(`Compare done: ${pair.b.label} (solid lines) with ${pair.a.label} overlaid (dashed).`);
  });
}

export function cancelCompare(): void {
  if (useCompareStore.getState().pair !== null)
    finish('Compare cancelled; the runs so far are in the runs list.');
}
