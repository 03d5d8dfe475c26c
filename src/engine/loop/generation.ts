import type { SimulationConfig } from '../config/schema';
import { Corpus, makeDocuments, totalChars, type CorpusDocument } from '../corpus/corpus';
import { drawTrainingSet, generatedCharsPerGeneration, writeBack, type ParadigmContext } from '../corpus/paradigms';
import type { PreparedCorpus } from '../corpus/prepare';
import type { ExtinctionTracker } from '../metrics/extinction';
import { computeGenerationMetrics, type MetricsReference } from '../metrics/generation-metrics';
import { perplexityFromNll } from '../metrics/perplexity';
import type { Rng } from '../rng';
import type { LoopControl } from './control';
import type { Phase, SimulationEvent } from './events';
import type { LanguageModel, ModelFamily } from './families/types';
import type { GenerationReport, PromptSample } from './report';

/** Documents of a generation kept in its report (and shown in the page). */
export const REPORTED_SAMPLES = 16;
/** Documents sampled per call while the generation's text is written. */
const SAMPLE_CALL = 64;

/** Everything a run keeps from one generation to the next. */
export interface RunState {
  config: SimulationConfig;
  prepared: PreparedCorpus;
  corpus: Corpus;
  paradigm: ParadigmContext;
  family: ModelFamily;
  heldOutIds: Int32Array[];
  reference: MetricsReference;
  extinction: ExtinctionTracker;
  /** Beginnings of held-out documents: every generation continues the same ones. */
  prompts: { text: string; ids: Int32Array }[];
  /** Entropy rate of the source, when the corpus has an exact law (markov). */
  sourceEntropyRate: number | null;
  rng: Rng;
  control: LoopControl;
  emit: (event: SimulationEvent) => void;
}

/** Samples documents until at least `chars` characters of generated text exist. */
async function generateText(state: RunState, model: LanguageModel, generation: number, chars: number, rng: Rng) {
  const { config, prepared } = state;
  const texts: string[] = [];
  const hitCap: boolean[] = [];
  let written = 0;
  while (written < chars) {
    await state.control.checkpoint();
    const sampled = await model.sample(
      { count: SAMPLE_CALL, maxLength: config.sampling.maxLength, decoding: config.decoding },
      rng.split(`call-${texts.length}`),
    );
    sampled.documents.forEach((ids, i) => {
      if (written >= chars) return;
      const text = prepared.vocabulary.decode(ids);
      texts.push(text);
      hitCap.push(sampled.hitCap[i]);
      written += ids.length;
    });
    state.emit({ type: 'phase', generation, phase: 'generating', done: Math.min(written, chars), total: chars });
  }
  return { texts, hitCap };
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
  const m = generatedCharsPerGeneration(config, state.paradigm.realChars);
  const { texts, hitCap } = await generateText(state, model, generation, m, rng.split('generate'));
  const samples = texts.slice(0, REPORTED_SAMPLES);
  const promptSamples = await continuePrompts(state, model, rng.split('prompts'));
  emit({ type: 'samples', generation, samples, promptSamples });
  const metrics = computeGenerationMetrics({
    samples: texts,
    heldOut: state.reference,
    lengthCap: config.sampling.maxLength,
    hitCap,
    extinction: { tracker: state.extinction, generation },
  });

  await phase('writing-back');
  const generated: CorpusDocument[] = makeDocuments(texts, generation);
  const result = writeBack(corpus, generated, state.paradigm, rng.split('write-back'));
  if (result.notice) emit({ type: 'notice', message: result.notice });
  emit({ type: 'corpusChanged', generation, provenance: corpus.provenance(), chars: corpus.chars, humanShare: corpus.humanShare() });

  return {
    ...metrics,
    generation,
    perplexity: ppl.perplexity,
    nllPerChar: ppl.nllPerChar,
    bitsPerChar: ppl.bitsPerChar,
    exactKl,
    realShare,
    trainingRealShare: trainingChars > 0 ? trainingHuman / trainingChars : 0,
    corpusChars,
    trainingChars,
    writtenChars: totalChars(generated),
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
    durationMs: performance.now() - started,
  };
}
