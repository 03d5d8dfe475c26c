import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { TransformerFamily } from '../../../src/engine/loop/families/transformer';
import { documentNlls } from '../../../src/engine/model/infer/document-nll';
import { streamNll } from '../../../src/engine/model/infer/evaluate';
import { createGpt } from '../../../src/engine/model/gpt';
import { documentsToStream } from '../../../src/engine/model/train/batches';
import { Trainer } from '../../../src/engine/model/train/trainer';
import { microRunConfig } from '../../support/loop-fixtures';
import { microShape, seeded, TEXT_200, textFixture, trainingSettings } from '../../support/model-fixtures';

beforeAll(() => useNodeBackend('wasm'));

const never = new AbortController().signal;

describe("the transformer's per-document NLL", () => {
  it('each document scores as its own stream would: end mark, characters, end mark, across window edges', async () => {
    const { vocab, stream } = textFixture();
    const rng = seeded(5);
    const model = createGpt(microShape(vocab.size), rng.split('init'));
    const trainer = new Trainer(model, trainingSettings({ steps: 10 }), rng.split('train'));
    await trainer.train(stream, () => {});
    trainer.dispose();
    // Shorter than the context (16), exactly 15 + 1 predictions, three windows, and empty.
    const texts = ['a crow', TEXT_200.slice(0, 15), TEXT_200.slice(0, 40), ''];
    const ids = texts.map((t) => vocab.encode(t));
    const scored = await documentNlls(model, ids);
    for (const [i, doc] of ids.entries()) {
      const alone = await streamNll(model, documentsToStream([doc]));
      expect(scored[i].tokens).toBe(doc.length + 1);
      expect(scored[i].tokens).toBe(alone.tokens);
      expect(scored[i].nll).toBeCloseTo(alone.totalNll, 3);
    }
    model.dispose();
  });

  it('the kept copy scores as generation 0 did after the model trains on, and frees every tensor', async () => {
    const config = microRunConfig({ model: { continueTraining: true }, training: { steps: 8 } });
    const { vocab } = textFixture();
    const docs = [TEXT_200.slice(0, 90), TEXT_200.slice(90)].map((t) => vocab.encode(t));
    const probe = [vocab.encode('They took turns.'), vocab.encode('Mila ran')];
    const before = tf.memory().numTensors;
    const family = new TransformerFamily(config, vocab.size, seeded(9));
    const first = await family.train(0, docs, async () => {}, never);
    const kept = first.keepScorer?.();
    expect(kept).toBeDefined();
    const atGenerationZero = await kept!.documentNlls(probe);
    // Generation 1 continues generation 0's weights: the live model changes, the copy does not.
    const second = await family.train(1, docs, async () => {}, never);
    const later = await second.nll([probe[0]]);
    expect(later.totalNll).not.toBeCloseTo(atGenerationZero[0].nll, 3);
    expect(await kept!.documentNlls(probe)).toEqual(atGenerationZero);
    kept!.dispose();
    family.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
