import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import type { RunCheckpoint, SimulationEvent } from '../../../src/engine/loop/types';
import type { GenerationReport } from '../../../src/engine/record';
import { compactBacklog, etaSeconds, foldRunAll } from '../../../src/app/store/fold-run';
import { IDLE_RUN, type RunInput } from '../../../src/app/store/live-run';
import { PROTOCOL_VERSION } from '../../../src/worker/simulation-protocol';

const loop = (event: SimulationEvent): RunInput => ({ type: 'loop', version: PROTOCOL_VERSION, event });
const report = (generation: number, durationMs = 1000): GenerationReport =>
  ({
    generation,
    perplexity: 5 + generation,
    durationMs,
    samples: [`sample ${generation}`],
    promptSamples: [],
  }) as unknown as GenerationReport;

const started: RunInput[] = [
  { type: 'start-requested', config: { ...DEFAULT_CONFIG, generations: 4 }, at: 0 },
  {
    type: 'ready',
    version: PROTOCOL_VERSION,
    backend: 'wasm',
    rejected: [],
    summary: 'Using wasm.',
    sampler: 'kv-cache',
  },
  loop({
    type: 'runStarted',
    config: { ...DEFAULT_CONFIG, generations: 4 },
    vocabulary: ['a', 'b', 'c'],
    realChars: 100,
    heldOutChars: 50,
    realSamples: ['real'],
  }),
  loop({ type: 'baseline', perplexity: 60, nllPerChar: Math.log(60) }),
];

