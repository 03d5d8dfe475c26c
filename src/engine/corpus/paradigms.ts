import type { SimulationConfig } from '../config/schema';
import type { Rng } from '../rng';
import { sampleByChars, type Corpus, type CorpusDocument } from './corpus';

/** What the paradigm needs beyond the corpus: the original real text and a reserve of fresh real text. */
export interface ParadigmContext {
  config: SimulationConfig;
  /** D0, the real text generation 0 trained on; always available for "real data kept". */
  real: readonly CorpusDocument[];
  /** N0 in characters. */
  realChars: number;
  /** Fresh real documents not yet used (fresh-data paradigm); consumed from the front. */
  reserve: CorpusDocument[];
}

/**
 * The training set S_n of a generation, drawn from the corpus C_{n-1}.
 * - replace: all of the (fixed-size) corpus, with a share `realKept` drawn from D0 instead
 *   (Shumailov et al. keep 10%).
 * - accumulate: all of the (growing) corpus.
 * - accumulate-subsample and fresh-data: a random sample of M = trainingSample * N0 characters.
 */
export function drawTrainingSet(corpus: Corpus, ctx: ParadigmContext, rng: Rng): CorpusDocument[] {
  const { config, real, realChars } = ctx;
  switch (config.paradigm) {
    case 'replace': {
      if (config.realKept <= 0) return [...corpus.documents];
      const kept = sampleByChars(real, config.realKept * realChars, rng.split('real-kept'));
      const rest = sampleByChars(corpus.documents, (1 - config.realKept) * corpus.chars, rng.split('corpus'));
      return [...kept, ...rest];
    }
    case 'accumulate':
      return [...corpus.documents];
    case 'accumulate-subsample':
    case 'fresh-data':
      return sampleByChars(corpus.documents, config.trainingSample * realChars, rng);
  }
}

export interface WriteBackResult {
  /** Fresh real characters that entered (fresh-data). */
  freshChars: number;
  /** Something the user should know (e.g. the reserve of fresh real text ran out). */
  notice?: string;
}

/**
 * Writes generation n's text G_n (m characters) into the corpus:
 * - replace: the corpus keeps its size: a share lambda = m / |C| of it, in proportion to
 *   every origin, is swapped out for G_n.
 * - accumulate, accumulate-subsample: G_n is added; nothing leaves.
 * - fresh-data: G_n and k = freshShare * N0 fresh real characters are added.
 */
export function writeBack(corpus: Corpus, generated: readonly CorpusDocument[], ctx: ParadigmContext, rng: Rng): WriteBackResult {
  const { config } = ctx;
  const m = generated.reduce((n, d) => n + d.chars, 0);
  if (config.paradigm === 'replace') {
    const size = corpus.chars;
    corpus.removeShare(size > 0 ? Math.min(1, m / size) : 1, rng);
    corpus.add(generated);
    return { freshChars: 0 };
  }
  corpus.add(generated);
  if (config.paradigm !== 'fresh-data' || config.freshShare <= 0) return { freshChars: 0 };
  const want = config.freshShare * ctx.realChars;
  const fresh: CorpusDocument[] = [];
  let got = 0;
  while (got < want && ctx.reserve.length > 0) {
    const doc = ctx.reserve.shift() as CorpusDocument;
    fresh.push(doc);
    got += doc.chars;
  }
  corpus.add(fresh);
  const notice = got < want ? `the reserve of fresh real text ran out: ${Math.round(got)} of ${Math.round(want)} characters added` : undefined;
  return { freshChars: got, notice };
}

/** The m characters of generated text each generation writes back. */
export function generatedCharsPerGeneration(config: SimulationConfig, realChars: number): number {
  return Math.max(1, Math.round(config.contamination * realChars));
}
