import { DEFAULT_CONFIG } from '../../src/engine/config/defaults';
import type { SimulationConfig } from '../../src/engine/config/schema';
import { mergeConfig } from '../../src/engine/config/validate';
import { runSimulation } from '../../src/engine/loop/run';
import type { RunOptions, SimulationEvent } from '../../src/engine/loop/types';

/** A run small enough for CI: the micro transformer on a few thousand characters. */
export function microRunConfig(changes: Record<string, unknown> = {}): SimulationConfig {
  const micro = {
    generations: 4,
    corpus: { realChars: 4_000, heldOutChars: 1_500 },
    model: { size: 'micro' },
    training: { steps: 40, batchSize: 16, warmupSteps: 4 },
    sampling: { maxLength: 200 },
  };
  return mergeConfig(mergeConfig(DEFAULT_CONFIG, micro), changes) as SimulationConfig;
}

export async function collectEvents(
  config: SimulationConfig,
  options: RunOptions = {},
): Promise<SimulationEvent[]> {
  const events: SimulationEvent[] = [];
  for await (const e of runSimulation(config, options)) events.push(e);
  return events;
}

export const reportsOf = (events: SimulationEvent[]) =>
  events.flatMap((e) => (e.type === 'generationDone' ? [e.report] : []));
