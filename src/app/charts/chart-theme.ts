/**
 * Shared look of every chart, sized for a projector at the back of a classroom: 14px text, 3px
 * lines, room for axis titles. Colours that follow light/dark mode come from charts.css (CSS
 * variables work there for SVG text and grid lines), not from these props.
 */
import type { CSSProperties } from 'react';

export const CHART_HEIGHT = 280;
export const FONT_SIZE = 14;
export const LINE_WIDTH = 3;
export const MARKER_SIZE = 5;
/** Above this many points, markers only clutter: dash patterns alone tell the lines apart. */
export const MAX_POINTS_WITH_MARKERS = 40;

export const CHART_MARGIN = { top: 12, right: 20, bottom: 8, left: 8 };
export const TICK = { fontSize: FONT_SIZE };
export const X_AXIS_HEIGHT = 50;
/** Room at both ends of a generation axis, so the first and last markers are not cut in half. */
export const X_PADDING = { left: 12, right: 12 };
export const Y_AXIS_WIDTH = 72;

export function xAxisLabel(value: string) {
  return {
    value,
    position: 'insideBottom' as const,
    offset: 4,
    fontSize: FONT_SIZE,
    className: 'chart-axis-title',
  };
}

export function yAxisLabel(value: string, side: 'left' | 'right' = 'left') {
  return {
    value,
    angle: side === 'left' ? -90 : 90,
    position: side === 'left' ? ('insideLeft' as const) : ('insideRight' as const),
    style: { textAnchor: 'middle' as const },
    fontSize: FONT_SIZE,
    className: 'chart-axis-title',
  };
}

export const LEGEND_STYLE: CSSProperties = { fontSize: FONT_SIZE, paddingBottom: 4 };

export const TOOLTIP_CONTENT_STYLE: CSSProperties = {
  background: 'var(--card)',
  border: '1px solid var(--muted)',
  borderRadius: '0.4rem',
  color: 'var(--fg)',
  fontSize: FONT_SIZE,
};
export const TOOLTIP_LABEL_STYLE: CSSProperties = { color: 'var(--fg)', fontWeight: 600 };

/** Tooltip heading for charts whose x axis is the generation. */
export const generationLabel = (label: unknown) => `generation ${String(label)}`;

/** Integer ticks for a generation axis: recharts would otherwise print 0.5, 1.5, ... */
export function generationTicks(generations: readonly number[], maxTicks = 10): number[] | undefined {
  if (generations.length === 0) return undefined;
  const lo = generations[0];
  const hi = generations[generations.length - 1];
  // A round step (1, 2, 5, 10, 20, 25, 50, ...) so the ticks read 0, 50, 100 rather than 0, 34, 68.
  const raw = Math.max(1, (hi - lo) / (maxTicks - 1));
  const decade = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(
    1,
    [1, 2, 2.5, 5, 10].map((m) => m * decade).find((s) => s >= raw && Number.isInteger(s)) ?? 10 * decade,
  );
  const ticks: number[] = [];
  for (let g = Math.ceil(lo / step) * step; g <= hi; g += step) ticks.push(g);
  if (ticks[0] !== lo) {
    if (ticks.length > 0 && ticks[0] - lo < step / 2) ticks.shift();
    ticks.unshift(lo);
  }
  // The latest generation always gets a tick; one crowding it is dropped.
  if (ticks[ticks.length - 1] !== hi) {
    if (ticks.length > 1 && hi - ticks[ticks.length - 1] < step / 2) ticks.pop();
    ticks.push(hi);
  }
  return ticks;
}
