import { describe, expect, it } from 'vitest';
import { PARADIGMS, simulationConfigSchema } from '../../../src/engine/config/schema';
import { runTheory } from '../../../src/engine/theory/run-theory';
import { runUnigramRecord } from '../../../src/worker/theory.worker';
import {
  DEFAULT_THEORY_SETTINGS,
  theoryConfig,
  type TheorySettings,
} from '../../../src/app/theory/shared/theory-settings';

const smallSettings = (patch: Partial<TheorySettings> = {}): TheorySettings => ({
  ...DEFAULT_THEORY_SETTINGS,
  runs: 6,
  generations: 300,
  ...patch,
});

describe('the theory worker record', () => {
  it.each(PARADIGMS)(
    "%s: the view's config is valid and the worker's record is runTheory's, draw for draw",
    async (paradigm) => {
      const config = theoryConfig(
        smallSettings({ paradigm, contribution: 0.05, alpha: paradigm === 'accumulate' ? 0.1 : 0 }),
      );
      expect(simulationConfigSchema.safeParse(config).success).toBe(true);
      const [ours, engine] = await Promise.all([runUnigramRecord(config), runTheory(config)]);
      expect({ ...ours, seconds: 0 }).toEqual({ ...engine, seconds: 0 });
    },
  );

  it('a cancel stops it early with a partial record, or an error before the first run ends', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(
      runUnigramRecord(theoryConfig(smallSettings({ runs: 2, generations: 100_000 })), {
        signal: abort.signal,
      }),
    ).rejects.toThrow(/cancelled/);
  });
});
