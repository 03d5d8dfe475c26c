import { createRng } from '../../src/engine/rng';
import { documentsToStream } from '../../src/engine/model/train/batches';
import { DEFAULT_ADAMW } from '../../src/engine/model/train/adamw';
import type { ModelShape } from '../../src/engine/model/shape';
import type { TrainingSettings } from '../../src/engine/model/train/trainer';
import { buildVocabulary } from '../../src/engine/text/vocabulary';

/** Two hundred characters of varied English: nothing a model could get by repetition alone. */
export const TEXT_200 =
  'Mila found a blue kite in the tall grass. She ran to the hill and let it fly. ' +
  'A crow watched from an old oak tree. "Can I try?" asked her brother Sam, and she smiled. ' +
  'They took turns until the sun went low.';

export function textFixture(text = TEXT_200) {
  const vocab = buildVocabulary([text]);
  const stream = documentsToStream([vocab.encode(text)]);
  return { vocab, stream };
}

export function microShape(vocabSize: number, overrides: Partial<ModelShape> = {}): ModelShape {
  return { vocabSize, contextLength: 16, layers: 1, heads: 2, width: 16, mlpRatio: 2, ...overrides };
}

export function trainingSettings(overrides: Partial<TrainingSettings> = {}): TrainingSettings {
  return {
    steps: 20,
    batchSize: 4,
    learningRate: 3e-3,
    warmupSteps: 2,
    reportEvery: 5,
    adamw: DEFAULT_ADAMW,
    ...overrides,
  };
}

export const seeded = (seed: number | string) => createRng(seed);
