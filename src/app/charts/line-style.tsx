/**
 * One line series in the house style: colour, dash, width, and point markers of different shapes,
 * so series differ by shape as well as by colour and dash (readers with colour-vision deficiency,
 * greyscale prints, washed-out projectors).
 */
import type { ReactNode } from 'react';
import type { DotItemDotProps } from 'recharts';
import type { MarkerShape, SeriesStyle } from '../ui/palette';
import { LINE_WIDTH, MARKER_SIZE, MAX_POINTS_WITH_MARKERS } from './chart-theme';

function shapePath(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`;
    case 'diamond':
      return `M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z`;
    case 'cross':
      return `M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`;
    case 'star':
      return `M${x},${y - r * 1.3}L${x},${y + r * 1.3}M${x - r * 1.3},${y}L${x + r * 1.3},${y}`;
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}

/** A recharts `dot` renderer drawing `shape` in `colour` at each point. */
function markerDot(shape: MarkerShape, colour: string) {
  const open = shape === 'cross' || shape === 'star';
  return function MarkerDot(props: DotItemDotProps): ReactNode {
    const { cx, cy, index } = props;
    if (typeof cx !== 'number' || typeof cy !== 'number' || !Number.isFinite(cx) || !Number.isFinite(cy))
      return null;
    return (
      <path
        key={`marker-${index}`}
        d={shapePath(shape, cx, cy, MARKER_SIZE)}
        fill={open ? 'none' : colour}
        stroke={colour}
        strokeWidth={open ? 2.5 : 1}
      />
    );
  };
}

/**
 * Props for one line series (colour, dash, marker, width, no animation), spread onto a recharts
 * <Line>: recharts reads its children's props, so a helper returning props is the dependable way
 * to share a style.
 */
export function lineStyleProps(style: SeriesStyle, pointCount: number) {
  const markers = pointCount <= MAX_POINTS_WITH_MARKERS;
  return {
    type: 'linear' as const,
    stroke: style.colour,
    strokeWidth: LINE_WIDTH,
    strokeDasharray: style.dash || undefined,
    dot: markers ? markerDot(style.marker, style.colour) : false,
    activeDot: { r: 6, fill: style.colour, stroke: 'none' },
    legendType: 'plainline' as const,
    // A live run updates several times a second: animating every update would never settle.
    isAnimationActive: false,
    connectNulls: true,
  };
}
