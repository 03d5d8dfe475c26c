import type { SimulationConfig } from '../config/schema';
import { createRng } from '../rng';
import { getCorpus } from '../text/corpora';
import type { MarkovSource } from '../text/markov-source';
import { buildVocabulary, type Vocabulary } from '../text/vocabulary';
import { charCount, makeDocuments, type CorpusDocument } from './corpus';

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

/** The first `chars` characters (code points) of a text. */
const head = (text: string, chars: number) => Array.from(text).slice(0, chars).join('');

/**
 * Deals shuffled documents into held-out, real and reserve parts by exact character budgets:
 * held-out text is chosen before anything else, and the document that crosses a budget is cut
 * to fit; the rest of a cut document is dropped, so no part of a held-out story ever reaches
 * training and D0 holds exactly the characters asked for.
 */
function deal(documents: readonly string[], heldOutChars: number, realChars: number, seed: number) {
  const order = createRng(seed)
    .split('deal-corpus')
    .shuffle(documents.map((_, i) => i));
  const heldOut: string[] = [];
  const real: string[] = [];
  const reserve: string[] = [];
  let held = 0;
  let taken = 0;
  for (const i of order) {
    const doc = documents[i];
    const chars = charCount(doc);
    if (held < heldOutChars) {
      heldOut.push(chars <= heldOutChars - held ? doc : head(doc, heldOutChars - held));
      held += Math.min(chars, heldOutChars - held);
    } else if (taken < realChars) {
      real.push(chars <= realChars - taken ? doc : head(doc, realChars - taken));
      taken += Math.min(chars, realChars - taken);
    } else reserve.push(doc);
  }
  return { heldOut, real, reserve, realChars: taken };
}

/** Characters a built-in corpus is generated with: the budgets and room for the two cut documents. */
const builtCorpusChars = (needed: number, attempt: number) =>
  Math.ceil(needed * (1.05 + 0.5 * attempt)) + 4_000;

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
  let parts: ReturnType<typeof deal>;
  if (config.corpus.source === 'user') {
    if (!userDocuments || userDocuments.length === 0)
      throw new Error('the corpus is set to your own text, but no text was given');
    documents = userDocuments;
    const available = userDocuments.reduce((n, d) => n + charCount(d), 0);
    if (available < heldOutChars + realChars) {
      const scale = available / (heldOutChars + realChars);
      heldOutChars = Math.floor(heldOutChars * scale);
      realChars = available - heldOutChars;
      notices.push(
        `your text has ${available} characters: ${heldOutChars} are held out for measuring and ${realChars} form the real corpus`,
      );
    }
    parts = deal(documents, heldOutChars, realChars, config.seed);
  } else {
    // A generator makes documents of its own lengths: if the dealt D0 falls short (a few long
    // documents), build more text and deal again, so D0 always holds realChars characters.
    const needed = heldOutChars + realChars + reserveNeeded(config);
    for (let attempt = 0; ; attempt++) {
      const built = getCorpus(config.corpus.source).build(config.seed, {
        minChars: builtCorpusChars(needed, attempt),
      });
      documents = built.documents;
      source = built.source;
      parts = deal(documents, heldOutChars, realChars, config.seed);
      if (parts.realChars >= realChars || attempt >= 3) break;
    }
  }
  if (parts.heldOut.length === 0 || parts.real.length === 0) {
    throw new Error('the corpus is too small to hold out text for measuring and still train on the rest');
  }
  if (parts.realChars < realChars) {
    notices.push(
      `the real corpus holds ${parts.realChars} characters, not the ${realChars} asked for: the text ran out once ${heldOutChars} were held out`,
    );
  }
  const vocabulary = buildVocabulary([...parts.heldOut, ...parts.real, ...parts.reserve]);
  const unknown = parts.real.reduce((n, d) => n + vocabulary.countUnknown(d), 0);
  if (unknown > 0)
    notices.push(
      `${unknown} characters beyond the ${vocabulary.size - 2}-symbol vocabulary were mapped to "unknown"`,
    );
  return {
    vocabulary,
    heldOut: parts.heldOut,
    real: makeDocuments(parts.real, 'human', true),
    reserve: makeDocuments(parts.reserve, 'human'),
    source,
    notices,
  };
}
