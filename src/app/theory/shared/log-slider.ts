/**
 * The contribution slider is logarithmic: 0.1%, 1%, 10% and 100% sit equally far apart, because
 * the lesson is about orders of magnitude (ten times less generated text, ten times later
 * collapse under replace). A linear slider would squeeze 0.1%..1% into its first pixel.
 */

/** Smallest contribution the config accepts (contamination >= 0.001). */
export const MIN_CONTRIBUTION = 0.001;
export const MAX_CONTRIBUTION = 1;
/** Slider positions per factor of ten: fine enough to land on 2%, 5%, 20%... */
export const STEPS_PER_DECADE = 20;
export const SLIDER_MAX = Math.round(Math.log10(MAX_CONTRIBUTION / MIN_CONTRIBUTION) * STEPS_PER_DECADE);

/** Slider position (0..SLIDER_MAX) -> contribution, rounded to 2 significant digits so labels stay short. */
export function contributionAt(position: number): number {
  const p = Math.min(SLIDER_MAX, Math.max(0, Math.round(position)));
  const value = MIN_CONTRIBUTION * 10 ** (p / STEPS_PER_DECADE);
  return Math.min(MAX_CONTRIBUTION, Math.max(MIN_CONTRIBUTION, Number(value.toPrecision(2))));
}

/** Contribution -> nearest slider position (the inverse of contributionAt on its own values). */
export function positionOf(contribution: number): number {
  const c = Math.min(MAX_CONTRIBUTION, Math.max(MIN_CONTRIBUTION, contribution));
  return Math.round(Math.log10(c / MIN_CONTRIBUTION) * STEPS_PER_DECADE);
}

/** 0.001 -> "0.1%", 0.025 -> "2.5%", 1 -> "100%". */
export function formatPercent(share: number): string {
  const pct = share * 100;
  return `${Number(pct.toPrecision(2)).toLocaleString('en')}%`;
}
