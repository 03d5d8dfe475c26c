/**
 * The contamination slider's log scale. The interesting range spans three and a half decades
 * (0.1% of D0 to 400%), so a linear slider would crush everything below 10% into its first
 * pixels; on a log scale 0.1%, 1%, 10% and 100% sit at even spacing.
 */

export interface LogScale {
  min: number;
  max: number;
  /** Slider positions run 0..steps (integers, so the native range input and keyboard work). */
  steps: number;
}

/** Two significant figures: what a percentage readout can show, and what makes 1% round-trip to 1%. */
export function roundSignificant(value: number, digits = 2): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** (digits - 1 - magnitude);
  return Math.round(value * factor) / factor;
}

/** The slider position of a value (values outside the scale land on its ends). */
export function valueToPosition(value: number, scale: LogScale): number {
  const clamped = Math.min(scale.max, Math.max(scale.min, value));
  const t = Math.log(clamped / scale.min) / Math.log(scale.max / scale.min);
  return Math.round(t * scale.steps);
}

/** The value at a slider position, rounded to two significant figures and kept within the scale. */
export function positionToValue(position: number, scale: LogScale): number {
  const t = Math.min(1, Math.max(0, position / scale.steps));
  const raw = scale.min * (scale.max / scale.min) ** t;
  return Math.min(scale.max, Math.max(scale.min, roundSignificant(raw)));
}
