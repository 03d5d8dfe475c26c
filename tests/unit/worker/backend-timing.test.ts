import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import {
  chooseTimedBackend,
  rankTimings,
  timeBackends,
  timingOptionsFor,
} from '../../../src/worker/backend-timing';

// The micro shape keeps the timing itself to a fraction of a second per backend in Node.
const SHAPE = { vocabSize: 12, contextLength: 8, layers: 1, heads: 2, width: 8, mlpRatio: 2 };
const FAST = { shape: SHAPE, batchSize: 2, warmupSteps: 1, timedSteps: 2, sampleCount: 2, sampleLength: 4 };

describe('timing backends at start', () => {
  it('ranks every backend x sampler pair by the time a generation would take, fastest first', async () => {
    await useNodeBackend('wasm');
    const lines: string[] = [];
    const timing = await timeBackends(['wasm', 'cpu'], { ...FAST, onProgress: (l) => lines.push(l) });
    const pairs = timing.ranking.map((e) => `${e.backend}/${e.sampler}`).sort();
    expect(pairs).toEqual(['cpu/fixed-shape', 'cpu/kv-cache', 'wasm/fixed-shape', 'wasm/kv-cache']);
    expect(timing.failures).toEqual([]);
    expect(timing.winner).toBe(timing.ranking[0]);
    for (const e of timing.ranking) {
      expect(e.msPerStep).toBeGreaterThan(0);
      expect(e.charsPerSec).toBeGreaterThan(0);
    }
    const keys = timing.ranking.map((e) => e.secondsPerGeneration);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    // One line per training timing and per sampler timing, so a progress display can show them.
    expect(lines).toHaveLength(6);
  });

  it('disposes every tensor and hands back the backend that was active', async () => {
    await useNodeBackend('cpu');
    const before = tf.memory().numTensors;
    await timeBackends(['wasm', 'cpu'], FAST);
    await timeBackends(['wasm'], FAST);
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names a backend that cannot be timed and still ranks the others', async () => {
    await useNodeBackend('wasm');
    const timing = await timeBackends(['webgl', 'wasm'], { ...FAST, samplers: ['kv-cache'] });
    expect(timing.failures.map((f) => f.backend)).toEqual(['webgl']);
    expect(timing.failures[0].reason).toBeTruthy();
    expect(timing.ranking.map((e) => e.backend)).toEqual(['wasm']);
  });

  it('fails with every reason when no candidate can be timed', async () => {
    await useNodeBackend('wasm');
    await expect(timeBackends(['webgpu'], FAST)).rejects.toThrow(/no backend could be timed: webgpu: /);
  });
});

describe('ranking measured pairs', () => {
  const workload = { trainingSteps: 100, sampledChars: 1_000 };

  it('weighs a faster sampler against slower training by the workload', () => {
    const ranking = rankTimings(
      [
        { backend: 'wasm', sampler: 'kv-cache', msPerStep: 100, charsPerSec: 10_000 }, // 10 + 0.1 s
        { backend: 'webgl', sampler: 'fixed-shape', msPerStep: 20, charsPerSec: 100 }, // 2 + 10 s
        { backend: 'webgl', sampler: 'kv-cache', msPerStep: 20, charsPerSec: 1_000 }, // 2 + 1 s
      ],
      workload,
    );
    expect(ranking.map((e) => `${e.backend}/${e.sampler}`)).toEqual([
      'webgl/kv-cache',
      'wasm/kv-cache',
      'webgl/fixed-shape',
    ]);
    expect(ranking[0].secondsPerGeneration).toBeCloseTo(3);
  });

  it('puts a sampler that produced nothing last rather than dividing by zero', () => {
    const ranking = rankTimings(
      [
        { backend: 'cpu', sampler: 'kv-cache', msPerStep: 1, charsPerSec: 0 },
        { backend: 'wasm', sampler: 'kv-cache', msPerStep: 500, charsPerSec: 50 },
      ],
      workload,
    );
    expect(ranking.map((e) => e.backend)).toEqual(['wasm', 'cpu']);
    expect(Number.isFinite(ranking[1].secondsPerGeneration)).toBe(true);
  });
});

describe('timing options of a run', () => {
  it("time the run's model size and batch, and weigh by its steps and corpus size", () => {
    const config = {
      ...DEFAULT_CONFIG,
      model: { ...DEFAULT_CONFIG.model, size: 'micro' as const },
      training: { ...DEFAULT_CONFIG.training, steps: 120, batchSize: 16 },
    };
    const options = timingOptionsFor(config);
    expect(options.shape).toMatchObject({ contextLength: 32, layers: 1, width: 32 });
    expect(options.batchSize).toBe(16);
    expect(options.workload).toEqual({ trainingSteps: 120, sampledChars: config.corpus.realChars });
  });
});

describe('the timed choice at start', () => {
  it('checks every candidate, times those that pass (not cpu beside wasm), and leaves the winner active', async () => {
    await useNodeBackend('cpu');
    const choice = await chooseTimedBackend(['webgpu', 'wasm', 'cpu'], FAST);
    expect(choice.rejected.map((r) => r.backend)).toEqual(['webgpu']);
    expect(choice.timing.ranking.map((e) => e.backend)).toEqual(['wasm', 'wasm']);
    expect({ backend: choice.backend, sampler: choice.sampler }).toEqual({
      backend: choice.timing.winner.backend,
      sampler: choice.timing.winner.sampler,
    });
    expect(tf.getBackend()).toBe(choice.backend);
    expect(choice.summary).toMatch(
      new RegExp(`^Using ${choice.backend} with the ${choice.sampler} sampler, the fastest when timed \\(`),
    );
    expect(choice.summary).toMatch(/Passed over webgpu \(/);
  });

  it('times cpu when it is the only backend that passes', async () => {
    const choice = await chooseTimedBackend(['webgpu', 'cpu'], FAST);
    expect(choice.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('fails with every reason when no candidate passes the check', async () => {
    await expect(chooseTimedBackend(['webgpu'], FAST)).rejects.toThrow(
      /^no TensorFlow\.js backend works here: webgpu: /,
    );
  });
});
