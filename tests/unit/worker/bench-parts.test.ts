/** The benchmark page's worker parts that run in Node too: its budgets and its naive sampler. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { timeNaiveSampling } from '../../../src/bench/naive-sampler';
import { parseBackendList, planFor } from '../../../src/bench/plan';
import { createGpt } from '../../../src/engine/model/gpt';
import { createRng } from '../../../src/engine/rng';

describe('benchmark budgets', () => {
  it('reads --backends as a subset in the benchmark order, all four by default', () => {
    expect(parseBackendList('cpu, WASM')).toEqual(['wasm', 'cpu']);
    expect(parseBackendList(null)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(() => parseBackendList('wasm,tpu')).toThrow(
      /unknown backend tpu \(choose from webgpu, webgl, wasm, cpu\)/,
    );
  });

  it('gives wasm the steps asked for, caps the software-rendered backends, and compares samplers only on GPUs', () => {
    expect(planFor('wasm', 40).timedSteps).toBe(40);
    expect(planFor('webgpu', 40).timedSteps).toBeLessThan(planFor('webgl', 40).timedSteps);
    expect(planFor('webgl', 1).timedSteps).toBe(1);
    expect(['webgpu', 'webgl', 'wasm', 'cpu'].filter((b) => planFor(b as 'wasm').naive)).toEqual([
      'webgpu',
      'webgl',
    ]);
    // The naive sampler is timed within one window of the tiny model (context 64).
    for (const b of ['webgpu', 'webgl'] as const) expect(planFor(b).fixedLength).toBeLessThan(64);
  });
});

describe('the naive sampler', () => {
  const shape = { vocabSize: 10, contextLength: 8, layers: 1, heads: 2, width: 8, mlpRatio: 2 };

  it('samples a growing prefix and leaves no tensor behind', async () => {
    await useNodeBackend('cpu');
    const before = tf.memory().numTensors;
    const model = createGpt(shape, createRng('naive').split('init'));
    const charsPerSec = await timeNaiveSampling(model, 3, 5, createRng('draw'));
    expect(charsPerSec).toBeGreaterThan(0);
    await expect(timeNaiveSampling(model, 3, 8, createRng('draw'))).rejects.toThrow(/within one window/);
    model.dispose(); // with the causal masks it keeps, one per prefix length seen
    expect(tf.memory().numTensors).toBe(before);
  });
});
