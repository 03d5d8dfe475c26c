/**
 * Okabe-Ito colours (safe under the common colour-vision deficiencies), one set per colour
 * scheme: blue #0072B2 is too dark on the dark background, so the dark set uses sky blue there.
 * Formula curves are also dashed, so they differ from simulated ones by more than hue.
 */
import { useSyncExternalStore } from 'react';

export interface TheoryPalette {
  simulated: string;
  band: string;
  formula: string;
  secondary: string;
  pins: readonly string[];
}

const LIGHT: TheoryPalette = {
  simulated: '#0072B2',
  band: '#56B4E9',
  formula: '#D55E00',
  secondary: '#009E73',
  pins: ['#E69F00', '#CC79A7', '#009E73', '#000000'],
};

const DARK: TheoryPalette = {
  simulated: '#56B4E9',
  band: '#56B4E9',
  formula: '#E69F00',
  secondary: '#009E73',
  pins: ['#F0E442', '#CC79A7', '#009E73', '#D55E00'],
};

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const isDark = () => window.matchMedia(QUERY).matches;

/** The palette for the colour scheme the page shows now (follows the system setting live). */
export function useTheoryPalette(): TheoryPalette {
  return useSyncExternalStore(subscribe, isDark, () => false) ? DARK : LIGHT;
}
