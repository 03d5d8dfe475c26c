/**
 * The width of a chart's box, measured here instead of by recharts' ResponsiveContainer: that
 * one re-renders the chart synchronously from its resize callback, and three charts drawn for
 * the first time that way block the main thread in one long task. Updating the width inside a
 * transition lets React split the render into small time slices.
 */
import { startTransition, useCallback, useRef, useState } from 'react';

export function useChartWidth(): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    const measure = (w: number) => startTransition(() => setWidth(Math.floor(w)));
    observer.current = new ResizeObserver((entries) => measure(entries[0].contentRect.width));
    observer.current.observe(element);
  }, []);
  return [ref, width];
}
