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
    // over-wide addN): sqrt returns its input, so Adam's steps are off and the loss drifts
    // from cpu's. wasm must be passed over.
    const original = tf.getKernel('Sqrt', 'wasm');
    if (!original) throw new Error('wasm has no Sqrt kernel to replace');
    tf.unregisterKernel('Sqrt', 'wasm');
    tf.registerKernel({
      kernelName: 'Sqrt',
      backendName: 'wasm',
      kernelFunc: ({ inputs, backend }) => {
        const x = inputs.x as tf.TensorInfo;
        (backend as unknown as { incRef(id: object): void }).incRef(x.dataId);
        return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
      },
    });
    try {
      const choice = await chooseBackend(['wasm', 'cpu']);
      expect(choice.backend).toBe('cpu');
      expect(choice.rejected[0]).toMatchObject({ backend: 'wasm' });
      expect(choice.rejected[0].reason).toMatch(/wrong numbers/);
      expect(choice.summary).toMatch(/passed over wasm/);
    } finally {
      tf.unregisterKernel('Sqrt', 'wasm');
      tf.registerKernel(original);
    }
  });
});
