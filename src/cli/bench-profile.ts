/**
 * npm run bench -- helper: tf.profile of one training step of the `tiny` model, kernels grouped
 * by name with their counts and total milliseconds (where the time and the launches go).
 * Usage: npx tsx src/cli/bench-profile.ts [--backend wasm|cpu] [--sample]
 */
import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { createRng } from '../engine/rng';
import { documentsToStream } from '../engine/model/batches';
import { modelShape } from '../engine/model/config';
import { createGpt } from '../engine/model/gpt';
import { extend, KvCache } from '../engine/model/kv-cache';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/trainer';
import { buildVocabulary } from '../engine/text/vocabulary';
import { useNodeBackend } from './tf-node';

const { values: args } = parseArgs({
  options: { backend: { type: 'string', default: 'wasm' }, sample: { type: 'boolean', default: false } },
});

function table(kernels: readonly { name: string; kernelTimeMs: unknown; inputShapes: unknown }[]): void {
  const groups = new Map<string, { n: number; ms: number }>();
  let total = 0;
  for (const k of kernels) {
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    total += ms;
    const key = ['BatchMatMul', '_FusedMatMul', 'DepthwiseConv2dNative', 'Transpose'].includes(k.name) ? `${k.name} ${JSON.stringify(k.inputShapes)}` : k.name;
    const g = groups.get(key) ?? { n: 0, ms: 0 };
    g.n++;
    g.ms += ms;
    groups.set(key, g);
  }
  const rows = [...groups.entries()].sort((a, b) => b[1].ms - a[1].ms);
  for (const [name, g] of rows) console.log(`${g.ms.toFixed(2).padStart(9)} ms ${String(g.n).padStart(5)}x  ${name}`);
  console.log(`${total.toFixed(1)} ms total, ${kernels.length} kernels`);
}

async function main() {
  await useNodeBackend(args.backend === 'cpu' ? 'cpu' : 'wasm');
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,!?\'"';
  const rng = createRng('profile');
  let text = '';
  for (let i = 0; i < 20_000; i++) text += alphabet[rng.int(alphabet.length)];
  const vocab = buildVocabulary([text]);
  const stream = documentsToStream([vocab.encode(text)]);
  const model = createGpt(modelShape('tiny', vocab.size), rng.split('init'));
  if (args.sample) {
    const cache = new KvCache(16);
    const first = extend(model, cache, tf.zeros([16, 8], 'int32') as tf.Tensor2D);
    first.dispose();
    const p = await tf.profile(() => {
      const input = tf.zeros([16, 1], 'int32') as tf.Tensor2D;
      const out = extend(model, cache, input);
      input.dispose();
      return out;
    });
    table(p.kernels);
    tf.dispose(p.result as tf.Tensor);
    cache.dispose();
  } else {
    const trainer = new Trainer(model, { ...DEFAULT_TRAINING, steps: 10_000 }, rng.split('train'));
    for (let i = 0; i < 3; i++) trainer.step(stream).dispose();
    const p = await tf.profile(async () => {
      const loss = trainer.step(stream);
      await loss.data();
      loss.dispose();
    });
    table(p.kernels);
    trainer.dispose();
  }
  model.dispose();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
