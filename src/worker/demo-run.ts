/**
 * The early demo run, start to finish: choose a backend, build the text, measure an untrained
 * model, train the tiny model, measure it again and sample from it. It reports through `emit`
 * and owns every tensor it makes: the model and optimizer are disposed however the run ends.
 */
import * as tf from '@tensorflow/tfjs';
import { PLAIN_DECODING } from '../engine/decoding';
import { modelShape, parameterCount, type ModelShape } from '../engine/model/config';
import { perplexityOf, streamNll } from '../engine/model/evaluate';
import { createGpt } from '../engine/model/gpt';
import { sampleDocuments, type SamplerKind } from '../engine/model/sample';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/trainer';
import { createRng } from '../engine/rng';
import { chooseBrowserBackend } from './backend-choice';
import { buildDemoText } from './demo-text';
import type { BackendName, StartOptions, WorkerEventBody } from './protocol';

/**
 * Half of DEFAULT_TRAINING's 300 steps: about a minute of training on wasm on a two-core machine
 * (~330 ms per step there), long enough for the loss to fall from ~4 to well under 2 nats.
 */
export const DEMO_STEPS = 150;
export const DEMO_SEED = 1;
export const MAX_STEPS = 100_000;
const SAMPLE_COUNT = 4;
const SAMPLE_MAX_CHARS = 400;

export type Emit = (event: WorkerEventBody) => void;

/**
 * On WebGL and WebGPU every new tensor shape compiles shaders, so the fixed-shape sampler (one
 * shape for the whole run) is far faster there; kv-cache does less arithmetic on cpu and wasm.
 */
function samplerFor(backend: BackendName): SamplerKind {
  return backend === 'webgl' || backend === 'webgpu' ? 'fixed-shape' : 'kv-cache';
}

async function measureUntrained(shape: ModelShape, seed: number, heldOut: Int32Array): Promise<number> {
  const untrained = createGpt(shape, createRng(seed).split('init'));
  try {
    return perplexityOf(await streamNll(untrained, heldOut));
  } finally {
    untrained.dispose();
  }
}

export async function runDemo(options: StartOptions, emit: Emit, signal: AbortSignal): Promise<void> {
  const started = performance.now();
  const steps = options.steps ?? DEMO_STEPS;
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) {
    throw new RangeError(`steps must be a whole number from 1 to ${MAX_STEPS}, got ${steps}`);
  }
  const seed = options.seed ?? DEMO_SEED;

  emit({ type: 'phase', phase: 'choosing-backend' });
  const choice = await chooseBrowserBackend(options.backend);
  emit({ type: 'ready', backend: choice.backend, rejected: choice.rejected, summary: choice.summary });
  signal.throwIfAborted();

  emit({ type: 'phase', phase: 'preparing-text' });
  const text = buildDemoText(seed);
  const shape = modelShape('tiny', text.vocabulary.size);
  emit({
    type: 'corpus',
    corpus: {
      documents: text.documents,
      trainingChars: text.trainingChars,
      heldOutChars: text.heldOutChars,
      vocabSize: text.vocabulary.size,
      parameters: parameterCount(shape),
    },
  });

  const rng = createRng(seed);
  const tensorsBefore = tf.memory().numTensors;
  const model = createGpt(shape, rng.split('init'));
  const settings = { ...DEFAULT_TRAINING, steps, reportEvery: Math.min(5, steps) };
  const trainer = new Trainer(model, settings, rng.split('train'));
  const tokensPerStep = settings.batchSize * shape.contextLength;
  try {
    emit({ type: 'phase', phase: 'training' });
    await trainer.train(
      text.training,
      (p) => {
        emit({
          type: 'progress',
          step: p.step,
          totalSteps: p.totalSteps,
          loss: p.loss,
          tokensPerSec: p.tokensPerSec,
          msPerStep: (tokensPerStep * 1000) / Math.max(p.tokensPerSec, 1e-9),
        });
      },
      signal,
    );

    emit({ type: 'phase', phase: 'measuring-trained' });
    const trainedPerplexity = perplexityOf(await streamNll(model, text.heldOut));
    signal.throwIfAborted();

    // The random-init baseline of SCIENCE.md: the same architecture and seed, untrained. It is
    // rebuilt here rather than measured before training so the loss starts moving at once (on a
    // software GPU this measurement alone takes half a minute).
    emit({ type: 'phase', phase: 'measuring-untrained' });
    const untrainedPerplexity = await measureUntrained(shape, seed, text.heldOut);
    emit({ type: 'perplexity', untrainedPerplexity, trainedPerplexity });
    signal.throwIfAborted();

    emit({ type: 'phase', phase: 'sampling' });
    const sampled = await sampleDocuments(
      model,
      { count: SAMPLE_COUNT, maxLength: SAMPLE_MAX_CHARS, decoding: PLAIN_DECODING, sampler: samplerFor(choice.backend) },
      rng.split('sample'),
    );
    signal.throwIfAborted();
    emit({
      type: 'done',
      untrainedPerplexity,
      trainedPerplexity,
      samples: sampled.documents.map((d) => text.vocabulary.decode(d, { dropSpecial: true })),
      seconds: (performance.now() - started) / 1000,
    });
  } finally {
    trainer.dispose();
    model.dispose();
    const leaked = tf.memory().numTensors - tensorsBefore;
    // A leak does not spoil this run's results, but it would pile up over a session: say so loudly.
    if (leaked !== 0) console.warn(`demo run left ${leaked} tensors alive`);
  }
}
