import { describe, expect, it } from 'vitest';
import type { ContaminationSweep } from '../../../src/engine/theory/contamination-sweep';
import { runSweepRequest, type SweepRequest } from '../../../src/app/theory/sweep/sweep-job';
import type { SweepEvent } from '../../../src/app/theory/sweep/sweep-protocol';
import { powerTicks, sweepRows, sweepSummary, timeDomain } from '../../../src/app/theory/sweep/sweep-rows';
import { DEFAULT_SWEEP_PARAMS, parseLambdas } from '../../../src/app/theory/sweep/sweep-settings';
import {
  foldSweepEvent,
  INITIAL_SWEEP_RUN,
  sweepCancelled,
  sweepStarted,
  sweepStatusText,
} from '../../../src/app/theory/sweep/sweep-store';
import { listen } from '../../../src/app/theory/sweep/sweep.worker';

const request: SweepRequest = {
  realChars: 2000,
  lambdas: [1, 0.1],
  tvLevel: 0.2,
  realShareLevel: 0.5,
  bias: 0.15,
  runs: 4,
};

describe('the typed list of shares', () => {
  it('reads commas, spaces, semicolons and percentages, largest first, without repeats', () => {
    expect(parseLambdas(DEFAULT_SWEEP_PARAMS.lambdasText)).toEqual({
      lambdas: [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01],
    });
    expect(parseLambdas('10% 0.5;0.1, 1%')).toEqual({ lambdas: [0.5, 0.1, 0.01] });
  });

  it('says what is wrong with a list it cannot use', () => {
    expect(parseLambdas('  ')).toEqual({ error: expect.stringMatching(/at least one/) });
    expect(parseLambdas('0.1, x')).toEqual({ error: expect.stringMatching(/“x” is not a number/) });
    expect(parseLambdas('2')).toEqual({ error: expect.stringMatching(/outside/) });
    expect(parseLambdas('0.0001')).toEqual({ error: expect.stringMatching(/outside/) });
    expect(parseLambdas(Array.from({ length: 13 }, (_, i) => (i + 1) / 100).join(','))).toEqual({
      error: expect.stringMatching(/At most 12/),
    });
  });
});

describe('a sweep as the view asks for it', () => {
  let sweep: ContaminationSweep;

  it("runs on the view's corpus, and its rows, axis and summary read it", async () => {
    sweep = await runSweepRequest(request);
    expect(sweep.replace.map((p) => p.lambda)).toEqual([1, expect.closeTo(0.1, 3)]);
    const rows = sweepRows(sweep, 'tv');
    expect(rows.map((r) => r.lambda)).toEqual([0.1, 1]); // the shares asked for, smallest first, for the x axis
    expect(rows[0].replaceMedian).toBe(sweep.replace[1].tv.median);
    expect(rows[0].accumulateLaw).toBe(sweep.accumulateSubsample[1].tv.predicted);
    const [lo, hi] = timeDomain(rows);
    for (const r of rows)
      for (const v of [r.replaceMedian, r.accumulateMedian, ...(r.replaceBand ?? [])])
        if (v !== null) expect(v >= lo && v <= hi).toBe(true);
    expect(powerTicks([1, 1000])).toEqual([1, 10, 100, 1000]);
    const lines = sweepSummary(sweep, 'tv');
    expect(lines[0]).toMatch(
      /^Replace: the corpus had drifted 0.2 .* times as long for 10 times less contamination/,
    );
    expect(lines[1]).toMatch(/b = 0.15/);
    expect(sweepSummary(sweep, 'realShare')[0]).toMatch(/real text was under 50% of the corpus/);
  });

  it('the worker answers a sweep with progress and its result, and drops a cancelled one', async () => {
    const events: SweepEvent[] = [];
    const scope = {
      postMessage: (e: SweepEvent) => events.push(e),
      onmessage: null as ((e: MessageEvent<unknown>) => void) | null,
    };
    listen(scope);
    const send = (data: unknown) => scope.onmessage?.({ data } as MessageEvent<unknown>);
    send({ type: 'sweep', id: 1, request: { ...request, lambdas: [0.01], runs: 2 } });
    send({ type: 'cancel', id: 1 });
    send({ type: 'sweep', id: 2, request: { ...request, lambdas: [1], runs: 2 } });
    send('nonsense');
    await new Promise((resolve) => {
      const poll = () => (events.some((e) => e.type === 'result') ? resolve(null) : setTimeout(poll, 20));
      poll();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.find((e) => e.type === 'error')).toMatchObject({ id: null });
    expect(events.filter((e) => e.type === 'result').map((e) => e.id)).toEqual([2]);
    expect(events.filter((e) => e.type === 'progress' && e.id === 2).at(-1)).toMatchObject({
      done: 4,
      total: 4,
    });
  });
});

describe("the sweep's run state", () => {
  it('folds events of the current sweep only, keeps the last result through a failure, and says where it is', () => {
    const fake = { replace: [{}], runs: 3 } as unknown as ContaminationSweep;
    let s = sweepStarted(INITIAL_SWEEP_RUN, 1, request, 0);
    expect(sweepStatusText(s)).toMatch(/preparing/);
    s = foldSweepEvent(s, { type: 'progress', id: 1, done: 2, total: 8 }, 5);
    expect(sweepStatusText(s)).toBe('Sweeping: 2 of 8 runs.');
    expect(foldSweepEvent(s, { type: 'progress', id: 7, done: 5, total: 8 }, 6)).toBe(s);
    s = foldSweepEvent(s, { type: 'result', id: 1, sweep: fake }, 2000);
    expect(s).toMatchObject({ status: 'done', sweep: fake, request, elapsedMs: 2000 });
    expect(sweepStatusText(s)).toMatch(/1 contamination levels × 3 runs .* in 2\.0 s/);
    s = sweepStarted(s, 2, request, 3000);
    s = foldSweepEvent(s, { type: 'error', id: null, message: 'worker failed' }, 3100);
    expect(s.sweep).toBe(fake);
    expect(sweepStatusText(s)).toMatch(/worker failed/);
    expect(sweepCancelled(sweepStarted(s, 3, request, 0)).status).toBe('cancelled');
  });
});
