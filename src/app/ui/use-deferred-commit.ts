import { useCallback, useEffect, useRef } from 'react';

/**
 * Commits a value after the user pauses (or at once on flush). Typing "300" or dragging a slider
 * would otherwise send every intermediate value to the worker during a run, each with its own
 * "applies from the next generation" message.
 */
export function useDeferredCommit<T>(
  commit: (value: T) => void,
  delayMs = 400,
): { schedule(value: T): void; flush(): void; cancel(): void } {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ value: T } | null>(null);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const p = pending.current;
    pending.current = null;
    if (p) commitRef.current(p.value);
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );

  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);

  // Leaving the page section (or a re-render that unmounts the control) still commits.
  useEffect(() => flush, [flush]);
  return { schedule, flush, cancel };
}
