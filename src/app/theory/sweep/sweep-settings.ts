/**
 * What the contamination sweep's controls set: the shares lambda to try (typed as a list), the
 * two thresholds, the systematic error of the biased scenario and the number of seeds.
 */
import { DEFAULT_SWEEP_LAMBDAS } from '../../../engine/theory/contamination-sweep';

export interface SweepParams {
  /** The shares as the user typed them, e.g. "1, 0.5, 0.2" or "10%, 1%". */
  lambdasText: string;
  /** D: the total variation from the real law that counts as collapsed. */
  tvLevel: number;
  /** s: the real share that counts as used up. */
  realShareLevel: number;
  /** b: the first refit's drift of the biased accumulate-subsample scenario. */
  bias: number;
  runs: number;
}

export const DEFAULT_SWEEP_PARAMS: SweepParams = {
  lambdasText: DEFAULT_SWEEP_LAMBDAS.join(', '),
  tvLevel: 0.25,
  realShareLevel: 0.5,
  bias: 0.1,
  runs: 20,
};

export const TV_LEVEL_CHOICES = [0.1, 0.15, 0.2, 0.25, 0.3] as const;
export const REAL_SHARE_CHOICES = [0.5, 0.25, 0.1] as const;
export const BIAS_CHOICES = [0.05, 0.1, 0.15, 0.2] as const;
export const SWEEP_RUN_CHOICES = [10, 20, 50] as const;

/** Smallest share: at 0.1% a run takes tens of thousands of generations already. */
export const MIN_LAMBDA = 0.001;
/** More points than this crowd the axis and make the sweep slow. */
export const MAX_LAMBDAS = 12;

export type ParsedLambdas = { lambdas: number[] } | { error: string };

/**
 * "1, 0.5, 0.2" or "10% 1%" -> the shares, distinct, largest first; or why not. Commas,
 * semicolons and spaces separate; a trailing % divides by 100.
 */
export function parseLambdas(text: string): ParsedLambdas {
  const parts = text.split(/[\s,;]+/).filter((p) => p.length > 0);
  if (parts.length === 0) return { error: 'Type at least one share, e.g. 0.1.' };
  const values: number[] = [];
  for (const part of parts) {
    const percent = part.endsWith('%');
    const x = Number(percent ? part.slice(0, -1) : part) / (percent ? 100 : 1);
    if (!Number.isFinite(x)) return { error: `“${part}” is not a number.` };
    if (!(x >= MIN_LAMBDA && x <= 1))
      return { error: `${part} is outside ${MIN_LAMBDA} to 1 (0.1% to 100%).` };
    values.push(x);
  }
  const lambdas = [...new Set(values)].sort((a, b) => b - a);
  if (lambdas.length > MAX_LAMBDAS) return { error: `At most ${MAX_LAMBDAS} shares at a time.` };
  return { lambdas };
}
