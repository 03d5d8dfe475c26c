import { describe, expect, it } from 'vitest';
import {
  foldTheoryEvent,
  INITIAL_RUN_STATE,
  progressText,
  runStarted,
} from '../../../src/app/theory/shared/run-state';
import { EVAL_FLOOR, paradigmNote, summaryLines } from '../../../src/app/theory/readouts';
import { NGRAM_EVAL_FLOOR } from '../../../src/engine/loop/families/ngram';
import { runLabel } from '../../../src/app/theory/shared/theory-store';
import { THEORY_PROTOCOL_VERSION } from '../../../src/worker/theory-protocol';
import type { TheoryRecord } from '../../../src/engine/record';
import {
  DEFAULT_THEORY_SETTINGS,
  theoryConfig,
  type TheorySettings,
} from '../../../src/app/theory/shared/theory-settings';
import { runUnigramRecord } from '../../../src/worker/theory.worker';

/** The Theory view's settings, small enough for a unit test. */
function smallSettings(patch: Partial<TheorySettings> = {}): TheorySettings {
  return { ...DEFAULT_THEORY_SETTINGS, runs: 6, generations: 300, ...patch };
}

/** A record exactly as the worker would post it for these settings. */
const recordFor = (settings: TheorySettings): Promise<TheoryRecord> =>
  runUnigramRecord(theoryConfig(settings));

const v = THEORY_PROTOCOL_VERSION;

describe('the Theory view run state', () => {
  it("folds progress and the result of the current run; ignores other runs' events", async () => {
    const settings = smallSettings();
    let s = runStarted(INITIAL_RUN_STATE, 3, settings, 1000);
    expect(s.total).toBe(settings.runs * settings.generations);
    expect(foldTheoryEvent(s, { type: 'progress', version: v, runId: 2, done: 5, total: 9 }, 1010)).toBe(s);
    s = foldTheoryEvent(s, { type: 'progress', version: v, runId: 3, done: 900, total: 1800 }, 1010);
    expect(progressText(s)).toMatch(/50%/);
    const record = await recordFor(settings);
    s = foldTheoryEvent(s, { type: 'result', version: v, runId: 3, record }, 1400);
    expect(s.status).toBe('done');
    expect(s.record).toBe(record);
    expect(s.recordSettings).toBe(settings);
    expect(s.elapsedMs).toBe(400);
    expect(progressText(s)).toMatch(/6 runs × 300 generations in 0\.4 s/);
  });

  it('keeps the last record through a failure, and a worker-level error (runId null) reaches any run', async () => {
    const settings = smallSettings();
    const record = await recordFor(settings);
    let s = foldTheoryEvent(
      runStarted(INITIAL_RUN_STATE, 1, settings, 0),
      { type: 'result', version: v, runId: 1, record },
      5,
    );
    s = runStarted(s, 2, settings, 10);
    s = foldTheoryEvent(s, { type: 'error', version: v, runId: null, message: 'worker failed' }, 20);
    expect(s.status).toBe('error');
    expect(s.record).toBe(record);
    expect(progressText(s)).toMatch(/worker failed/);
  });

  it('summary lines name the real share, the drift milestone and the fixation summary', async () => {
    const settings = smallSettings({ contribution: 1, paradigm: 'replace' });
    const lines = summaryLines(await recordFor(settings), settings);
    expect(lines[0]).toMatch(/^Real text is 0% of the corpus after 300 generations/);
    expect(lines.some((l) => /drifted 0\.25|not yet drifted 0\.25/.test(l))).toBe(true);
    expect(lines.some((l) => /single character/.test(l))).toBe(true);
    // Lost characters are what a held-out perplexity of the count model would floor.
    expect(
      lines.some((l) =>
        /probability 0 to characters that make up \d.*evaluation floor \(probability 1e-6, 13\.8 nats/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(EVAL_FLOOR).toBe(NGRAM_EVAL_FLOOR);
    expect(paradigmNote({ ...settings, paradigm: 'accumulate-subsample', alpha: 0 })).toMatch(/bounded/);
    expect(runLabel({ ...settings, contribution: 0.001, alpha: 0.1 })).toBe('replace, 0.1%, α = 0.1');
  });
});
