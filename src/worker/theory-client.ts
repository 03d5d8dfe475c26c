/**
 * The Theory view's handle on its worker. One run at a time: run() cancels the run before it
 * (a slider dragged across many values asks for many runs; only the last one matters), and
 * events of any run but the latest are dropped here, so the UI never draws a stale result.
 */
import {
  isTheoryMessage,
  THEORY_PROTOCOL_VERSION,
  type SimulationConfig,
  type TheoryCommand,
  type TheoryEvent,
} from './theory-protocol';

export type TheoryListener = (event: TheoryEvent) => void;

export class TheoryClient {
  private readonly worker: Worker;
  private readonly listeners = new Set<TheoryListener>();
  private lastRunId = 0;
  /** The run whose events are still wanted, or null once it ended or was cancelled. */
  private activeRunId: number | null = null;

  constructor() {
    // Vite bundles the worker from this URL expression; keep it literal.
    this.worker = new Worker(new URL('./theory.worker.ts', import.meta.url), {
      type: 'module',
      name: 'theory',
    });
    this.worker.onmessage = (e: MessageEvent<unknown>) => {
      if (isTheoryMessage(e.data)) this.receive(e.data as TheoryEvent);
      else this.fail('the theory worker answered in an unknown format (a stale cached page? reload it)');
    };
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(`the theory worker failed: ${e.message || 'it could not be loaded'}`);
    };
    this.worker.onmessageerror = () => this.fail('a message from the theory worker could not be read');
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: TheoryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a run (cancelling the previous one); returns its id. */
  run(config: SimulationConfig): number {
    this.cancel();
    const runId = ++this.lastRunId;
    this.activeRunId = runId;
    this.send({ type: 'run', version: THEORY_PROTOCOL_VERSION, runId, config });
    return runId;
  }

  /** Cancels the run in progress, if any; its later events are dropped. */
  cancel(): void {
    if (this.activeRunId === null) return;
    this.send({ type: 'cancel', version: THEORY_PROTOCOL_VERSION, runId: this.activeRunId });
    this.activeRunId = null;
  }

  /** Ends the worker for good (the view unmounted). */
  terminate(): void {
    this.activeRunId = null;
    this.worker.terminate();
    this.listeners.clear();
  }

  private send(command: TheoryCommand): void {
    this.worker.postMessage(command);
  }

  private receive(event: TheoryEvent): void {
    // null: a failure of the worker itself, which concerns whichever run is active.
    if (event.runId !== null && event.runId !== this.activeRunId) return;
    if (event.type === 'result' || event.type === 'error') this.activeRunId = null;
    this.dispatch(event);
  }

  private fail(message: string): void {
    this.activeRunId = null;
    this.dispatch({ type: 'error', version: THEORY_PROTOCOL_VERSION, runId: null, message });
  }

  private dispatch(event: TheoryEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
