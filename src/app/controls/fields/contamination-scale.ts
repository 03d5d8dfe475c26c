import type { LogScale } from './log-scale';
import { fieldBounds } from './settings-fields';

const bounds = fieldBounds('contamination');

/**
 * The log scale the settings registry gives contamination: 0.1% .. 400% of D0 (the schema's
 * range) in 1,000 steps: about 0.8% apart, finer than the readout.
 */
export const CONTAMINATION_SCALE: LogScale = { min: bounds.min, max: bounds.max, steps: 1000 };
