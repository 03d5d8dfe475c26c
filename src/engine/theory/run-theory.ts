/**
 * Theory mode's many-run path: R seeds of one count-model setting, summarised as bands, with
 * the closed forms evaluated beside them. Order 0 runs the exact unigram chain (thousands of
 * generations per second); orders >= 1 run the text loop R times (slow).
 */
import type { SimulationConfig } from '../config/schema';
import { prepareCorpus } from '../corpus/prepare';
import type { RunRecord, TheoryFormulas, TheoryRecord } from '../record';
import { chainSettingFor } from './chain-setting';
import { unigramFormulas } from './formulas';
import { describeRecording, recordedGenerations } from './recorded-generations';
import { runTextLoops, seedOfRun, textRealShareCurve } from './text-runs';
import { runUnigramChains } from './unigram-runs';

export interface TheoryOptions {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** The user's own documents, when config.corpus.source is 'user'. */
  userDocuments?: readonly string[];
  /** Orders >= 1: each finished text run's ordinary record (run.json without `theory`). */
  onTextRun?(runIndex: number, record: RunRecord): void;
  /**
   * auto (default): the unigram chain for order 0; for orders >= 1 the text loop when R x G is
   * within TEXT_LOOP_BUDGET generations, else the unigram chain in its place (with a note).
   */
  method?: 'auto' | TheoryRecord['method'];
}

/**
 * Text-loop generations theory mode runs before it falls back to the order-0 chain: a
 * count-model text generation resamples the whole corpus, so 2,500 of them take minutes,
 * while 50 runs x 10,000 generations would take hours.
 */
export const TEXT_LOOP_BUDGET = 2_500;

/** Which path runs, and why, when it is not the one the config's order asks for. */
export function theoryMethod(
  config: SimulationConfig,
  method: TheoryOptions['method'] = 'auto',
): { method: TheoryRecord['method']; note?: string } {
  if (method !== 'auto') return { method };
  if (config.model.ngramOrder === 0) return { method: 'unigram-chain' };
  const work = config.runs * config.generations;
  if (work <= TEXT_LOOP_BUDGET) return { method: 'text-loop' };
  return {
    method: 'unigram-chain',
    note:
      `n-gram order ${config.model.ngramOrder} over ${config.runs} runs x ${config.generations} generations would need ${work.toLocaleString('en')} text-loop generations ` +
      `(hours); theory mode ran the exact order-0 count model (the unigram recursion the closed forms are about) instead. ` +
      `For order-${config.model.ngramOrder} bands keep runs x generations <= ${TEXT_LOOP_BUDGET.toLocaleString('en')}`,
  };
}

const UNIGRAM_GENERATIONS =
  'generation 0 is the real law p0 (no model); generation n >= 1 is the n-th model, fitted on the corpus after n - 1 write-backs (the text loop calls it generation n - 1); realWeight is the real share after n write-backs';

export async function runTheory(
  config: SimulationConfig,
  options: TheoryOptions = {},
): Promise<TheoryRecord> {
  if (config.model.family !== 'ngram')
    throw new Error('theory mode runs the count model: set model.family to "ngram"');
  const chosen = theoryMethod(config, options.method);
  return chosen.method === 'unigram-chain'
    ? runUnigramTheory(config, options, chosen.note)
    : runTextTheory(config, options);
}

async function runUnigramTheory(
  config: SimulationConfig,
  options: TheoryOptions,
  fallbackNote?: string,
): Promise<TheoryRecord> {
  const started = performance.now();
  const prepared = prepareCorpus(config, options.userDocuments);
  const setting = chainSettingFor(config, prepared);
  const recorded = recordedGenerations(config.generations);
  const result = await runUnigramChains(setting.chain, {
    runs: config.runs,
    generations: config.generations,
    seed: config.seed,
    recorded,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const notes = [
    ...(fallbackNote ? [fallbackNote] : []),
    ...prepared.notices,
    'exact unigram recursion (count model of order 0): every law is a probability vector, every sample an exact multinomial; metrics are of the model law p_n against p0, not of sampled text',
    `runs use the streams createRng(${config.seed}).split("run-r"), r = 0..${config.runs - 1}, on one real corpus (seed ${config.seed})`,
  ];
  if (config.paradigm === 'fresh-data') {
    notes.push(
      'fresh-data: the corpus keeps everything and gains k fresh real and m generated tokens each generation, and each model fits M tokens drawn from all of it, as in the text loop',
    );
  }
  if (config.paradigm === 'replace') {
    notes.push(
      'replace: each write-back removes m tokens drawn at random without replacement from the corpus (real and generated alike), so the real share is random around (1 - lambda)^n and a symbol whose last token is removed is lost for good',
    );
  }
  if (config.paradigm === 'replace' && setting.tokens.corpusTokens > setting.tokens.realTokens) {
    notes.push(
      'contamination > 1 under replace: the m generated tokens replace the whole corpus each generation (lambda = 1)',
    );
  }
  return {
    version: 1,
    method: 'unigram-chain',
    ngramOrder: 0,
    status: result.cancelled ? 'cancelled' : 'complete',
    runsRequested: config.runs,
    runs: result.runs,
    generations: config.generations,
    recordedGenerations: recorded,
    recording: `${describeRecording(recorded, config.generations)}; ${UNIGRAM_GENERATIONS}`,
    seconds: (performance.now() - started) / 1000,
    notes,
    formulas: unigramFormulas(config.paradigm, setting.tokens, setting.initialLaw, recorded),
    unigram: {
      symbols: setting.symbols,
      initialLaw: Array.from(setting.initialLaw),
      tokens: setting.tokens,
      bands: result.bands,
      fixation: result.fixation,
      extinction: result.extinction,
      perRun: result.perRun,
    },
  };
}

const TEXT_ONLY =
  'the closed forms are for the unigram chain (model order 0); this run uses n-gram order >= 1 over text';

async function runTextTheory(config: SimulationConfig, options: TheoryOptions): Promise<TheoryRecord> {
  const started = performance.now();
  const result = await runTextLoops(config, options);
  const recorded = Array.from({ length: config.generations }, (_, g) => g);
  const formulas: TheoryFormulas = {
    realWeight: textRealShareCurve(config, result.realChars, recorded),
    collision: { formula: null, values: null, reason: TEXT_ONLY },
    fixationProbability: { formula: null, bySymbol: null, reason: TEXT_ONLY },
    fixationTime: { formula: null, reason: TEXT_ONLY },
    extinctionTime: { formula: null, reason: TEXT_ONLY },
    biasedDrift: { bias: null, reason: TEXT_ONLY },
  };
  const lastSeed = seedOfRun(config.seed, config.runs - 1);
  return {
    version: 1,
    method: 'text-loop',
    ngramOrder: config.model.ngramOrder,
    status: result.cancelled ? 'cancelled' : 'complete',
    runsRequested: config.runs,
    runs: result.runs,
    generations: config.generations,
    recordedGenerations: recorded,
    recording:
      'every generation 0..G-1 of the text loop (generation n trains on the corpus after n write-backs); bands are over the columns of metrics.csv',
    seconds: (performance.now() - started) / 1000,
    notes: [
      `n-gram order ${config.model.ngramOrder}: ${config.runs} runs of the text loop, seeds ${config.seed}..${lastSeed}, one after the other; each seed also draws its own real corpus and held-out split. Much slower than the order-0 chain`,
      'metrics are measured on sampled text against held-out real text, as in a single run',
    ],
    formulas,
    text: result.text,
  };
}
