/**
 * npm run bench: trains the `tiny` model at batch 32 x context 64 on wasm in Node and prints
 * figures; the last line is one JSON object. Options: --backend wasm|cpu, --steps N.
 */
import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { createRng } from '../engine/rng';
import { documentsToStream } from '../engine/model/batches';
import { modelShape, parameterCount } from '../engine/model/config';
import { createGpt } from '../engine/model/gpt';
import { sampleDocuments } from '../engine/model/sample';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/trainer';
import { buildVocabulary } from '../engine/text/vocabulary';
import { useNodeBackend } from './tf-node';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    steps: { type: 'string', default: '20' },
  },
});
const backend = args.backend === 'cpu' ? 'cpu' : 'wasm';
const timedSteps = Math.max(5, Number(args.steps));
const warmupSteps = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Pseudo-text over ~60 symbols: the benchmark measures arithmetic, not language. */
function benchText(chars: number): string {
  const rng = createRng('bench-text');
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,!?\'"';
  let s = '';
  for (let i = 0; i < chars; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

async function main() {
  await useNodeBackend(backend);
  const text = benchText(50_000);
  const vocab = buildVocabulary([text]);
  const stream = documentsToStream([vocab.encode(text)]);
  const shape = modelShape('tiny', vocab.size);
  const rng = createRng('bench');
  const baseline = tf.memory().numTensors;

  const model = createGpt(shape, rng.split('init'));
  const trainer = new Trainer(model, { ...DEFAULT_TRAINING, steps: 10_000 }, rng.split('train'));
  const stepMs: number[] = [];
  for (let i = 0; i < warmupSteps + timedSteps; i++) {
    const t0 = performance.now();
    const loss = trainer.step(stream);
    await loss.data(); // include the device work in the timing
    loss.dispose();
    if (i >= warmupSteps) stepMs.push(performance.now() - t0);
  }
  const profile = await tf.profile(async () => {
    const loss = trainer.step(stream);
    await loss.data();
    loss.dispose();
  });
  const kernelsPerStep = profile.kernels.length;
  const trainMsPerStep = median(stepMs);
  console.error(`train: ${trainMsPerStep.toFixed(1)} ms/step (median of ${timedSteps}), ${kernelsPerStep} kernels/step`);

  const sampleRng = rng.split('sample');
  await sampleDocuments(model, { count: 16, maxLength: 8, decoding: { temperature: 1, topK: 0, topP: 1 } }, sampleRng);
  const t0 = performance.now();
  const sampled = await sampleDocuments(model, { count: 16, maxLength: 256, decoding: { temperature: 1, topK: 0, topP: 1 }, batchSize: 16, stopAtEod: false }, sampleRng);
  const sampleSec = (performance.now() - t0) / 1000;
  const sampledChars = sampled.documents.reduce((n, d) => n + d.length + 1, 0);
  console.error(`sample: ${(sampledChars / sampleSec).toFixed(0)} chars/s (${sampledChars} chars, kv-cache)`);

  trainer.dispose();
  model.dispose();
  const result = {
    backend,
    model: 'tiny',
    params: parameterCount(shape),
    batch: DEFAULT_TRAINING.batchSize,
    context: shape.contextLength,
    trainMsPerStep: +trainMsPerStep.toFixed(2),
    trainTokensPerSec: Math.round((DEFAULT_TRAINING.batchSize * shape.contextLength * 1000) / trainMsPerStep),
    kernelsPerStep,
    sampleCharsPerSec: Math.round(sampledChars / sampleSec),
    numTensorsDelta: tf.memory().numTensors - baseline,
  };
  console.log(JSON.stringify(result));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
