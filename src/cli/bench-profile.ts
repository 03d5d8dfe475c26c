/**
 * npm run bench -- helper: tf.profile of one training step of the `tiny` model, kernels grouped
 * by name with their counts and total milliseconds (where the time and the launches go).
 * Usage: npx tsx src/cli/bench-profile.ts [--backend wasm|cpu] [--sample] [--runs N]
 */
import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { createRng } from '../engine/rng';
import { documentsToStream } from '../engine/model/train/batches';
import { modelShape } from '../engine/model/shape';
import { createGpt } from '../engine/model/gpt';
import { extend, KvCache } from '../engine/model/infer/kv-cache';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/train/trainer';
import { buildVocabulary } from '../engine/text/vocabulary';
import { useNodeBackend } from './tf-node';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    sample: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});

type Profiled = readonly { name: string; kernelTimeMs: unknown; inputShapes: unknown }[];

/**
 * Kernels grouped by name (products and transposes also by shape): count and milliseconds, the
 * least of `runs` profiled runs per group, so that a busy machine's pauses do not land on one
 * kernel. The total is the sum of those least times.
 */
function table(runs: Profiled[]): void {
  const groups = new Map<string, { n: number; ms: number[] }>();
  runs.forEach((kernels, run) => {
    for (const k of kernels) {
      const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      const key = ['BatchMatMul', '_FusedMatMul', 'DepthwiseConv2dNative', 'Transpose'].includes(k.name)
        ? `${k.name} ${JSON.stringify(k.inputShapes)}`
        : k.name;
      const g = groups.get(key) ?? { n: 0, ms: runs.map(() => 0) };
      if (run === 0) g.n++;
      g.ms[run] += ms;
      groups.set(key, g);
    }
  });
  const rows = [...groups.entries()]
    .map(([name, g]) => ({ name, n: g.n, ms: Math.min(...g.ms) }))
    .sort((a, b) => b.ms - a.ms);
  for (const r of rows)
    console.log(`${r.ms.toFixed(2).padStart(9)} ms ${String(r.n).padStart(5)}x  ${r.name}`);
  const total = rows.reduce((s, r) => s + r.ms, 0);
  console.log(
    `${total.toFixed(1)} ms total (least of ${runs.length} runs per group), ${runs[0].length} kernels`,
  );
}

const runCount = Math.max(1, Number(args.runs));

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
    const runs: Profiled[] = [];
    for (let r = 0; r < runCount; r++) {
      const p = await tf.profile(() => {
        const input = tf.zeros([16, 1], 'int32') as tf.Tensor2D;
        const out = extend(model, cache, input);
        input.dispose();
        return out;
      });
      runs.push(p.kernels);
      tf.dispose(p.result as tf.Tensor);
    }
    table(runs);
    cache.dispose();
  } else {
    const trainer = new Trainer(model, { ...DEFAULT_TRAINING, steps: 10_000 }, rng.split('train'));
    for (let i = 0; i < 3; i++) trainer.step(stream).dispose();
    const runs: Profiled[] = [];
    for (let r = 0; r < runCount; r++) {
      const p = await tf.profile(async () => {
        const loss = trainer.step(stream);
        await loss.data();
        loss.dispose();
      });
      runs.push(p.kernels);
    }
    table(runs);
    trainer.dispose();
  }
  model.dispose();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
