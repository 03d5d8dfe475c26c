import type { SimulationConfig } from '../config/schema';
import { Corpus, makeDocuments, totalChars, type CorpusDocument } from '../corpus/corpus';
import { drawTrainingSet, generatedCharsPerGeneration, writeBack, type ParadigmContext } from '../corpus/paradigms';
import type { PreparedCorpus } from '../corpus/prepare';
import { candidateChars, createRealTextJudge, filterGenerated, filters, type Judge } from '../corpus/quality-filter';
import type { ExtinctionTracker } from '../metrics/extinction';
import { computeGenerationMetrics, type MetricsReference } from '../metrics/generation-metrics';
import { perplexityFromNll } from '../metrics/perplexity';
import { nonWordsOf } from '../metrics/real-words';
import type { Rng } from '../rng';
import type { LoopControl } from './control';
import type { Phase, SimulationEvent } from './events';
import type { LanguageModel, ModelFamily } from './families/types';
import { sampleStream, takeBudget } from './generated-text';
import type { GenerationReport, PromptSample } from '../record';

/** Documents of a generation kept in its report (and shown in the page). */
export const REPORTED_SAMPLES = 16;

/** Everything a run keeps from one generation to the next. */
export interface RunState {
  config: SimulationConfig;
  prepared: PreparedCorpus;
  corpus: Corpus;
  paradigm: ParadigmContext;
  family: ModelFamily;
  heldOutIds: Int32Array[];
  /** The held-out evaluation sample and the real vocabulary; its size is every generation's sample size. */
  reference: MetricsReference;
  extinction: ExtinctionTracker;
  /** Beginnings of held-out documents: every generation continues the same ones. */
  prompts: { text: string; ids: Int32Array }[];
  /** Entropy rate of the source, when the corpus has an exact law (markov). */
  sourceEntropyRate: number | null;
  rng: Rng;
  control: LoopControl;
  emit: (event: SimulationEvent) => void;
  /** The quality filter's judge (a count model of D0), made the first time the filter is on. */
  judge?: Judge;
  /**
   * What the model family said while it was set up (how many workers train), held until the run
   * has started (the page clears its notices when a run starts); once released, it says them at once.
   */
  setupNotices: { held: string[]; release(): void };
}

/** Rounds of extra candidates the quality filter may draw when duplicates leave it short. */
const EXTRA_CANDIDATE_ROUNDS = 3;

/** The stream's first documents, whole, until they hold at least `chars` characters. */
function wholeDocumentsCovering(documents: readonly { text: string; chars: number }[], chars: number): string[] {
  const out: string[] = [];
  let covered = 0;
  for (const d of documents) {
    if (covered >= chars) break;
    out.push(d.text);
    covered += d.chars;
  }
  return out;
}

/** Characters of each prompt continuation: enough to read, cheap to sample. */
const CONTINUATION_CHARS = 160;

/** The same prompts continued by every generation's model, so degradation reads side by side. */
async function continuePrompts(state: RunState, model: LanguageModel, rng: Rng): Promise<PromptSample[]> {
  const out: PromptSample[] = [];
  for (const [i, prompt] of state.prompts.entries()) {
    const { documents } = await model.sample(
      { count: 1, maxLength: Math.min(CONTINUATION_CHARS, state.config.sampling.maxLength), decoding: state.config.decoding, prompt: prompt.ids },
      rng.split(`prompt-${i}`),
    );
    out.push({ prompt: prompt.text, continuation: state.prepared.vocabulary.decode(documents[0]) });
  }
  return out;
}

/**
 * One generation: draw the training set from the corpus, train a model (fresh unless the
 * config continues), measure it on held-out real text, generate its text, write the text back.
 */
