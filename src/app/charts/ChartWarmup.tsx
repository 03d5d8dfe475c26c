/**
 * Draws one throwaway chart of each kind the page uses, off screen, while the page is idle after
 * loading, then removes it. The first chart recharts draws in a page costs 80-130 ms of
 * main-thread work (its code runs for the first time); paid here, before any run, it no longer
 * lands in the middle of a run's first generation, where the page keeps every task under 50 ms.
 * It draws made-up numbers, but nobody sees them: the container is hidden from sight and from
 * assistive technology, and it is gone within a frame.
 */
import { useEffect, useState } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

const ROWS = [
  { x: 0, a: 1, b: 0.5 },
  { x: 1, a: 2, b: 0.25 },
  { x: 2, a: 1.5, b: 0.75 },
];

/** requestIdleCallback where the browser has it (not Safari): after the first paint either way. */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 200);
  return () => clearTimeout(id);
}

export function ChartWarmup() {
  const [phase, setPhase] = useState<'waiting' | 'drawing' | 'done'>('waiting');
  useEffect(() => {
    if (phase === 'waiting') return whenIdle(() => setPhase('drawing'));
    if (phase === 'drawing') {
      const id = requestAnimationFrame(() => setPhase('done'));
      return () => cancelAnimationFrame(id);
    }
    return undefined;
  }, [phase]);
  if (phase !== 'drawing') return null;
  return (
    <div className="chart-warmup" aria-hidden="true" inert>
      <LineChart width={320} height={200} data={ROWS} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="x" type="number" />
        <YAxis />
        <Tooltip />
        <Legend verticalAlign="top" />
        <ReferenceLine y={1} strokeDasharray="8 6" label={{ value: 'reference', position: 'insideTopRight' }} />
        <Line dataKey="a" isAnimationActive={false} />
      </LineChart>
      <ComposedChart width={320} height={200} data={ROWS} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="x" />
        <YAxis />
        <Tooltip />
        <Legend verticalAlign="top" />
        <Bar dataKey="b" stackId="s" isAnimationActive={false} />
        <Area dataKey="a" stackId="t" isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
