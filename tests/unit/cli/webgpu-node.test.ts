/**
 * The engine's WebGPU path, headless in Node: Dawn (the `webgpu` package) on Chromium's
 * SwiftShader Vulkan driver, found by src/cli/webgpu-node.ts. CI installs chromium (.ci/run), so
 * this runs there. Without an adapter the test fails when Chromium's driver is on the machine
 * (Dawn should have used it) and is skipped, with the reason printed, only when it is absent.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseNodeBackend } from '../../../src/cli/tf-node';
import {
  findSwiftShaderIcd,
  installNodeWebGpu,
  releaseNodeWebGpu,
  type NodeWebGpu,
} from '../../../src/cli/webgpu-node';
import { documentsToStream } from '../../../src/engine/model/train/batches';
import { modelShape } from '../../../src/engine/model/shape';
import { createGpt } from '../../../src/engine/model/gpt';
import { sampleDocuments } from '../../../src/engine/model/infer/sample';
import { DEFAULT_TRAINING, Trainer } from '../../../src/engine/model/train/trainer';
import { createRng } from '../../../src/engine/rng';

/** The backend check's tolerance (src/engine/model/smoke.ts): float32 on a GPU is far closer. */
const TOLERANCE = 2e-3;
const STEPS = 3;
const VOCAB = 12;

let webgpu: NodeWebGpu | undefined;
let failure: string | undefined;
const icd = findSwiftShaderIcd();

beforeAll(async () => {
  try {
    webgpu = await installNodeWebGpu();
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
});

afterAll(async () => {
  await tf.setBackend('cpu');
  releaseNodeWebGpu(); // Dawn keeps the process alive while a device is referenced
});

/** The micro model trained STEPS steps (batch 4) on the current backend, then 2 x 6 symbols sampled. */
async function trainMicro(): Promise<{ losses: number[]; sampled: Int32Array[] }> {
  const rng = createRng('webgpu-node');
  const model = createGpt(modelShape('micro', VOCAB), rng.split('init'));
  const trainer = new Trainer(
    model,
    { ...DEFAULT_TRAINING, steps: STEPS, batchSize: 4, warmupSteps: 0 },
    rng.split('train'),
  );
  try {
    const text = Int32Array.from({ length: 400 }, (_, i) => 2 + ((i * 7 + (i >> 3)) % (VOCAB - 2)));
    const stream = documentsToStream([text]);
    const losses: number[] = [];
    for (let i = 0; i < STEPS; i++) {
      const loss = trainer.step(stream);
      losses.push((await loss.data())[0]);
      loss.dispose();
    }
    const { documents } = await sampleDocuments(
      model,
      {
        count: 2,
        maxLength: 6,
        decoding: { temperature: 1, topK: 0, topP: 1 },
        batchSize: 2,
        stopAtEod: false,
        sampler: 'kv-cache',
      },
      rng.split('sample'),
    );
    return { losses, sampled: documents };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

describe('WebGPU in Node (Dawn)', () => {
  it('passes the backend check, trains micro like cpu and samples valid symbols', async (ctx) => {
    if (!webgpu) {
      if (icd)
        throw new Error(
          `Chromium's SwiftShader Vulkan driver is here (${icd}) but Dawn gave no WebGPU adapter: ${failure}`,
        );
      const reason = `no WebGPU adapter and no Chromium SwiftShader driver (vk_swiftshader_icd.json) on this machine; apt-get install chromium to run this test (${failure})`;
      console.warn(`SKIPPED webgpu-node: ${reason}`);
      ctx.skip(reason);
      return;
    }

    const choice = await chooseNodeBackend('webgpu'); // the capability check against cpu
    expect(choice.rejected).toEqual([]);
    expect(choice.backend).toBe('webgpu');
    expect(choice.summary).toMatch(/WebGPU through Dawn/);

    const gpu = await trainMicro();
    expect(tf.getBackend()).toBe('webgpu');
    await tf.setBackend('cpu');
    const cpu = await trainMicro();

    const worst = Math.max(...gpu.losses.map((l, i) => Math.abs(l - cpu.losses[i])));
    console.info(
      `webgpu-node: ${webgpu.description}; micro losses ${gpu.losses.map((l) => l.toFixed(4)).join(', ')}, at most ${worst.toExponential(1)} from cpu`,
    );
    expect(gpu.losses).toHaveLength(STEPS);
    gpu.losses.forEach((l, i) => {
      expect(Number.isFinite(l)).toBe(true);
      expect(Math.abs(l - cpu.losses[i])).toBeLessThan(TOLERANCE);
    });
    expect(gpu.sampled).toHaveLength(2);
    for (const doc of gpu.sampled) {
      expect(doc.length).toBeGreaterThan(0);
      for (const s of doc) expect(s >= 0 && s < VOCAB && Number.isInteger(s)).toBe(true);
    }
  });
});
