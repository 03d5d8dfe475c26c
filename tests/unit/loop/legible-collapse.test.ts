/**
 * Real-word share as a reader's sense of "it writes the language": a trained model writes more
 * real words than one trained on the same letters in shuffled order, and under replace the share
 * falls generation after generation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { prepareCorpus } from '../../../src/engine/corpus/prepare';
import { realVocabulary, realWordShareOf } from '../../../src/engine/metrics/real-words';
import { createRng } from '../../../src/engine/rng';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

const config = (generations: number, contamination: number) =>
  microRunConfig({
    generations,
    contamination,
    corpus: { realChars: 6_000, heldOutChars: 2_000 },
    training: { steps: 300, batchSize: 16, learningRate: 2e-2, warmupSteps: 10 },
    evaluation: { sampleChars: 2_000 },
  });

describe('real-word share', () => {
  // The backend the CLI trains on: the cpu backend would take minutes for these runs.
  beforeAll(() => useNodeBackend('wasm'));

  it(
    "a micro model's generation 0 writes more real words than the same model trained on shuffled letters",
    { timeout: 120_000 },
    async () => {
      const run = config(1, 0.1);
      const prepared = prepareCorpus(run);
      const vocabulary = realVocabulary(
        prepared.real.map((d) => d.text),
        prepared.heldOut,
      );
      const [trained] = reportsOf(await collectEvents(run));
      // The same documents, each with its letters shuffled: the same symbols, no words.
      const rng = createRng(7);
      const shuffled = [...prepared.heldOut, ...prepared.real.map((d) => d.text)].map((t) =>
        rng.shuffle(Array.from(t)).join(''),
      );
      const [noise] = reportsOf(
        await collectEvents(
          { ...run, corpus: { ...run.corpus, source: 'user' } },
          { userDocuments: shuffled },
        ),
      );
      const trainedShare = realWordShareOf(trained.samples, vocabulary);
      const noiseShare = realWordShareOf(noise.samples, vocabulary);
      expect(trainedShare).toBeGreaterThan(2 * noiseShare);
      expect(trainedShare).toBeGreaterThan(noiseShare + 0.1);
    },
  );

  it(
    'falls under paper-replace: generation 3 writes fewer real words than generation 0',
    { timeout: 240_000 },
    async () => {
      const reports = reportsOf(await collectEvents(config(4, 1)));
      expect(reports).toHaveLength(4);
      expect(reports[3].realWordShare).toBeLessThan(reports[0].realWordShare - 0.05);
    },
  );
});