describe('foldRun', () => {
  it('follows a run: backend, baseline, phases, the loss curve, finished generations', () => {
    const run = foldRunAll(
      IDLE_RUN,
      [
        ...started,
        loop({ type: 'phase', generation: 0, phase: 'training' }),
        loop({
          type: 'trainStep',
          generation: 0,
          step: 5,
          totalSteps: 300,
          loss: 3.2,
          learningRate: 0.01,
          tokensPerSec: 1000,
        }),
        loop({
          type: 'trainStep',
          generation: 0,
          step: 10,
          totalSteps: 300,
          loss: 2.9,
          learningRate: 0.01,
          tokensPerSec: 1000,
        }),
        loop({ type: 'generationDone', report: report(0), nStar: null }),
        loop({ type: 'phase', generation: 1, phase: 'sampling-corpus' }),
      ],
      5000,
    );
    expect(run.status).toBe('running');
    expect(run.backend?.name).toBe('wasm');
    expect(run.baseline?.perplexity).toBe(60);
    expect(run.generations.map((g) => g.generation)).toEqual([0]);
    expect(run.current).toMatchObject({ generation: 1, phase: 'sampling-corpus', step: 0 });
    expect(run.lossCurve).toEqual([]); // a new generation starts a new loss curve
    expect(run.realSamples).toEqual(['real']);
  });

  it('keeps every finished generation when the worker crashes or the user stops', () => {
    const base = [
      ...started,
      loop({ type: 'generationDone', report: report(0), nStar: null }),
      loop({ type: 'generationDone', report: report(1), nStar: null }),
    ];
    const crashed = foldRunAll(
      IDLE_RUN,
      [...base, { type: 'worker-crashed', message: 'the simulation worker failed' }],
      0,
    );
    expect(crashed.status).toBe('failed');
    expect(crashed.error).toMatch(/worker failed/);
    expect(crashed.generations).toHaveLength(2);
    const stopped = foldRunAll(IDLE_RUN, [...base, { type: 'stopped-by-user' }], 0);
    expect(stopped.status).toBe('stopped');
    expect(stopped.generations).toHaveLength(2);
  });

  it('pause and resume change the status; a loop error is shown with what finished', () => {
    const paused = foldRunAll(IDLE_RUN, [...started, { type: 'paused-by-user' }], 0);
    expect(paused.status).toBe('paused');
    expect(foldRunAll(paused, [{ type: 'resumed-by-user' }], 0).status).toBe('running');
    const failed = foldRunAll(
      IDLE_RUN,
      [
        ...started,
        loop({ type: 'generationDone', report: report(0), nStar: null }),
        loop({ type: 'error', message: 'training diverged', generation: 1 }),
      ],
      0,
    );
    expect(failed).toMatchObject({ status: 'failed', error: 'training diverged' });
    expect(failed.generations).toHaveLength(1);
  });

  it('estimates the time left from finished generations', () => {
    const run = foldRunAll(
      IDLE_RUN,
      [
        ...started,
        loop({ type: 'phase', generation: 0, phase: 'training' }),
        loop({ type: 'generationDone', report: report(0, 10_000), nStar: null }),
        loop({ type: 'phase', generation: 1, phase: 'training' }),
      ],
      20_000,
    );
    // 3 generations left at 10 s each, 4 s into the current one.
    expect(etaSeconds(run, 24_000)).toBeCloseTo(26, 5);
    expect(etaSeconds(IDLE_RUN, 0)).toBeNull();
  });

  it('keeps the latest checkpoint; after a worker crash, resuming from it keeps the finished generations and goes on', () => {
    const checkpoint = (nextGeneration: number) =>
      ({
        nextGeneration,
        config: { ...DEFAULT_CONFIG, generations: 4 },
        nStar: null,
        baseline: { perplexity: 60, nllPerChar: 4 },
      }) as unknown as RunCheckpoint;
    const crashed = foldRunAll(
      IDLE_RUN,
      [
        ...started,
        loop({ type: 'checkpoint', checkpoint: checkpoint(0) }),
        loop({ type: 'generationDone', report: report(0), nStar: null }),
        loop({ type: 'checkpoint', checkpoint: checkpoint(1) }),
        loop({ type: 'phase', generation: 1, phase: 'training' }),
        loop({
          type: 'trainStep',
          generation: 1,
          step: 5,
          totalSteps: 300,
          loss: 3.2,
          learningRate: 0.01,
          tokensPerSec: 1000,
        }),
        { type: 'worker-crashed', message: 'the simulation worker stopped: out of memory' },
      ],
      0,
    );
    expect(crashed).toMatchObject({
      status: 'failed',
      error: 'the simulation worker stopped: out of memory',
    });
    expect(crashed.checkpoint?.nextGeneration).toBe(1);
    const resumed = foldRunAll(
      crashed,
      [
        { type: 'resume-requested', checkpoint: crashed.checkpoint as RunCheckpoint, at: 10 },
        {
          type: 'ready',
          version: PROTOCOL_VERSION,
          backend: 'wasm',
          rejected: [],
          summary: 'Using wasm.',
          sampler: 'kv-cache',
        },
        loop({
          type: 'runStarted',
          config: { ...DEFAULT_CONFIG, generations: 4 },
          vocabulary: ['a', 'b', 'c'],
          realChars: 100,
          heldOutChars: 50,
          realSamples: ['real'],
        }),
        loop({ type: 'phase', generation: 1, phase: 'training' }),
      ],
      20,
    );
    expect(resumed.status).toBe('running');
    expect(resumed.error).toBeNull();
    expect(resumed.generations.map((g) => g.generation)).toEqual([0]);
    expect(resumed.baseline?.perplexity).toBe(60);
    // The interrupted generation starts over: its old loss curve is gone.
    expect(resumed.current).toMatchObject({ generation: 1, phase: 'training', step: 0 });
    expect(resumed.lossCurve).toEqual([]);
    // A new run forgets the old checkpoint.
    expect(
      foldRunAll(resumed, [{ type: 'start-requested', config: DEFAULT_CONFIG, at: 30 }], 30).checkpoint,
    ).toBeNull();
  });

  it('a backlog from a hidden tab, compacted, folds to what the whole backlog shows', () => {
    const backlog: RunInput[] = [...started];
    for (let g = 0; g < 3; g++) {
      backlog.push(loop({ type: 'phase', generation: g, phase: 'training' }));
      for (let step = 1; step <= 2000; step++) {
        backlog.push(
          loop({
            type: 'trainStep',
            generation: g,
            step,
            totalSteps: 2000,
            loss: 4 - step / 1000,
            learningRate: 0.01,
            tokensPerSec: 1000,
          }),
        );
      }
      backlog.push(loop({ type: 'phase', generation: g, phase: 'generating' }));
      for (let done = 100; done <= 5000; done += 100)
        backlog.push(loop({ type: 'phase', generation: g, phase: 'generating', done, total: 5000 }));
      backlog.push(loop({ type: 'samples', generation: g, samples: [`s${g}`], promptSamples: [] }));
      backlog.push(loop({ type: 'notice', message: `note ${g}` }));
      backlog.push(loop({ type: 'generationDone', report: report(g), nStar: null }));
      backlog.push(
        loop({ type: 'checkpoint', checkpoint: { nextGeneration: g + 1 } as unknown as RunCheckpoint }),
      );
    }
    backlog.push(loop({ type: 'phase', generation: 3, phase: 'training' }));
    backlog.push(
      loop({
        type: 'trainStep',
        generation: 3,
        step: 7,
        totalSteps: 2000,
        loss: 3,
        learningRate: 0.01,
        tokensPerSec: 1000,
      }),
    );
    const compacted = compactBacklog(backlog);
    expect(compacted.length).toBeLessThan(backlog.length / 4);
    const whole = foldRunAll(IDLE_RUN, backlog, 0);
    const folded = foldRunAll(IDLE_RUN, compacted, 0);
    expect(folded.generations).toEqual(whole.generations);
    expect(folded.notices).toEqual(whole.notices);
    expect(folded.checkpoint?.nextGeneration).toBe(3);
    expect(folded.current).toEqual(whole.current);
    expect(folded.lossCurve).toEqual(whole.lossCurve);
  });
});
