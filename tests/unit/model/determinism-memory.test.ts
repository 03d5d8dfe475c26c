import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { streamNll } from '../../../src/engine/model/infer/evaluate';
import { createGpt } from '../../../src/engine/model/gpt';
import { sampleDocuments } from '../../../src/engine/model/infer/sample';
import { Trainer } from '../../../src/engine/model/train/trainer';
import { microShape, seeded, textFixture, trainingSettings } from '../../support/model-fixtures';

beforeAll(() => useNodeBackend('wasm'));

/** One full generation's model work: init, train, evaluate, sample, dispose. */
async function cycle(seed: number) {
  const { vocab, stream } = textFixture();
  const rng = seeded(seed);
  const model = createGpt(microShape(vocab.size), rng.split('init'));
  const trainer = new Trainer(model, trainingSettings({ steps: 15, reportEvery: 5 }), rng.split('train'));
  const losses: number[] = [];
  await trainer.train(stream, (p) => void losses.push(p.loss));
  const nll = await streamNll(model, stream);
  const { documents } = await sampleDocuments(
    model,
    { count: 4, maxLength: 30, decoding: { temperature: 1, topK: 0, topP: 1 } },
    rng.split('sample'),
  );
  trainer.dispose();
  model.dispose();
  return { losses, nll: nll.totalNll, samples: documents.map((d) => vocab.decode(d)) };
}

describe('determinism and memory', () => {
  it('the same seed on the same backend gives identical losses and samples', async () => {
    const a = await cycle(31);
    const b = await cycle(31);
    const c = await cycle(32);
    expect(b).toEqual(a);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('leaks no tensor across three full train/evaluate/sample cycles', async () => {
    await cycle(40); // first use compiles and caches what the backend keeps for good
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await cycle(41 + i);
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });
});
