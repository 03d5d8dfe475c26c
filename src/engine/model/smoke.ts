import * as tf from '@tensorflow/tfjs';
import { createRng } from '../rng';
import { documentsToStream } from './train/batches';
import { DEFAULT_ADAMW } from './train/adamw';
import { createGpt } from './gpt';
import { sampleDocuments, type SamplerKind } from './infer/sample';
import { Trainer } from './train/trainer';

export interface SmokeResult {
  /** Batch losses of the training steps on the backend under test. */
  losses: number[];
  /** The same steps on the cpu reference (empty when cpu is the backend under test). */
  referenceLosses: number[];
  sampledSymbols: number;
}

/** Training steps compared: enough for a wrong update to show in the loss. */
const STEPS = 4;
/** Float32 on GPUs differs from cpu by far less than this; a broken kernel by far more. */
const TOLERANCE = 2e-3;

/** Trains the smoke model for a few steps and samples from it, on the current backend. */
async function trainAndSample(sampler: SamplerKind): Promise<{ losses: number[]; sampledSymbols: number }> {
  const rng = createRng('smoke');
  // One block already has 18 variables: more than WebGPU's 8 storage buffers per shader, so an
  // op over all gradients at once would be caught here.
  const shape = { vocabSize: 8, contextLength: 8, layers: 1, heads: 2, width: 8, mlpRatio: 2 };
  const model = createGpt(shape, rng.split('init'));
  const trainer = new Trainer(
    model,
    { steps: STEPS, batchSize: 2, learningRate: 1e-2, warmupSteps: 0, reportEvery: 1, adamw: DEFAULT_ADAMW },
    rng.split('train'),
  );
  try {
    const stream = documentsToStream([Int32Array.from([2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7])]);
    const losses: number[] = [];
    for (let i = 0; i < STEPS; i++) {
      const loss = trainer.step(stream);
      losses.push((await loss.data())[0]);
      loss.dispose();
    }
    const sampled = await sampleDocuments(
      model,
      { count: 2, maxLength: 2, decoding: { temperature: 1, topK: 0, topP: 1 }, sampler },
      rng.split('sample'),
    );
    for (const d of sampled.documents)
      for (const s of d)
        if (!(s >= 0 && s < shape.vocabSize)) throw new Error(`the sampler emitted symbol ${s}`);
    return { losses, sampledSymbols: sampled.documents.reduce((n, d) => n + d.length, 0) };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

/**
 * Runs the model's own op set on the current backend: a few training steps (forward,
 * gradients, AdamW update) and a sampling step, and compares the losses with the cpu
 * backend's. Throws if a kernel is missing, a loss is not finite, or the losses drift from the
 * reference: a missing kernel on WebGPU throws, but a wrong one (an invalid pipeline) only
 * shows as wrong numbers.
 */
export async function runModelSmokeTest(sampler: SamplerKind = 'kv-cache'): Promise<SmokeResult> {
  const backend = tf.getBackend();
  const result = await trainAndSample(sampler);
  const bad = result.losses.find((l) => !Number.isFinite(l));
  if (bad !== undefined) throw new Error(`training gave a non-finite loss (${bad})`);
  if (backend === 'cpu' || !tf.findBackendFactory('cpu')) return { ...result, referenceLosses: [] };
  await tf.setBackend('cpu');
  let reference: number[];
  try {
    reference = (await trainAndSample(sampler)).losses;
  } finally {
    await tf.setBackend(backend);
  }
  const worst = Math.max(...result.losses.map((l, i) => Math.abs(l - reference[i])));
  if (worst > TOLERANCE) {
    throw new Error(
      `training gives wrong numbers here (loss off by ${worst.toExponential(1)} from the cpu reference)`,
    );
  }
  return { ...result, referenceLosses: reference };
}
