/**
 * The theory worker: runs theory mode's exact unigram chain (src/engine/theory) off the main
 * thread. 50 runs x 10,000 generations take seconds, far beyond the 50 ms a main-thread task
 * may take; here the chain yields every ~50 ms, so a cancel or a newer run gets its turn.
 *
 * Why not runTheory itself: run-theory.ts also reaches the text loop (orders >= 1), whose
 * transformer family pulls all of TensorFlow.js (3 MB) into this small worker. So the worker
 * assembles the order-0 record from the chain's own modules, as runTheory's unigram path does;
 * a unit test (tests/unit/app/theory-worker-record.test.ts) holds the two records equal.
 */
import { simulationConfigSchema, type SimulationConfig } from '../engine/config/schema';
import { prepareCorpus } from '../engine/corpus/prepare';
import { chainSettingFor } from '../engine/theory/chain-setting';
import { unigramFormulas } from '../engine/theory/formulas';
import type { TheoryRecord } from '../engine/theory/record';
import { describeRecording, recordedGenerations } from '../engine/theory/recorded-generations';
import { runUnigramChains } from '../engine/theory/unigram-runs';
import {
  isTheoryMessage,
  THEORY_PROTOCOL_VERSION,
  type TheoryCommand,
  type TheoryEvent,
  type TheoryEventBody,
} from './theory-protocol';

export interface ChainRunOptions {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/** The same text run-theory.ts writes into `recording` for the unigram chain. */
const UNIGRAM_GENERATIONS =
  'generation 0 is the real law p0 (no model); generation n >= 1 is the n-th model, fitted on the corpus after n - 1 write-backs (the text loop calls it generation n - 1); realWeight is the real share after n write-backs';

/** runTheory(config, { method: 'unigram-chain' }) for a built-in corpus, without the text loop's imports. */
export async function runUnigramRecord(
  config: SimulationConfig,
  options: ChainRunOptions = {},
): Promise<TheoryRecord> {
  if (config.model.family !== 'ngram')
    throw new Error('theory mode runs the count model: set model.family to "ngram"');
  if (config.corpus.source === 'user') throw new Error('the Theory view runs on a built-in corpus only');
  const started = performance.now();
  const prepared = prepareCorpus(config);
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
    ...prepared.notices,
    'exact unigram recursion (count model of order 0): every law is a probability vector, every sample an exact multinomial; metrics are of the model law p_n against p0, not of sampled text',
    `runs use the streams createRng(${config.seed}).split("run-r"), r = 0..${config.runs - 1}, on one real corpus (seed ${config.seed})`,
  ];
  if (config.paradigm === 'fresh-data') {
    notes.push(
      'fresh-data here: each corpus holds only the latest k fresh real and m generated tokens (Alemohammad et al.); the text loop instead keeps adding both to a growing corpus',
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

// ---- the worker's message loop ---------------------------------------------------------------

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface WorkerScope {
  postMessage(message: TheoryEvent): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
}

function listen(scope: WorkerScope): void {
  const emit = (event: TheoryEventBody) =>
    scope.postMessage({ ...event, version: THEORY_PROTOCOL_VERSION } as TheoryEvent);
  /** The run in progress: at most one; a newer one aborts it. */
  let current: { runId: number; abort: AbortController } | null = null;

  async function run(runId: number, rawConfig: unknown): Promise<void> {
    current?.abort.abort();
    const abort = new AbortController();
    current = { runId, abort };
    try {
      const parsed = simulationConfigSchema.safeParse(rawConfig);
      if (!parsed.success)
        throw new Error(
          `invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      const record = await runUnigramRecord(parsed.data, {
        signal: abort.signal,
        onProgress: (done, total) => {
          if (!abort.signal.aborted) emit({ type: 'progress', runId, done, total });
        },
      });
      // A superseded run's partial record is of no use: the page has already asked for another.
      if (!abort.signal.aborted) emit({ type: 'result', runId, record });
    } catch (e) {
      // An aborted run may throw ('cancelled before the first run finished'): that is no failure.
      if (!abort.signal.aborted) emit({ type: 'error', runId, message: messageOf(e) });
    } finally {
      if (current?.runId === runId) current = null;
    }
  }

  scope.onmessage = (e: MessageEvent<unknown>) => {
    if (!isTheoryMessage(e.data)) {
      emit({
        type: 'error',
        runId: null,
        message: 'the theory worker received a message in an unknown format (a stale cached page? reload it)',
      });
      return;
    }
    const command = e.data as TheoryCommand;
    if (command.type === 'run') void run(command.runId, command.config);
    else if (command.type === 'cancel' && current?.runId === command.runId) current.abort.abort();
  };
}

// Only inside a worker: the unit test imports runUnigramRecord in Node, where there is no `self`.
if (typeof self !== 'undefined' && typeof (self as { postMessage?: unknown }).postMessage === 'function') {
  listen(self as unknown as WorkerScope);
}
