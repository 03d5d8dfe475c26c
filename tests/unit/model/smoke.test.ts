import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { chooseBackend } from '../../../src/engine/backend';
import { runModelSmokeTest } from '../../../src/engine/model/smoke';

describe('backend capability check', () => {
  it('passes on wasm, matching the cpu reference step by step', async () => {
    await useNodeBackend('wasm');
    const result = await runModelSmokeTest();
    expect(result.losses).toHaveLength(4);
    expect(result.referenceLosses).toHaveLength(4);
    result.losses.forEach((l, i) => expect(Math.abs(l - result.referenceLosses[i])).toBeLessThan(2e-3));
    expect(tf.getBackend()).toBe('wasm'); // the reference ran on cpu and handed the backend back
  });

  it('rejects a backend whose updates are wrong, and falls back with the reason', async () => {
    await useNodeBackend('wasm');
    // A kernel that silently computes the wrong thing on wasm only (as WebGPU did with an
    // over-wide addN): Sub computes b - a, so the loss gradient (probabilities minus targets)
    // points the wrong way, the updates climb the loss and it drifts from cpu's. wasm must be
    // passed over.
    const original = tf.getKernel('Sub', 'wasm');
    if (!original) throw new Error('wasm has no Sub kernel to replace');
    tf.unregisterKernel('Sub', 'wasm');
    tf.registerKernel({
      ...original,
      kernelFunc: (args) => original.kernelFunc({ ...args, inputs: { a: args.inputs.b, b: args.inputs.a } }),
    });
    try {
      const choice = await chooseBackend(['wasm', 'cpu']);
      expect(choice.backend).toBe('cpu');
      expect(choice.rejected[0]).toMatchObject({ backend: 'wasm' });
      expect(choice.rejected[0].reason).toMatch(/wrong numbers/);
      expect(choice.summary).toMatch(/passed over wasm/);
    } finally {
      tf.unregisterKernel('Sub', 'wasm');
      tf.registerKernel(original);
    }
  });
});
