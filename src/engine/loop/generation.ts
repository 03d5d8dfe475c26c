/**
 * One generation of the loop, as the paper runs it: draw a training set from the corpus, train a
 * fresh model on it, evaluate the model on held-out real text, sample its text, write that text
 * back into the corpus, and measure the text. runGeneration is the algorithm; the steps follow it
 * in the same order. What lies around it (pausing, settings changed mid-run, checkpoints, faults)
 * is in ./control, the run of many generations in run.ts.
 */
import { makeDocuments, totalChars, type CorpusDocument } from '../corpus/corpus';
import { drawTrainingSet, generatedCharsPerGeneration, writeBack } from '../corpus/paradigms';
import { candidateChars, createRealTextJudge, filterGenerated, filters } from '../corpus/quality-filter';
import { computeGenerationMetrics } from '../metrics/generation-metrics';
import { perplexityFromNll } from '../metrics/perplexity';
import { nonWordsOf } from '../metrics/real-words';
import type { GenerationReport, PromptSample } from '../record';
import type { Rng } from '../rng';
import { chooseWithClass } from './class-review';
import type { LanguageModel } from './families/types';
import { sampleStream, takeBudget, type GeneratedStream, type TextBudget } from './generated-text';
import { viewUnderGenerationZero } from './generation-zero-view';
import type { Phase, RunState } from './types';

/** Documents of a generation kept in its report (and shown in the page). */
export const REPORTED_SAMPLES = 16;

/**
 * One generation: draw the training set from the corpus, train a model (fresh unless the
 * config continues), evaluate it on held-out real text, sample its text, write the text back,
 * measure the text. Each step begins at a pause point and says its phase.
 */
export async function runGeneration(state: RunState, generation: number): Promise<GenerationReport> {
  const started = performance.now();
  const rng = state.rng.split(`generation-${generation}`);
  const begin = async (phase: Phase) => {
    await state.control.pausePoint(() => state.emit({ type: 'paused', generation }));
    state.emit({ type: 'phase', generation, phase });
  };

  await begin('sampling-corpus');
  const corpusBefore = {
    realShare: state.corpus.humanShare(),
    provenance: state.corpus.provenance(),
    chars: state.corpus.chars,
  };
  const trainingSet = drawTrainingSet(state.corpus, state.paradigm, rng.split('training-set'));

  await begin('training');
  const { model, trainLoss } = await train(state, generation, trainingSet);

  await begin('evaluating');
  const heldOut = await evaluate(state, model);

  await begin('generating');
  const text = await sample(state, generation, model, rng);

  await begin('writing-back');
  const written = writeBackText(state, generation, text.written.texts, rng);

  const measured = measure(state, generation, text);
  const underGenerationZero = await viewUnderGenerationZero(state, generation, model, text.evaluation.whole);

  const trainingChars = totalChars(trainingSet);
  const trainingHuman = trainingSet.reduce((n, d) => n + (d.origin === 'human' ? d.chars : 0), 0);
  return {
    ...measured.metrics,
    generation,
    ...heldOut,
    realShare: corpusBefore.realShare,
    trainingRealShare: trainingChars > 0 ? trainingHuman / trainingChars : 0,
    corpusChars: corpusBefore.chars,
    trainingChars,
    writtenChars: totalChars(written),
    generatedBudgetChars: text.budget,
    writtenDocuments: written.length,
    writtenCut: text.written.cut,
    filter: text.filter,
    ...(text.classFilter ? { classFilter: text.classFilter } : {}),
    provenance: corpusBefore.provenance,
    extinct: {
      chars: state.extinction.extinctCount('chars').extinct,
      bigrams: state.extinction.extinctCount('bigrams').extinct,
      words: state.extinction.extinctCount('words').extinct,
    },
    extinctChars: state.extinction.extinct('chars'),
    trainLoss,
    samples: text.samples,
    promptSamples: text.promptSamples,
    sampleNonWords: measured.sampleNonWords,
    underGenerationZero,
    durationMs: performance.now() - started,
  };
}

// ---- train -------------------------------------------------------------------------------------

/** A model of the training set, and its last reported training loss. */
async function train(
  state: RunState,
  generation: number,
  trainingSet: readonly CorpusDocument[],
): Promise<{ model: LanguageModel; trainLoss: number }> {
  const { control, emit } = state;
  const trainingIds = trainingSet.map((d) => state.prepared.vocabulary.encode(d.text));
  let trainLoss = NaN;
  const model = await state.family.train(
    generation,
    trainingIds,
    async (p) => {
      trainLoss = p.loss;
      emit({ type: 'trainStep', generation, ...p });
      await control.pausePoint(() => emit({ type: 'paused', generation }));
    },
    control.signal,
  );
  return { model, trainLoss };
}

