/**
 * The theory worker: runs theory mode's exact unigram chain (src/engine/theory) off the main
 * thread. 50 runs x 10,000 generations take seconds, far beyond the 50 ms a main-thread task
 * may take; here the chain yields every ~50 ms, so a cancel or a newer run gets its turn.
 * The loop loads its transformer family (and so TensorFlow.js) only on demand, and this worker
 * never asks for it: the chunk stays small.
 */
import { simulationConfigSchema, type SimulationConfig } from '../engine/config/schema';
import type { TheoryRecord } from '../engine/record';
import { runTheory } from '../engine/theory/run-theory';
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

/** The view's run: runTheory's exact unigram chain, on a built-in corpus. */
export async function runUnigramRecord(
  config: SimulationConfig,
  options: ChainRunOptions = {},
): Promise<TheoryRecord> {
  if (config.model.family !== 'ngram')
    throw new Error('theory mode runs the count model: set model.family to "ngram"');
  if (config.corpus.source === 'user') throw new Error('the Theory view runs on a built-in corpus only');
  return runTheory(config, { ...options, method: 'unigram-chain' });
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
