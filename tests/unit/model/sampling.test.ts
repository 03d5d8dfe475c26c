import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { createGpt, type Gpt } from '../../../src/engine/model/gpt';
import { extend, KvCache } from '../../../src/engine/model/infer/kv-cache';
import { windowLogits } from '../../../src/engine/model/infer/logits';
import { sampleDocuments } from '../../../src/engine/model/infer/sample';
import { Trainer } from '../../../src/engine/model/train/trainer';
import { EOD } from '../../../src/engine/text/vocabulary';
import { microShape, seeded, textFixture, trainingSettings } from '../../support/model-fixtures';

beforeAll(() => useNodeBackend('wasm'));

/** Full-recompute logits of every position of one sequence: [len, vocab]. */
function fullLogits(model: Gpt, ids: number[]): Float32Array {
  return tf.tidy(
    () => windowLogits(model, tf.tensor2d(ids, [1, ids.length], 'int32')).dataSync() as Float32Array,
  );
}

async function trainedModel(seed: number): Promise<Gpt> {
  const { vocab, stream } = textFixture();
  const model = createGpt(microShape(vocab.size, { contextLength: 24 }), seeded(seed));
  const trainer = new Trainer(model, trainingSettings({ steps: 40 }), seeded(seed));
  await trainer.train(stream);
  trainer.dispose();
  return model;
}

describe('sampling', () => {
  it('KV-cache logits equal full-recompute logits (max abs difference < 1e-4)', async () => {
    const model = await trainedModel(21);
    const ids = [EOD, 5, 9, 3, 12, 7, 7, 20, 4, 11];
    const full = fullLogits(model, ids);
    const v = model.shape.vocabSize;
    const cache = new KvCache(1);
    let maxDiff = 0;
    // A prefill of three tokens, then one token at a time.
    const first = extend(model, cache, tf.tensor2d(ids.slice(0, 3), [1, 3], 'int32'));
    const rows: Float32Array[] = [first.dataSync() as Float32Array];
    first.dispose();
    for (let i = 3; i < ids.length; i++) {
      const step = extend(model, cache, tf.tensor2d([ids[i]], [1, 1], 'int32'));
      rows.push(step.dataSync() as Float32Array);
      step.dispose();
    }
    rows.forEach((row, r) => {
      const pos = r + 2;
      for (let j = 0; j < v; j++) maxDiff = Math.max(maxDiff, Math.abs(row[j] - full[pos * v + j]));
    });
    cache.dispose();
    model.dispose();
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('the fixed-shape sampler draws exactly what the KV-cache sampler draws', async () => {
    const model = await trainedModel(22);
    const opts = { count: 3, maxLength: 40, decoding: { temperature: 1, topK: 0, topP: 1 } };
    const a = await sampleDocuments(model, { ...opts, sampler: 'kv-cache' }, seeded('s'));
    const b = await sampleDocuments(model, { ...opts, sampler: 'fixed-shape' }, seeded('s'));
    model.dispose();
    expect(b.documents.map((d) => [...d])).toEqual(a.documents.map((d) => [...d]));
  });

  it('top-k and top-p never emit a symbol outside the kept set', async () => {
    const model = await trainedModel(23);
    const v = model.shape.vocabSize;
    for (const decoding of [
      { temperature: 1.5, topK: 3, topP: 1 },
      { temperature: 1.5, topK: 0, topP: 0.5 },
    ]) {
      const { documents } = await sampleDocuments(model, { count: 6, maxLength: 15, decoding }, seeded('tk'));
      for (const doc of documents) {
        const ids = [EOD, ...doc];
        const logits = fullLogits(model, ids.slice(0, -1));
        doc.forEach((symbol, pos) => {
          const row = Array.from(logits.subarray(pos * v, (pos + 1) * v));
          const order = row
            .map((x, i) => [x, i])
            .sort((p, q) => q[0] - p[0])
            .map((p) => p[1]);
          const rank = order.indexOf(symbol);
          if (decoding.topK > 0) expect(rank).toBeLessThan(decoding.topK);
          else {
            const probs = row.map((x) => Math.exp((x - row[order[0]]) / decoding.temperature));
            const z = probs.reduce((s, p) => s + p, 0);
            const massBefore = order.slice(0, rank).reduce((s, i) => s + probs[i] / z, 0);
            expect(massBefore).toBeLessThan(decoding.topP);
          }
        });
      }
    }
    model.dispose();
  });

  it('documents stop at the end-of-document symbol or at the length cap, and say which', async () => {
    const model = await trainedModel(24);
    const { documents, hitCap } = await sampleDocuments(
      model,
      { count: 8, maxLength: 12, decoding: { temperature: 1, topK: 0, topP: 1 } },
      seeded('cap'),
    );
    model.dispose();
    documents.forEach((d, i) => {
      expect(d.length).toBeLessThanOrEqual(12);
      expect([...d]).not.toContain(EOD);
      if (d.length < 12) expect(hitCap[i]).toBe(false);
    });
  });
});
