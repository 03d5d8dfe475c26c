/**
 * The frame every chart shares: a heading, optional controls, Save PNG / Save SVG, the plot (or,
 * before there is data, a line saying when it will appear: never a fake curve), and a caption
 * saying what to look for. Screen readers get the plot as one image whose label states the
 * latest values.
 *
 * Before there is data the plot is already mounted, hidden behind that line, from the chart's
 * idle turn on (use-idle-turn.ts): its mounting cost is paid while the page waits, not during a
 * run. The plot keeps one parent element throughout, so showing it does not mount it again, and
 * while hidden it keeps the element it was mounted with: a run's start changes the store that
 * every chart reads, and a hidden recharts plot redrawing then costs as much as a visible one.
 */
import { createContext, memo, useContext, useId, useRef, useState, type ReactNode } from 'react';
import { useAppStore } from '../store/app-store';
import { downloadBlob } from '../ui/download';
import { chartFileName, standaloneSvg, svgToPng } from './chart-export';
import { CHART_HEIGHT } from './chart-theme';
import { useIdleTurn } from './use-idle-turn';

/** The plot's height: ChartsPanel makes the chart a classroom link picked large taller. */
export const ChartHeightContext = createContext(CHART_HEIGHT);

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

/** The title as plain text, for file names and button labels (read off the heading if not a string). */
const titleText = (title: ReactNode, heading: HTMLElement | null): string =>
  typeof title === 'string' ? title : (heading?.textContent ?? 'chart');

/** Its children as last drawn, for as long as `hold` is true: new props then redraw nothing. */
const HeldPlot = memo(
  function HeldPlot({ children }: { hold: boolean; children: ReactNode }) {
    return children;
  },
  (_, next) => next.hold,
);

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
  const height = useContext(ChartHeightContext);
  const heading = useRef<HTMLHeadingElement>(null);
  const plot = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const name = typeof title === 'string' ? title : 'this chart';
  const idleTurn = useIdleTurn();
  const waiting = empty !== null;

  const save = async (format: 'png' | 'svg'): Promise<void> => {
    if (!plot.current) return;
    const { presetId, config, run } = useAppStore.getState();
    const text = titleText(title, heading.current);
    try {
      const svg = standaloneSvg(plot.current, text);
      const file = chartFileName(text, presetId, run.config?.seed ?? config.seed, format);
      const blob = format === 'svg' ? new Blob([svg.text], { type: 'image/svg+xml' }) : await svgToPng(svg);
      downloadBlob(file, blob);
      setProblem(null);
    } catch (e) {
      setProblem(`Could not save the chart: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };

  return (
    <figure
      className={wide ? 'chart chart-wide' : 'chart'}
      aria-labelledby={headingId}
      aria-describedby={captionId}
    >
      <div className="chart-head">
        <h3 id={headingId} ref={heading}>
          {title}
        </h3>
        {controls}
        <div className="chart-save" role="group" aria-label={`Save ${name}`}>
          {(['png', 'svg'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="chart-save-button"
              disabled={empty !== null}
              aria-label={`Save ${format.toUpperCase()}: ${name}`}
              title={empty !== null ? 'Nothing drawn yet' : `Save this chart as ${format.toUpperCase()}`}
              onClick={() => void save(format)}
            >
              Save {format.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <div ref={plot} className="chart-plot" role="img" aria-label={empty ?? summary} style={{ height }}>
        {waiting && <p className="chart-empty">{empty}</p>}
        {(!waiting || idleTurn) && (
          <div
            className={waiting ? 'chart-draw chart-draw-waiting' : 'chart-draw'}
            aria-hidden={waiting || undefined}
            inert={waiting || undefined}
          >
            <HeldPlot hold={waiting}>{children}</HeldPlot>
          </div>
        )}
      </div>
      <figcaption id={captionId}>{caption}</figcaption>
      {problem !== null && (
        <p className="chart-save-problem" role="alert">
          {problem}
        </p>
      )}
    </figure>
  );
}
