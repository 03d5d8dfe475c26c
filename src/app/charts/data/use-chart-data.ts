import { startTransition, useEffect, useState } from 'react';
import { useAppStore, type AppState } from '../../store/app-store';

/** Delay between chart slots: enough for each chart's redraw to be a task of its own. */
const SLOT_MS = 40;

/**
 * A store value for one chart, delivered in that chart's own task. When a generation finishes,
 * six recharts charts would otherwise redraw in one React commit (a main-thread task far over
 * 50 ms when they first appear), and a commit cannot be time-sliced; staggered by slot, each
 * chart commits on its own. The chart does not re-render for store changes it does not read.
 *
 * `refreshMs` spaces a chart's redraws at least that far apart, for values that change with
 * every training step.
 *
 * The selector is read once, when the chart mounts: it must depend on the state alone (every
 * chart's does). Subscribing again after each render, as a selector of changing identity would
 * need, delivered the value again each time, and a recharts chart redrawn for nothing costs as
 * much as one with new data.
 */
export function useChartData<T>(selector: (state: AppState) => T, slot: number, refreshMs = 0): T {
  const [select] = useState(() => selector);
  const [shown, setShown] = useState<T>(() => select(useAppStore.getState()));
  useEffect(() => {
    let latest = select(useAppStore.getState());
    let timer: ReturnType<typeof setTimeout> | null = null;
    let deliveredAt = -Infinity;
    const deliver = () => {
      timer = null;
      deliveredAt = performance.now();
      startTransition(() => setShown(() => latest));
    };
    deliver(); // anything that changed between the first render and this effect
    const unsubscribe = useAppStore.subscribe((state) => {
      const next = select(state);
      if (Object.is(next, latest)) return;
      latest = next;
      const wait = Math.max(slot * SLOT_MS, deliveredAt + refreshMs - performance.now());
      timer ??= setTimeout(deliver, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [select, slot, refreshMs]);
  return shown;
}
