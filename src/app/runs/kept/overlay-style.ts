/**
 * How a kept run looks wherever it appears: its line over the charts and its swatch in the runs
 * list share one colour, dash and marker, picked by the run's palette slot (styleIndex).
 */
import { OKABE_ITO, SERIES_MARKERS, type SeriesStyle } from '../../ui/palette';

/**
 * Overlay colours: the same Okabe-Ito hues, in the order the charts' own series use least (sky
 * blue is no chart's own line; vermillion and blue, the first series everywhere, come last).
 */
export const OVERLAY_COLOURS = [
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.blue,
] as const;

/** Overlays are dashed (the run on screen is the solid line) in the run's own palette slot. */
const OVERLAY_DASHES = ['9 5', '2 4', '12 4 3 4', '6 3', '1 3', '14 6'] as const;

export function overlayStyle(styleIndex: number): SeriesStyle {
  const n = OVERLAY_COLOURS.length;
  const i = ((styleIndex % n) + n) % n;
  return { colour: OVERLAY_COLOURS[i], dash: OVERLAY_DASHES[i], marker: SERIES_MARKERS[i] };
}
