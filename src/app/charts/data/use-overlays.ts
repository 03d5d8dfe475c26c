/**
 * The overlay lines one chart draws, from the runs list. Recomputed only when the overlaid runs
 * or the reference settings change (points themselves are memoised per run in overlay-series.ts).
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { overlaidRuns } from '../../runs/kept/runs-reducer';
import { useRunsStore } from '../../runs/kept/runs-store';
import { useAppStore } from '../../store/app-store';
import { buildOverlaySeries, overlayExtent, type OverlayMetric, type OverlaySeries } from './overlay-series';

export interface ChartOverlays {
  series: OverlaySeries[];
  extent: ReturnType<typeof overlayExtent>;
}

/** No overlays: for a chart that cannot place them. */
export const NO_OVERLAYS: ChartOverlays = { series: [], extent: { first: null, last: null, values: [] } };

export function useOverlays(metric: OverlayMetric): ChartOverlays {
  const runs = useRunsStore(useShallow(overlaidRuns));
  // Differences are named against the run on screen, else against the settings being edited.
  const reference = useAppStore((s) => s.run.config ?? s.config);
  return useMemo(() => {
    const series = buildOverlaySeries(runs, reference, metric);
    return { series, extent: overlayExtent(series) };
  }, [runs, reference, metric]);
}
