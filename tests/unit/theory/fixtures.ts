import { mergeConfig, parseConfig } from '../../../src/engine/config/validate';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import type { SimulationConfig } from '../../../src/engine/config/schema';
import type { Band } from '../../../src/engine/record';

/** A small count-model config on tiny-tales (3,000 real characters), patched. */
export function theoryConfig(patch: Record<string, unknown> = {}): SimulationConfig {
  const base = mergeConfig(DEFAULT_CONFIG, {
    model: { family: 'ngram', ngramOrder: 0, ngramAlpha: 0 },
    corpus: { source: 'tiny-tales', realChars: 3000, heldOutChars: 1000 },
  });
  const result = parseConfig(mergeConfig(base, patch));
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config;
}

/** Every point of a band is a number, ordered p10 <= median <= p90. */
export function expectOrdered(band: Band): void {
  band.median.forEach((median, i) => {
    const p10 = band.p10[i];
    const p90 = band.p90[i];
    if (median === null || p10 === null || p90 === null) throw new Error(`band point ${i} is null`);
    if (!(p10 <= median && median <= p90))
      throw new Error(`band point ${i}: p10 ${p10}, median ${median}, p90 ${p90}`);
  });
}

export const num = (x: number | null | undefined): number => {
  if (x === null || x === undefined) throw new Error('expected a number');
  return x;
};
