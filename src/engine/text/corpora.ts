/**
 * The built-in corpora, listed once so the UI's picker and the CLI offer the same choices.
 * build(seed) returns the documents; the markov corpus also returns its source, whose exact law
 * the metrics need for the exact KL(source || model).
 */
import { createRng } from '../rng';
import { createMarkovSource } from './markov-source';
import type { MarkovSource } from './markov-source';
import { generateTinyTales, TINY_TALES_DEFAULT_CHARS } from './tiny-tales';

export type CorpusId = 'tiny-tales' | 'markov';

export interface BuiltCorpus {
  documents: string[];
  /** Present for the markov corpus: the exact law the documents were drawn from. */
  source?: MarkovSource;
}

export interface CorpusInfo {
  id: CorpusId;
  label: string;
  description: string;
  build(seed: number, options?: { minChars?: number }): BuiltCorpus;
}

/** Default size of a built-in corpus in characters. */
export const DEFAULT_CORPUS_CHARS = TINY_TALES_DEFAULT_CHARS;

export const CORPORA: readonly CorpusInfo[] = [
  {
    id: 'tiny-tales',
    label: 'Tiny tales',
    description:
      "Short children's stories made by a random grammar (in the spirit of TinyStories): simple English that a " +
      'small model learns quickly, so it is easy to see when generated text stops looking like it.',
    build: (seed, options = {}) => ({
      documents: generateTinyTales({ seed, minChars: options.minChars ?? DEFAULT_CORPUS_CHARS }),
    }),
  },
  {
    id: 'markov',
    label: 'Markov source (exact law)',
    description:
      'Gibberish from a known random process (each letter depends on the two before it). Because its law is known ' +
      'exactly, the true divergence of every model from it can be computed, not just estimated.',
    build: (seed, options = {}) => {
      const source = createMarkovSource(seed);
      const documents = source.generateDocuments(
        { minChars: options.minChars ?? DEFAULT_CORPUS_CHARS },
        createRng(seed).split('markov-documents'),
      );
      return { documents, source };
    },
  },
];

export function isCorpusId(id: string): id is CorpusId {
  return CORPORA.some((c) => c.id === id);
}

/** The corpus with this id; throws with the list of valid ids otherwise. */
export function getCorpus(id: string): CorpusInfo {
  const corpus = CORPORA.find((c) => c.id === id);
  if (!corpus)
    throw new Error(`unknown corpus "${id}"; built-in corpora are: ${CORPORA.map((c) => c.id).join(', ')}`);
  return corpus;
}
