/**
 * The frame every chart shares: a heading, optional controls, the plot (or, before there is
 * data, a line saying when it will appear: never a fake curve), and a caption saying what to
 * look for. Screen readers get the plot as one image whose label states the latest values.
 */
import { useId, type ReactNode } from 'react';
import { CHART_HEIGHT } from './chart-theme';

export interface ChartFrameProps {
  title: ReactNode;
  /** One sentence: what to look for. */
  caption: string;
  /** The latest values in words (the plot's aria-label). */
  summary: string;
  /** Shown instead of the plot when there is nothing to draw yet; null draws the plot. */
  empty: string | null;
  /** Controls above the plot (kept outside the role="img" element so they stay operable). */
  controls?: ReactNode;
  /** Wider frames span two grid columns on wide screens. */
  wide?: boolean;
  children: ReactNode;
}

export function ChartFrame({
  title,
  caption,
  summary,
  empty,
  controls,
  wide = false,
  children,
}: ChartFrameProps) {
  const headingId = useId();
  const captionId = useId();
  return (
    <figure
      className={wide ? 'chart chart-wide' : 'chart'}
      aria-labelledby={headingId}
      aria-describedby={captionId}
    >
      <div className="chart-head">
        <h3 id={headingId}>{title}</h3>
        {controls}
      </div>
      <div className="chart-plot" role="img" aria-label={empty ?? summary} style={{ height: CHART_HEIGHT }}>
        {empty !== null ? <p className="chart-empty">{empty}</p> : children}
      </div>
      <figcaption id={captionId}>{caption}</figcaption>
    </figure>
  );
}
