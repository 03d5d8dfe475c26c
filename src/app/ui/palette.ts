/**
 * Colours and line styles of the charts. Categorical series use the Okabe-Ito palette (safe for
 * the common colour-vision deficiencies); every series also gets its own dash pattern and marker
 * so overlapping lines stay distinguishable in greyscale and on a washed-out projector.
 */

/** Okabe & Ito (2008), "Color Universal Design". Black is left out: it vanishes in dark mode. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/**
 * Order of categorical line colours: mid-luminance hues first, readable on both the light and the
 * dark background (yellow is last: it disappears on white).
 */
export const SERIES_COLOURS = [
  OKABE_ITO.vermillion,
  OKABE_ITO.blue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
] as const;

/** Dash patterns, in step with SERIES_COLOURS: solid, dashed, dotted, dash-dot. */
export const SERIES_DASHES = ['', '9 5', '2 4', '12 4 3 4', '6 3', '1 3'] as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';
export const SERIES_MARKERS: readonly MarkerShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'cross',
  'star',
];

export interface SeriesStyle {
  colour: string;
  dash: string;
  marker: MarkerShape;
}

/** The i-th categorical series' colour, dash and marker (cycling past the palette's end). */
export function seriesStyle(index: number): SeriesStyle {
  const i = ((index % SERIES_COLOURS.length) + SERIES_COLOURS.length) % SERIES_COLOURS.length;
  return { colour: SERIES_COLOURS[i], dash: SERIES_DASHES[i], marker: SERIES_MARKERS[i] };
}

/** Human text in the provenance chart: fixed, and far in hue from the blue generation ramp. */
export const HUMAN_COLOUR = OKABE_ITO.orange;

/**
 * Sequential ramp for text written by generation 0, 1, 2, ...: one hue (blue), light to dark, so
 * order reads as lightness, which colour-blind readers perceive as well as anyone. Stops are
 * ColorBrewer "Blues" without either end: near-white vanishes on the light background and navy
 * on the dark one.
 */
const GENERATION_RAMP: readonly [number, number, number][] = [
  [0xc6, 0xdb, 0xef],
  [0x9e, 0xca, 0xe1],
  [0x6b, 0xae, 0xd6],
  [0x42, 0x92, 0xc6],
  [0x21, 0x71, 0xb5],
  [0x08, 0x51, 0x9c],
];

/** Colour of the origin at position t in [0, 1] along the generation ramp (0 = oldest). */
export function generationColour(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (GENERATION_RAMP.length - 1);
  const i = Math.min(GENERATION_RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [GENERATION_RAMP[i], GENERATION_RAMP[i + 1]];
  const channel = (k: number) =>
    Math.round(a[k] + (b[k] - a[k]) * f)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** Colour of the i-th of n generation columns (a single column takes the ramp's middle). */
export function generationColourAt(index: number, count: number): string {
  return generationColour(count <= 1 ? 0.5 : index / (count - 1));
}
