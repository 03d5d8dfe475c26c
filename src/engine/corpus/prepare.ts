import type { SimulationConfig } from '../config/schema';
import { createRng } from '../rng';
import { getCorpus } from '../text/corpora';
import type { MarkovSource } from '../text/markov-source';
import { buildVocabulary, type Vocabulary } from '../text/vocabulary';
import { makeDocuments, type CorpusDocument } from './corpus';

/** The real text of a run, split once: held-out, D0 and a reserve of fresh real text. */
export interface PreparedCorpus {
  vocabulary: Vocabulary;
  /** Never enters any training corpus: perplexity and divergences are measured on it. */
  heldOut: string[];
  real: CorpusDocument[];
  reserve: CorpusDocument[];
  /** The exact law of the text, when the corpus is the markov source. */
  source?: MarkovSource;
  notices: string[];
}

/** Fresh real text the fresh-data paradigm needs for the whole run (capped). */
function reserveNeeded(config: SimulationConfig): number {
  if (config.paradigm !== 'fresh-data') return 0;
  return Math.min(5_000_000, Math.ceil(config.freshShare * config.corpus.realChars * config.generations));
}

/**
 * Deals shuffled documents into held-out, real and reserve parts by character budgets, so
 * held-out text is chosen before anything else and never reaches training.
 */
function deal(documents: readonly string[], heldOutChars: number, realChars: number, seed: number) {
  const order = createRng(seed).split('deal-corpus').shuffle(documents.map((_, i) => i));
  const heldOut: string[] = [];
  const real: string[] = [];
  const reserve: string[] = [];
  let held = 0;
  let taken = 0;
  for (const i of order) {
    const doc = documents[i];
    if (held < heldOutChars) {
      heldOut.push(doc);
      held += doc.length;
    } else if (taken < realChars) {
      real.push(doc);
      taken += doc.length;
    } else reserve.push(doc);
  }
  return { heldOut, real, reserve };
}

/**
 * Builds the run's real text: a built-in corpus generated from the seed, or the user's
 * documents (already validated by loadUserText). A user text smaller than the budgets asks
 * for is shared out in the same proportions, with a notice.
 */
export function prepareCorpus(config: SimulationConfig, userDocuments?: readonly string[]): PreparedCorpus {
  const notices: string[] = [];
  let { heldOutChars, realChars } = config.corpus;
  let documents: readonly string[];
  let source: MarkovSource | undefined;
  if (config.corpus.source === 'user') {
    if (!userDocuments || userDocuments.length === 0) throw new Error('the corpus is set to your own text, but no text was given');
    documents = userDocuments;
    const available = userDocuments.reduce((n, d) => n + d.length, 0);
    if (available < heldOutChars + realChars) {
      const scale = available / (heldOutChars + realChars);
      heldOutChars = Math.floor(heldOutChars * scale);
      realChars = available - heldOutChars;
      notices.push(`your text has ${available} characters: ${heldOutChars} are held out for measuring and ${realChars} form the real corpus`);
    }
  } else {
    const built = getCorpus(config.corpus.source).build(config.seed, { minChars: heldOutChars + realChars + reserveNeeded(config) });
    documents = built.documents;
    source = built.source;
  }
  const parts = deal(documents, heldOutChars, realChars, config.seed);
  if (parts.heldOut.length === 0 || parts.real.length === 0) {
    throw new Error('the corpus is too small to hold out text for measuring and still train on the rest');
  }
  const vocabulary = buildVocabulary([...parts.heldOut, ...parts.real, ...parts.reserve]);
  const unknown = parts.real.reduce((n, d) => n + vocabulary.countUnknown(d), 0);
  if (unknown > 0) notices.push(`${unknown} characters beyond the ${vocabulary.size - 2}-symbol vocabulary were mapped to "unknown"`);
  return {
    vocabulary,
    heldOut: parts.heldOut,
    real: makeDocuments(parts.real, 'human'),
    reserve: makeDocuments(parts.reserve, 'human'),
    source,
    notices,
  };
}
