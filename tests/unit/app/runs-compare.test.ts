import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimulationConfig } from '../../../src/engine/config/schema';

// The compare drives the session's public API; here the session is a stand-in that records what
// it was asked and starts a run in the store, as the real one does before its worker reports.
const calls: { op: string; config?: SimulationConfig }[] = [];
let clock = 1;
vi.mock('../../../src/app/session/session', async () => {
  const { useAppStore } = await import('../../../src/app/store/app-store');
  return {
    changeSettings: (config: SimulationConfig) => {
      calls.push({ op: 'changeSettings', config });
      useAppStore.getState().setConfig(config, null);
    },
    startRun: () => {
      const { config } = useAppStore.getState();
      calls.push({ op: 'startRun', config });
      useAppStore.getState().applyRunInputs([{ type: 'start-requested', config, at: clock++ }], 0);
    },
  };
});

const { useAppStore } = await import('../../../src/app/store/app-store');
const { IDLE_RUN } = await import('../../../src/app/store/live-run');
const { COMPARE_PAIRS } = await import('../../../src/app/runs/compare/compare-pairs');
const { startCompare, useCompareStore } = await import('../../../src/app/runs/compare/compare-runner');
const { captureLiveRuns } = await import('../../../src/app/runs/kept/live-capture');
const { useRunsStore } = await import('../../../src/app/runs/kept/runs-store');
const { report } = await import('../../support/report-fixtures');

/** The run on screen finishes (as the worker's events would leave it). */
function finishRun(status: 'complete' | 'stopped') {
  useAppStore.setState((s) => ({ run: { ...s.run, status, generations: [report(0), report(1)] } }));
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('one-click compare', () => {
  beforeEach(() => {
    calls.length = 0;
    useAppStore.setState({ run: IDLE_RUN, ui: { ...useAppStore.getState().ui, messages: [] } });
    useRunsStore.getState().dispatch({ type: 'clear' });
    captureLiveRuns();
  });

  it('runs both settings one after the other with the same seed, then overlays the first on the second', async () => {
    const pair = COMPARE_PAIRS.find((p) => p.id === 'paradigm');
    if (!pair) throw new Error('no paradigm pair');
    startCompare(pair);
    expect(calls.filter((c) => c.op === 'startRun').map((c) => c.config?.paradigm)).toEqual(['replace']);
    expect(useCompareStore.getState()).toMatchObject({ pair, step: 1 });

    finishRun('complete');
    await tick();
    const started = calls.filter((c) => c.op === 'startRun').map((c) => c.config);
    expect(started.map((c) => c?.paradigm)).toEqual(['replace', 'accumulate']);
    expect(started[0]?.seed).toBe(started[1]?.seed);
    expect(useCompareStore.getState().step).toBe(2);

    finishRun('complete');
    const runs = useRunsStore.getState().runs;
    expect(runs.map((r) => [r.label, r.overlaid])).toEqual([
      ['Compare: replace', true],
      ['Compare: accumulate', false],
    ]);
    expect(useCompareStore.getState().pair).toBeNull();
    expect(useAppStore.getState().ui.messages.at(-1)).toMatch(
      /^Compare done: accumulate \(solid lines\) with replace overlaid/,
    );
  });

  it('ends with a note when the first run is stopped, without starting the second', async () => {
    startCompare(COMPARE_PAIRS[2]);
    finishRun('stopped');
    await tick();
    expect(calls.filter((c) => c.op === 'startRun')).toHaveLength(1);
    expect(useCompareStore.getState().pair).toBeNull();
    expect(useAppStore.getState().ui.messages.at(-1)).toMatch(/ended: temperature 1 was stopped/);
  });

  it('refuses to start while a run is going', () => {
    useAppStore
      .getState()
      .applyRunInputs([{ type: 'start-requested', config: useAppStore.getState().config, at: 999 }], 0);
    calls.length = 0;
    startCompare(COMPARE_PAIRS[0]);
    expect(calls).toEqual([]);
    expect(useAppStore.getState().ui.messages.at(-1)).toMatch(/^Stop the run that is going first/);
  });
});

describe('saved runs without storage', () => {
  it('a browser without IndexedDB gets a message, and the list keeps working', async () => {
    const { loadSavedRuns } = await import('../../../src/app/runs/kept/runs-store');
    await loadSavedRuns();
    expect(useRunsStore.getState().storageProblem).toMatch(
      /^Saved runs are unavailable \(reading: this browser offers no IndexedDB\)/,
    );
    useRunsStore.getState().dispatch({ type: 'clear' });
    expect(useRunsStore.getState().runs).toEqual([]);
  });
});
