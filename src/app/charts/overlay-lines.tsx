/**
 * Overlay lines as recharts elements (direct children of a chart, as recharts needs): each line
 * carries its own data, so the run on screen's rows are never merged with other runs' rows.
 */
import { Line } from 'recharts';
import type { OverlaySeries } from './data/overlay-series';
import { lineStyleProps } from './line-style';

export function overlayLines(series: readonly OverlaySeries[]) {
  return series.map((s) => (
    <Line
      key={`overlay-${s.id}`}
      data={s.points}
      dataKey="value"
      name={s.name}
      {...lineStyleProps(s.style, s.points.length)}
      strokeWidth={2}
      strokeOpacity={0.85}
    />
  ));
}

/** The x range covering the run on screen's rows and the overlays. */
export function generationRange(
  rows: readonly { generation: number }[],
  extent: { first: number | null; last: number | null },
): [number, number] {
  const firsts = [rows[0]?.generation, extent.first].filter(
    (g): g is number => g !== undefined && g !== null,
  );
  const lasts = [rows.at(-1)?.generation, extent.last].filter(
    (g): g is number => g !== undefined && g !== null,
  );
  const first = firsts.length > 0 ? Math.min(...firsts) : 0;
  const last = Math.max(lasts.length > 0 ? Math.max(...lasts) : 0, first + 1);
  return [first, last];
}
