/**
 * Props for one line series in the house style (colour, dash, marker, width, no animation),
 * spread onto a recharts <Line>: recharts reads its children's props, so a helper returning
 * props is the dependable way to share a style.
 */
import { LINE_WIDTH, MAX_POINTS_WITH_MARKERS } from './chart-theme';
import { markerDot } from './markers';
import type { SeriesStyle } from '../ui/palette';

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
