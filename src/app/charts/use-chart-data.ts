import { startTransition, useEffect, useState } from 'react';
import { useAppStore, type AppState } from '../store/app-store';

/** Delay between chart slots: enough for each chart's redraw to be a task of its own. */
const SLOT_MS = 40;

/**
 * A store value for one chart, delivered in that chart's own task. When a generation finishes,
 * six recharts charts would otherwise redraw in one React commit (measured: a 350 ms main-thread
 * task when they first appear), and a commit cannot be time-sliced; staggered by slot, each
 * chart commits on its own. The chart does not re-render for store changes it does not read.
 */
export function useChartData<T>(selector: (state: AppState) => T, slot: number): T {
  const [shown, setShown] = useState<T>(() => selector(useAppStore.getState()));
  useEffect(() => {
    let latest = selector(useAppStore.getState());
    let timer: ReturnType<typeof setTimeout> | null = null;
    const deliver = () => {
      timer = null;
      startTransition(() => setShown(() => latest));
    };
    deliver(); // anything that changed between the first render and this effect
    const unsubscribe = useAppStore.subscribe((state) => {
      const next = selector(state);
      if (Object.is(next, latest)) return;
      latest = next;
      timer ??= setTimeout(deliver, slot * SLOT_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
    // Selectors are inline arrows, so this re-subscribes after each render of the chart: cheap,
    // and the chart renders only when its own value changes.
  }, [selector, slot]);
  return shown;
}