export async function runGeneration(state: RunState, generation: number): Promise<GenerationReport> {
  const { config, prepared, corpus, family, control, emit } = state;
  const started = performance.now();
  const rng = state.rng.split(`generation-${generation}`);
  const phase = async (p: Phase) => {
    await control.checkpoint(() => emit({ type: 'paused', generation }));
    emit({ type: 'phase', generation, phase: p });
  };

  await phase('sampling-corpus');
  const realShare = corpus.humanShare();
  const provenance = corpus.provenance();
  const corpusChars = corpus.chars;
  const trainingSet = drawTrainingSet(corpus, state.paradigm, rng.split('training-set'));
  const trainingChars = totalChars(trainingSet);
  const trainingHuman = trainingSet.reduce((n, d) => n + (d.origin === 'human' ? d.chars : 0), 0);
  const trainingIds = trainingSet.map((d) => prepared.vocabulary.encode(d.text));

  await phase('training');
  let trainLoss = NaN;
  const model = await family.train(
    generation,
    trainingIds,
    async (p) => {
      trainLoss = p.loss;
      emit({ type: 'trainStep', generation, ...p });
      await control.checkpoint(() => emit({ type: 'paused', generation }));
    },
    control.signal,
  );

  await phase('evaluating');
  const nll = await model.nll(state.heldOutIds);
  const ppl = perplexityFromNll(nll.totalNll, nll.tokens);
  const familyKl = model.exactKl?.() ?? null;
  const exactKl = familyKl ?? (state.sourceEntropyRate !== null ? ppl.nllPerChar - state.sourceEntropyRate : null);

  await phase('generating');
  // One stream of documents: its first m characters are written back, its first evaluation
  // characters (as many as the held-out reference holds) are measured (generated-text.ts).
  // With the quality filter on, about m / keep characters are drawn as candidates to choose from.
  const m = generatedCharsPerGeneration(config, state.paradigm.realChars);
  const filtering = filters(config.filter);
  const candidateGoal = filtering ? candidateChars(m, config.filter) : m;
  const evaluationChars = state.reference.charCount;
  const goal = Math.max(candidateGoal, evaluationChars);
  const streamOptions = (chars: number) => ({
    chars,
    maxLength: config.sampling.maxLength,
    decoding: config.decoding,
    vocabulary: prepared.vocabulary,
    checkpoint: () => control.checkpoint(),
    onProgress: (done: number, total: number) => emit({ type: 'phase', generation, phase: 'generating', done, total }),
  });
  // The first documents go to the page at once, as a preview: a class reads generation n's
  // text while the rest of its m characters are still being written.
  let previewed = false;
  const preview = (documents: readonly { text: string }[]) => {
    if (previewed || documents.length === 0) return;
    previewed = true;
    emit({ type: 'samples', generation, samples: documents.slice(0, REPORTED_SAMPLES).map((d) => d.text), promptSamples: [] });
  };
  const stream = await sampleStream(model, { ...streamOptions(goal), onDocuments: preview }, rng.split('generate'));
  if (stream.exhausted) {
    emit({ type: 'notice', message: `Generation ${generation}'s model wrote only empty documents: ${stream.chars} of the ${goal} characters asked for were generated.` });
  }
  let written = takeBudget(stream.documents, m);
  let filterReport: GenerationReport['filter'] = null;
  if (filtering) {
    state.judge ??= createRealTextJudge(
      prepared.real.map((d) => d.text),
      prepared.vocabulary,
    );
    const inCorpus = config.filter.dedupe ? new Set(corpus.documents.map((d) => d.text)) : undefined;
    const candidates = wholeDocumentsCovering(stream.documents, candidateGoal);
    let chosen = filterGenerated(candidates, m, config.filter, state.judge, inCorpus);
    // Duplicates can leave too little distinct text: draw more candidates (a few rounds at most).
    for (let round = 1; round <= EXTRA_CANDIDATE_ROUNDS && chosen.chars < m && !stream.exhausted; round++) {
      const more = await sampleStream(model, streamOptions(candidateGoal), rng.split(`generate-more-${round}`));
      candidates.push(...more.documents.map((d) => d.text));
      chosen = filterGenerated(candidates, m, config.filter, state.judge, inCorpus);
      if (more.exhausted) break;
    }
    if (chosen.chars < m) {
      emit({ type: 'notice', message: `Generation ${generation}: the filter found ${chosen.chars} of the ${m} characters of distinct text it was to write.` });
    }
    written = { texts: chosen.kept, whole: [], chars: chosen.chars, cut: chosen.cut };
    filterReport = {
      candidates: chosen.candidates,
      duplicates: chosen.duplicates,
      rejected: chosen.rejected,
      judgeNllAll: chosen.judgeNllAll,
      judgeNllKept: chosen.judgeNllKept,
    };
  }
  const evaluation = takeBudget(stream.documents, evaluationChars);
  const samples = stream.documents.slice(0, REPORTED_SAMPLES).map((d) => d.text);
  const promptSamples = await continuePrompts(state, model, rng.split('prompts'));
  emit({ type: 'samples', generation, samples, promptSamples });
  const metrics = computeGenerationMetrics({
    samples: evaluation.texts,
    heldOut: state.reference,
    lengthCap: config.sampling.maxLength,
    // Stories are measured whole: the cut that fits the sample is the loop's, not the model's.
    sampleLengths: evaluation.whole.map((d) => d.chars),
    hitCap: evaluation.whole.map((d) => d.hitCap),
    extinction: { tracker: state.extinction, generation },
  });
  const sampleNonWords = nonWordsOf([...samples, ...promptSamples.map((p) => p.continuation)], state.reference.realWords);

  await phase('writing-back');
  const generated: CorpusDocument[] = makeDocuments(written.texts, generation);
  const result = writeBack(corpus, generated, state.paradigm, rng.split('write-back'));
  if (result.notice) emit({ type: 'notice', message: result.notice });
  emit({ type: 'corpusChanged', generation, provenance: corpus.provenance(), chars: corpus.chars, humanShare: corpus.humanShare() });

  return {
    ...metrics,
    generation,
    perplexity: ppl.perplexity,
    nllPerChar: ppl.nllPerChar,
    heldOutTokens: nll.tokens,
    flooredTokens: nll.flooredTokens ?? null,
    bitsPerChar: ppl.bitsPerChar,
    exactKl,
    realShare,
    trainingRealShare: trainingChars > 0 ? trainingHuman / trainingChars : 0,
    corpusChars,
    trainingChars,
    writtenChars: totalChars(generated),
    generatedBudgetChars: m,
    writtenDocuments: generated.length,
    writtenCut: written.cut,
    filter: filterReport,
    provenance,
    extinct: {
      chars: state.extinction.extinctCount('chars').extinct,
      bigrams: state.extinction.extinctCount('bigrams').extinct,
      words: state.extinction.extinctCount('words').extinct,
    },
    extinctChars: state.extinction.extinct('chars'),
    trainLoss,
    samples,
    promptSamples,
    sampleNonWords,
    durationMs: performance.now() - started,
  };
}