// ---- evaluate ----------------------------------------------------------------------------------

/** The model's perplexity on held-out real text, and its exact KL from the source where one exists. */
async function evaluate(state: RunState, model: LanguageModel) {
  const nll = await model.nll(state.heldOutIds);
  const ppl = perplexityFromNll(nll.totalNll, nll.tokens);
  const familyKl = model.exactKl?.() ?? null;
  const exactKl =
    familyKl ?? (state.sourceEntropyRate !== null ? ppl.nllPerChar - state.sourceEntropyRate : null);
  return {
    perplexity: ppl.perplexity,
    nllPerChar: ppl.nllPerChar,
    heldOutTokens: nll.tokens,
    flooredTokens: nll.flooredTokens ?? null,
    bitsPerChar: ppl.bitsPerChar,
    exactKl,
  };
}

// ---- sample ------------------------------------------------------------------------------------

/** Rounds of extra candidates the quality filter may draw when duplicates leave it short. */
const EXTRA_CANDIDATE_ROUNDS = 3;

/** Characters of each prompt continuation: enough to read, cheap to sample. */
const CONTINUATION_CHARS = 160;

/** A generation's text: what is written back, what is measured, and what the page shows. */
interface GenerationText {
  /** m, the characters the paradigm writes back. */
  budget: number;
  /** The text written back: the stream's first m characters, or the filter's choice. */
  written: Pick<TextBudget, 'texts' | 'cut'>;
  filter: GenerationReport['filter'];
  /** What the class kept and discarded, when it chose. */
  classFilter?: GenerationReport['classFilter'];
  /** The stream's first `evaluation.sampleChars` characters, the sample every metric reads. */
  evaluation: TextBudget;
  samples: string[];
  promptSamples: PromptSample[];
}

/**
 * One stream of documents: its first m characters are written back, its first evaluation
 * characters (as many as the held-out reference holds) are measured (generated-text.ts). With the
 * quality filter on, about m / keep characters are drawn as candidates to choose from.
 */
async function sample(
  state: RunState,
  generation: number,
  model: LanguageModel,
  rng: Rng,
): Promise<GenerationText> {
  const { config, prepared, control, emit } = state;
  const m = generatedCharsPerGeneration(config, state.paradigm.realChars);
  // While the class chooses, the automatic filter waits: one filter at a time (class-review.ts).
  const byClass = config.filter.byClass;
  const filtering = filters(config.filter) && !byClass;
  const candidateGoal = filtering ? candidateChars(m, config.filter) : m;
  const evaluationChars = state.reference.charCount;
  const goal = Math.max(candidateGoal, evaluationChars);
  const streamOptions = (chars: number) => ({
    chars,
    maxLength: config.sampling.maxLength,
    decoding: config.decoding,
    vocabulary: prepared.vocabulary,
    pausePoint: () => control.pausePoint(),
    onProgress: (done: number, total: number) =>
      emit({ type: 'phase', generation, phase: 'generating', done, total }),
  });
  // The first documents go to the page at once, as a preview: a class reads generation n's
  // text while the rest of its m characters are still being written.
  let previewed = false;
  const preview = (documents: readonly { text: string }[]) => {
    if (previewed || documents.length === 0) return;
    previewed = true;
    emit({
      type: 'samples',
      generation,
      samples: documents.slice(0, REPORTED_SAMPLES).map((d) => d.text),
      promptSamples: [],
    });
  };
  const stream = await sampleStream(
    model,
    { ...streamOptions(goal), onDocuments: preview },
    rng.split('generate'),
  );
  if (stream.exhausted) {
    emit({
      type: 'notice',
      message: `Generation ${generation}'s model wrote only empty documents: ${stream.chars} of the ${goal} characters asked for were generated.`,
    });
  }
  let written: GenerationText['written'] = takeBudget(stream.documents, m);
  let filter: GenerationReport['filter'] = null;
  let classFilter: GenerationText['classFilter'];
  if (byClass) {
    const chosen = await chooseWithClass({
      reviewer: state.reviewByClass,
      signal: control.signal,
      generation,
      stream,
      budget: m,
      realWords: state.reference.realWords,
      drawMore: (documentsBefore, chars) =>
        sampleStream(
          model,
          { ...streamOptions(chars), firstDocument: documentsBefore },
          rng.split('generate'),
        ),
    });
    written = { texts: chosen.texts, cut: chosen.cut };
    classFilter = chosen.record;
  } else if (filtering) {
    const more = (round: number) =>
      sampleStream(model, streamOptions(candidateGoal), rng.split(`generate-more-${round}`));
    ({ written, filter } = await chooseWithFilter(state, generation, stream, candidateGoal, m, more));
  }
  const evaluation = takeBudget(stream.documents, evaluationChars);
  const samples = stream.documents.slice(0, REPORTED_SAMPLES).map((d) => d.text);
  const promptSamples = await continuePrompts(state, model, rng.split('prompts'));
  emit({ type: 'samples', generation, samples, promptSamples });
  return { budget: m, written, filter, classFilter, evaluation, samples, promptSamples };
}

