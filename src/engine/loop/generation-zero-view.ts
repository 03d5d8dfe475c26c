/**
 * How the first model sees every later generation's text (Shumailov et al. 2024, Nature, "AI
 * models collapse when trained on recursively generated data", their perplexity histograms):
 * generation 0's model, trained on real text only, scores each document of every generation's
 * evaluation sample, and the held-out real documents of the same size once, as the reference.
 * Later generations pile up where the first model finds text easy (the likely, repeated phrases)
 * and grow a tail it finds foreign (the errors). Each generation is scored by generation 0's
 * model, never by its own: its own model would find its own text easy whatever it had become.
 *
 * The first model is kept as a copy that outlives its generation (LanguageModel.keepScorer); a
 * checkpoint holds no weights, so a resumed run cannot score later generations and leaves them
 * out (resumedWithoutGenerationZero says so) rather than score with another model.
 */
import { perplexitySpread, type PerplexitySpread } from '../metrics/perplexity-spread';
import type { GenerationZeroView } from '../record';
import type { DocumentScorer, LanguageModel } from './families/types';
import type { GeneratedDocument } from './generated-text';
import type { RunState } from './types';

/** Generation 0's model, kept for the run, and the real reference as it scored it. */
export interface GenerationZeroScorer {
  scorer: DocumentScorer;
  real: PerplexitySpread;
}

/** What a resumed run says when generation 0's model is gone (it went with the worker). */
export const resumedWithoutGenerationZero = (generation: number) =>
  `Generation 0's model is not kept in a checkpoint: "How the models see their own text" shows no histogram from generation ${generation} on (no other model may stand in for it).`;

/**
 * The spread of this generation's evaluation documents (whole, as the model wrote them) under
 * generation 0's model, beside the real reference. Generation 0 keeps its model first (a retried
 * generation 0 frees the copy it kept before). null when there is no generation 0 model to ask:
 * a resumed run, or a family that cannot keep one.
 */
export async function viewUnderGenerationZero(
  state: RunState,
  generation: number,
  model: LanguageModel,
  evaluation: readonly GeneratedDocument[],
): Promise<GenerationZeroView | null> {
  if (generation === 0) {
    releaseGenerationZero(state);
    if (!model.keepScorer) return null;
    const scorer = model.keepScorer();
    // The reference: the whole held-out documents the evaluation reference was cut from.
    const realIds = state.heldOutIds.slice(0, state.reference.documentCount);
    const real = perplexitySpread(await scoreOrRelease(scorer, realIds));
    if (real === null) {
      scorer.dispose();
      return null;
    }
    state.generationZero = { scorer, real };
  }
  const kept = state.generationZero;
  if (!kept) return null;
  const ids = evaluation.map((d) => state.prepared.vocabulary.encode(d.text));
  const samples = perplexitySpread(await kept.scorer.documentNlls(ids));
  return samples === null ? null : { samples, real: kept.real };
}

/** Scores with a scorer just kept, freeing it if scoring fails (it is not in the state yet). */
async function scoreOrRelease(scorer: DocumentScorer, documents: readonly Int32Array[]) {
  try {
    return await scorer.documentNlls(documents);
  } catch (e) {
    scorer.dispose();
    throw e;
  }
}

/** Frees generation 0's kept model (at the run's end, or before generation 0 keeps another). */
export function releaseGenerationZero(state: RunState): void {
  state.generationZero?.scorer.dispose();
  delete state.generationZero;
}
