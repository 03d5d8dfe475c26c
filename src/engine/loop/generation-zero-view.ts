/**
 * How the first model sees every later generation's text (Shumailov et al. 2024, Nature, "AI
 * models collapse when trained on recursively generated data", their perplexity histograms):
 * generation 0's model, trained on real text only, scores each document of every generation's
 * evaluation sample, and the held-out real documents of the same size once, as the reference.
 * Later generations pile up where the first model finds text easy (the likely, repeated phrases)
 * and grow a tail it finds foreign (the errors). Each generation is scored by generation 0's
 * model, never by its own: its own model would find its own text easy whatever it had become.
 *
 * The first model is kept as a copy that outlives its generation (LanguageModel.keepScorer). A
 * checkpoint holds no weights: a resumed run either trains generation 0's model again
 * (rebuildGenerationZero, when asked and exact) or leaves later generations out
 * (resumedWithoutGenerationZero says so) rather than score them with another model.
 */
import { Corpus } from '../corpus/corpus';
import { drawTrainingSet } from '../corpus/paradigms';
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

/** What a resumed run says when it trained generation 0's model again. */
export const generationZeroRebuilt =
  'Generation 0\'s model is not kept in a checkpoint: it was trained again from the seed on the real text (the same draws give the same model), so "How the models see their own text" goes on.';

/**
 * Whether a resumed run can train generation 0's model again and get the very model it had: its
 * training set, initialisation and batches are drawn by generation from the seed, and generation 0
 * trained on the real text alone. Not when each model continues the previous one (generation 0's
 * weights then went on changing), nor when the settings may have changed since generation 0
 * (the caller says they cannot: the CLI changes nothing mid-run).
 */
export const canRebuildGenerationZero = (state: RunState, settingsUnchanged: boolean): boolean =>
  settingsUnchanged && !state.config.model.continueTraining;

/**
 * Trains generation 0's model again, as generation 0 did (its corpus was the real text), and keeps
 * it to score the generations still to come. Costs one generation's training, once per resume;
 * training says no progress (the page would show generation 0 training) but stops when cancelled.
 */
export async function rebuildGenerationZero(state: RunState): Promise<void> {
  const rng = state.rng.split('generation-0');
  const trainingSet = drawTrainingSet(
    new Corpus(state.prepared.real),
    state.paradigm,
    rng.split('training-set'),
  );
  const ids = trainingSet.map((d) => state.prepared.vocabulary.encode(d.text));
  const model = await state.family.train(0, ids, () => state.control.pausePoint(), state.control.signal);
  await keepGenerationZero(state, model);
}

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
  if (generation === 0) await keepGenerationZero(state, model);
  const kept = state.generationZero;
  if (!kept) return null;
  const ids = evaluation.map((d) => state.prepared.vocabulary.encode(d.text));
  const samples = perplexitySpread(await kept.scorer.documentNlls(ids));
  return samples === null ? null : { samples, real: kept.real };
}

/** Keeps generation 0's model for the run, with the real reference as it scores it (none if it cannot keep one). */
async function keepGenerationZero(state: RunState, model: LanguageModel): Promise<void> {
  releaseGenerationZero(state);
  if (!model.keepScorer) return;
  const scorer = model.keepScorer();
  // The reference: the whole held-out documents the evaluation reference was cut from.
  const realIds = state.heldOutIds.slice(0, state.reference.documentCount);
  const real = perplexitySpread(await scoreOrRelease(scorer, realIds));
  if (real === null) {
    scorer.dispose();
    return;
  }
  state.generationZero = { scorer, real };
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