/** The quality filter's choice of m characters among the stream's candidates (more drawn if duplicates leave it short). */
async function chooseWithFilter(
  state: RunState,
  generation: number,
  stream: GeneratedStream,
  candidateGoal: number,
  m: number,
  drawMore: (round: number) => Promise<GeneratedStream>,
): Promise<{ written: GenerationText['written']; filter: GenerationReport['filter'] }> {
  const { config, prepared, corpus } = state;
  state.judge ??= createRealTextJudge(
    prepared.real.map((d) => d.text),
    prepared.vocabulary,
  );
  const inCorpus = config.filter.dedupe ? new Set(corpus.documents.map((d) => d.text)) : undefined;
  const candidates = wholeDocumentsCovering(stream.documents, candidateGoal);
  let chosen = filterGenerated(candidates, m, config.filter, state.judge, inCorpus);
  // Duplicates can leave too little distinct text: draw more candidates (a few rounds at most).
  for (let round = 1; round <= EXTRA_CANDIDATE_ROUNDS && chosen.chars < m && !stream.exhausted; round++) {
    const more = await drawMore(round);
    candidates.push(...more.documents.map((d) => d.text));
    chosen = filterGenerated(candidates, m, config.filter, state.judge, inCorpus);
    if (more.exhausted) break;
  }
  if (chosen.chars < m) {
    state.emit({
      type: 'notice',
      message: `Generation ${generation}: the filter found ${chosen.chars} of the ${m} characters of distinct text it was to write.`,
    });
  }
  return {
    written: { texts: chosen.kept, cut: chosen.cut },
    filter: {
      candidates: chosen.candidates,
      duplicates: chosen.duplicates,
      rejected: chosen.rejected,
      judgeNllAll: chosen.judgeNllAll,
      judgeNllKept: chosen.judgeNllKept,
    },
  };
}

/** The stream's first documents, whole, until they hold at least `chars` characters. */
function wholeDocumentsCovering(
  documents: readonly { text: string; chars: number }[],
  chars: number,
): string[] {
  const out: string[] = [];
  let covered = 0;
  for (const d of documents) {
    if (covered >= chars) break;
    out.push(d.text);
    covered += d.chars;
  }
  return out;
}

/** The same prompts continued by every generation's model, so degradation reads side by side. */
async function continuePrompts(state: RunState, model: LanguageModel, rng: Rng): Promise<PromptSample[]> {
  const out: PromptSample[] = [];
  for (const [i, prompt] of state.prompts.entries()) {
    const { documents } = await model.sample(
      {
        count: 1,
        maxLength: Math.min(CONTINUATION_CHARS, state.config.sampling.maxLength),
        decoding: state.config.decoding,
        prompt: prompt.ids,
      },
      rng.split(`prompt-${i}`),
    );
    out.push({ prompt: prompt.text, continuation: state.prepared.vocabulary.decode(documents[0]) });
  }
  return out;
}

// ---- write back --------------------------------------------------------------------------------

/** The generated text written into the corpus as the paradigm says; the documents written. */
function writeBackText(
  state: RunState,
  generation: number,
  texts: readonly string[],
  rng: Rng,
): CorpusDocument[] {
  const { corpus, emit } = state;
  const generated = makeDocuments(texts, generation);
  const result = writeBack(corpus, generated, state.paradigm, rng.split('write-back'));
  if (result.notice) emit({ type: 'notice', message: result.notice });
  emit({
    type: 'corpusChanged',
    generation,
    provenance: corpus.provenance(),
    chars: corpus.chars,
    humanShare: corpus.humanShare(),
  });
  return generated;
}

// ---- measure -----------------------------------------------------------------------------------

/**
 * The metrics of the generation's evaluation sample against the held-out reference (its word
 * census among them), and the words it made up.
 */
function measure(state: RunState, generation: number, text: GenerationText) {
  const { evaluation } = text;
  const metrics = computeGenerationMetrics({
    samples: evaluation.texts,
    heldOut: state.reference,
    lengthCap: state.config.sampling.maxLength,
    // Stories are measured whole: the cut that fits the sample is the loop's, not the model's.
    sampleLengths: evaluation.whole.map((d) => d.chars),
    hitCap: evaluation.whole.map((d) => d.hitCap),
    extinction: { tracker: state.extinction, generation },
  });
  const sampleNonWords = nonWordsOf(
    [...text.samples, ...text.promptSamples.map((p) => p.continuation)],
    state.reference.realWords,
  );
  return { metrics, sampleNonWords };
}
