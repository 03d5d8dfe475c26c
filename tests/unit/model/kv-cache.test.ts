import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { createGpt, gptLogits, type Gpt } from '../../../src/engine/model/gpt';
import { extendIds, KvCache } from '../../../src/engine/model/infer/kv-cache';
import { Trainer } from '../../../src/engine/model/train/trainer';
import { microShape, seeded, textFixture, trainingSettings } from '../../support/model-fixtures';

afterAll(() => useNodeBackend('wasm'));

async function trainedModel(seed: number): Promise<Gpt> {
  const { vocab, stream } = textFixture();
  // Two layers and three heads: the decode layout interleaves batch and heads, which one row and
  // one head would not exercise; the weights are trained so LayerNorm gains and biases are not 1/0.
  const model = createGpt(
    microShape(vocab.size, { contextLength: 12, layers: 2, heads: 3, width: 12 }),
    seeded(seed),
  );
  const trainer = new Trainer(model, trainingSettings({ steps: 30 }), seeded(seed));
  await trainer.train(stream);
  trainer.dispose();
  return model;
}

/** The specification's logits (gptLogits) [batch, len, vocab] of sequences ids [batch][len]. */
function fullLogits(model: Gpt, ids: number[][]): Float32Array {
  const [batch, len] = [ids.length, ids[0].length];
  return tf.tidy(
    () => gptLogits(model, tf.tensor2d(ids.flat(), [batch, len], 'int32')).dataSync() as Float32Array,
  );
}

describe.each(['wasm', 'cpu'] as const)('KV cache on %s', (backend) => {
  it('a batch of rows, fed as a prefill, a multi-token extension and single tokens, gets the full-recompute logits (< 1e-4)', async () => {
    await useNodeBackend(backend);
    const model = await trainedModel(61);
    const v = model.shape.vocabSize;
    const rows = [
      [0, 5, 9, 3, 12, 7, 7, 2, 4, 11, 6, 1],
      [0, 1, 1, 8, 2, 10, 3, 3, 9, 5, 0, 4],
      [0, 7, 6, 5, 4, 3, 2, 1, 12, 11, 10, 9],
    ];
    const full = fullLogits(model, rows);
    const len = rows[0].length;
    const baseline = tf.memory().numTensors;
    const cache = new KvCache(rows.length);
    let maxDiff = 0;
    // chunks: [0, 4) prefill, [4, 7) extension with a past, then one token at a time
    const cuts = [0, 4, 7, 8, 9, 10, 11, 12];
    for (let c = 1; c < cuts.length; c++) {
      const [from, to] = [cuts[c - 1], cuts[c]];
      const ids = rows.flatMap((r) => r.slice(from, to));
      const out = extendIds(model, cache, ids, to - from);
      const got = out.dataSync();
      out.dispose();
      rows.forEach((_, b) => {
        for (let j = 0; j < v; j++)
          maxDiff = Math.max(maxDiff, Math.abs(got[b * v + j] - full[(b * len + to - 1) * v + j]));
      });
    }
    expect(cache.length).toBe(len);
    // On wasm the cache is written in place and attended by our kernel (d = 4 here).
    expect(cache.inPlace).toBe(backend === 'wasm');
    cache.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    model.dispose();
    expect(maxDiff).toBeLessThan(1e-4);
  });
});
