import type { SimulationConfig } from '../config/schema';
import type { Rng } from '../rng';
import { drawChars, sliceDocument, type Corpus, type CorpusDocument } from './corpus';

/** What the paradigm needs beyond the corpus: the original real text and a reserve of fresh real text. */
export interface ParadigmContext {
  config: SimulationConfig;
  /** D0, the real text generation 0 trained on; always available for "real data kept". */
  real: readonly CorpusDocument[];
  /** N0 in characters. */
  realChars: number;
  /** Fresh real documents not yet used (fresh-data paradigm); consumed from the front. */
  reserve: CorpusDocument[];
  /** Most characters the corpus may hold (growing paradigms); absent: DEFAULT_CORPUS_CAP. */
  corpusCap?: number;
  /** Set once the cap has been reached and said, so the notice comes once. */
  capReached?: boolean;
}

/**
 * Growing paradigms would otherwise grow until the tab runs out of memory (a million
 * generations at 10,000 characters each). 20 million characters is ~40 MB of text and ids.
 */
export const DEFAULT_CORPUS_CAP = 20_000_000;

/**
 * Keeps a growing corpus under its cap: before `incoming` characters enter, as many leave, a
 * uniform random share of every origin (as under replace), so from then on the human share
 * keeps falling the way replace's does instead of by growth. Returns a notice the first time.
 */
function makeRoom(corpus: Corpus, incoming: number, ctx: ParadigmContext, rng: Rng): string | undefined {
  const cap = ctx.corpusCap ?? DEFAULT_CORPUS_CAP;
  const overflow = corpus.chars + incoming - cap;
  if (overflow <= 0) return undefined;
  corpus.removeChars(overflow, rng.split('cap'));
  if (ctx.capReached) return undefined;
  ctx.capReached = true;
  return `the corpus reached its cap of ${cap.toLocaleString('en-US')} characters: from now on new text replaces old text of every origin in proportion, as under replace`;
}

/**
 * The training set S_n of a generation, drawn from the corpus C_{n-1}. Every budget is met to
 * the character (drawChars cuts the last document drawn).
 * - replace: all of the (fixed-size) corpus, with a share `realKept` of its size drawn from D0
 *   instead (Shumailov et al. keep 10%).
 * - accumulate: all of the (growing) corpus.
 * - accumulate-subsample and fresh-data: a random sample of M = trainingSample * N0 characters.
 */
export function drawTrainingSet(corpus: Corpus, ctx: ParadigmContext, rng: Rng): CorpusDocument[] {
  const { config, real, realChars } = ctx;
  switch (config.paradigm) {
    case 'replace': {
      // Before any generated text has entered (generation 0) the corpus is D0 itself: every
      // setting of realKept trains generation 0 on exactly the same text, so runs that differ
      // only in realKept start from the same model.
      if (config.realKept <= 0 || corpus.humanShare() >= 1) return [...corpus.documents];
      const size = corpus.chars;
      const keptChars = Math.round(config.realKept * size);
      const kept = drawChars(real, keptChars, rng.split('real-kept'));
      // A real document is never in a training set twice (once kept, once from the corpus):
      // human text in the corpus whose D0 document was kept (whole or in part) stays out of
      // the corpus' draw. By D0 index, not identity: a resumed run rebuilds both lists.
      const keptSources = new Set(kept.map((d) => d.source));
      const others = corpus.documents.filter(
        (d) => d.origin !== 'human' || d.source === undefined || !keptSources.has(d.source),
      );
      const rest = drawChars(others, size - keptChars, rng.split('corpus'));
      return [...kept, ...rest];
    }
    case 'accumulate':
      return [...corpus.documents];
    case 'accumulate-subsample':
    case 'fresh-data':
      return drawChars(corpus.documents, config.trainingSample * realChars, rng);
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
 * - replace: the corpus keeps its size: m characters, a uniform random share lambda = m / |C|
 *   of it (Corpus.removeChars), are swapped out for G_n.
 * - accumulate, accumulate-subsample: G_n is added; nothing leaves.
 * - fresh-data: G_n and exactly k = freshShare * N0 fresh real characters are added (the
 *   last fresh document is cut; its rest is not used).
 */
export function writeBack(
  corpus: Corpus,
  generated: readonly CorpusDocument[],
  ctx: ParadigmContext,
  rng: Rng,
): WriteBackResult {
  const { config } = ctx;
  const m = generated.reduce((n, d) => n + d.chars, 0);
  if (config.paradigm === 'replace') {
    corpus.removeChars(m, rng);
    corpus.add(generated);
    return { freshChars: 0 };
  }
  const capNotice = makeRoom(
    corpus,
    m + (config.paradigm === 'fresh-data' ? config.freshShare * ctx.realChars : 0),
    ctx,
    rng,
  );
  corpus.add(generated);
  if (config.paradigm !== 'fresh-data' || config.freshShare <= 0) return { freshChars: 0, notice: capNotice };
  const want = Math.round(config.freshShare * ctx.realChars);
  const fresh: CorpusDocument[] = [];
  let got = 0;
  while (got < want && ctx.reserve.length > 0) {
    const doc = ctx.reserve.shift() as CorpusDocument;
    const piece = got + doc.chars <= want ? doc : sliceDocument(doc, 0, want - got);
    fresh.push(piece);
    got += piece.chars;
  }
  corpus.add(fresh);
  const reserveNotice =
    got < want
      ? `the reserve of fresh real text ran out: ${Math.round(got)} of ${Math.round(want)} characters added`
      : undefined;
  return { freshChars: got, notice: [capNotice, reserveNotice].filter(Boolean).join('; ') || undefined };
}

/** The m characters of generated text each generation writes back. */
export function generatedCharsPerGeneration(config: SimulationConfig, realChars: number): number {
  return Math.max(1, Math.round(config.contamination * realChars));
}
