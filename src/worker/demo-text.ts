/**
 * The text of the early demo run: tiny-tales stories (the project's default corpus), cut into a
 * training part and a held-out part by whole stories, so no held-out sentence is ever trained on.
 * Small on purpose: the demo must finish in about a minute on wasm.
 */
import { documentsToStream } from '../engine/model/batches';
import { generateTinyTales } from '../engine/text/tiny-tales';
import { buildVocabulary, type Vocabulary } from '../engine/text/vocabulary';

export const DEMO_TEXT_CHARS = 60_000;
/** Every HELD_OUT_EVERY-th story is held out (10%). */
const HELD_OUT_EVERY = 10;

export interface DemoText {
  vocabulary: Vocabulary;
  training: Int32Array;
  heldOut: Int32Array;
  documents: number;
  trainingChars: number;
  heldOutChars: number;
}

export function buildDemoText(seed: number): DemoText {
  const stories = generateTinyTales({ seed, minChars: DEMO_TEXT_CHARS });
  const training = stories.filter((_, i) => i % HELD_OUT_EVERY !== HELD_OUT_EVERY - 1);
  const heldOut = stories.filter((_, i) => i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1);
  // The vocabulary is built from training text only: held-out text must not shape the model.
  // A character seen only in held-out text maps to UNK, which is the honest score for it.
  const vocabulary = buildVocabulary(training);
  const chars = (docs: string[]) => docs.reduce((n, d) => n + d.length, 0);
  return {
    vocabulary,
    training: documentsToStream(training.map((d) => vocabulary.encode(d))),
    heldOut: documentsToStream(heldOut.map((d) => vocabulary.encode(d))),
    documents: stories.length,
    trainingChars: chars(training),
    heldOutChars: chars(heldOut),
  };
}
