import { createRng } from '../rng';
import { documentsToStream } from './batches';
import { DEFAULT_ADAMW } from './adamw';
import { createGpt } from './gpt';
import { sampleDocuments, type SamplerKind } from './sample';
import { Trainer } from './trainer';

export interface SmokeResult {
  loss: number;
  sampledSymbols: number;
}

/**
 * Runs the model's own op set once on the current backend: one training step (forward,
 * gradients, AdamW update) and one sampling step. Throws if a kernel is missing or the loss is
 * not finite. The backend chooser uses it because a missing kernel on WebGPU throws instead of
 * falling back, and a wrong one shows up as NaN.
 */
export async function runModelSmokeTest(sampler: SamplerKind = 'kv-cache'): Promise<SmokeResult> {
  const rng = createRng('smoke');
  const shape = { vocabSize: 8, contextLength: 8, layers: 1, heads: 2, width: 8, mlpRatio: 2 };
  const model = createGpt(shape, rng.split('init'));
  const trainer = new Trainer(model, { steps: 1, batchSize: 2, learningRate: 1e-3, warmupSteps: 0, reportEvery: 1, adamw: DEFAULT_ADAMW }, rng.split('train'));
  try {
    const stream = documentsToStream([Int32Array.from([2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6, 7])]);
    const loss = trainer.step(stream);
    const value = (await loss.data())[0];
    loss.dispose();
    if (!Number.isFinite(value)) throw new Error(`training step gave a non-finite loss (${value})`);
    const sampled = await sampleDocuments(
      model,
      { count: 2, maxLength: 2, decoding: { temperature: 1, topK: 0, topP: 1 }, sampler },
      rng.split('sample'),
    );
    for (const d of sampled.documents) for (const s of d) if (!(s >= 0 && s < shape.vocabSize)) throw new Error(`sampler emitted symbol ${s}`);
    return { loss: value, sampledSymbols: sampled.documents.reduce((n, d) => n + d.length, 0) };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}
