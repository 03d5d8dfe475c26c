import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { streamNll, perplexityOf } from '../../../src/engine/model/infer/evaluate';
import { createGpt } from '../../../src/engine/model/gpt';
import { Trainer, TrainingDivergedError } from '../../../src/engine/model/train/trainer';
import { microShape, seeded, textFixture, trainingSettings } from '../../support/model-fixtures';

beforeAll(() => useNodeBackend('wasm'));

describe('training', () => {
  it('overfits a 200-character text to under 0.05 nats per character', async () => {
    const { vocab, stream } = textFixture();
    const shape = microShape(vocab.size, { contextLength: 64, layers: 2, heads: 4, width: 64 });
    const model = createGpt(shape, seeded(1).split('init'));
    const trainer = new Trainer(
      model,
      trainingSettings({ steps: 400, batchSize: 16, learningRate: 1e-2, warmupSteps: 20, reportEvery: 50 }),
      seeded(1).split('train'),
    );
    const finalLoss = await trainer.train(stream);
    trainer.dispose();
    model.dispose();
    expect(finalLoss).toBeLessThan(0.05);
  });

  it('an untrained model has perplexity within 10% of the vocabulary size', async () => {
    const { vocab, stream } = textFixture();
    const model = createGpt(microShape(vocab.size), seeded(2));
    const ppl = perplexityOf(await streamNll(model, stream));
    model.dispose();
    expect(Math.abs(ppl - vocab.size) / vocab.size).toBeLessThan(0.1);
  });

  it('reports a decreasing loss with its learning rate and throughput', async () => {
    const { vocab, stream } = textFixture();
    const model = createGpt(microShape(vocab.size), seeded(3));
    const trainer = new Trainer(model, trainingSettings({ steps: 60, reportEvery: 20 }), seeded(3));
    const reports: { step: number; loss: number; learningRate: number; tokensPerSec: number }[] = [];
    await trainer.train(stream, (p) => void reports.push(p));
    trainer.dispose();
    model.dispose();
    expect(reports.map((r) => r.step)).toEqual([20, 40, 60]);
    expect(reports[2].loss).toBeLessThan(reports[0].loss);
    expect(reports[2].learningRate).toBeLessThan(reports[0].learningRate); // cosine decay
    expect(reports.every((r) => r.tokensPerSec > 0)).toBe(true);
  });

  it('a non-finite loss stops training with TrainingDivergedError naming the step', async () => {
    const { vocab, stream } = textFixture();
    const model = createGpt(microShape(vocab.size), seeded(5));
    // One poisoned weight is enough: every logit, and so the loss, becomes NaN.
    const head = model.params.headWeight;
    head.assign(tf.fill(head.shape, NaN));
    const trainer = new Trainer(model, trainingSettings({ steps: 20, reportEvery: 5 }), seeded(5));
    const run = trainer.train(stream);
    await expect(run).rejects.toBeInstanceOf(TrainingDivergedError);
    await expect(run).rejects.toMatchObject({ step: 5 });
    trainer.dispose();
    model.dispose();
  });

  it('stops between steps when cancelled', async () => {
    const { vocab, stream } = textFixture();
    const model = createGpt(microShape(vocab.size), seeded(4));
    const trainer = new Trainer(model, trainingSettings({ steps: 1000, reportEvery: 5 }), seeded(4));
    const controller = new AbortController();
    let lastStep = 0;
    const run = trainer.train(
      stream,
      (p) => {
        lastStep = p.step;
        if (p.step >= 10) controller.abort();
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow();
    trainer.dispose();
    model.dispose();
    expect(lastStep).toBe(10);
  });
});
