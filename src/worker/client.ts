/**
 * The page's handle on the simulation worker. The UI calls start/stop and listens for events;
 * it never sees a raw MessageEvent. A message from another build arrives as an ordinary `error`
 * event; a worker that dies (its script throws where nothing catches it, it fails to load, runs
 * out of memory) arrives as `worker-crashed`, after which it sends nothing more.
 */
import {
  hasProtocolVersion,
  PROTOCOL_VERSION,
  type SimulationConfig,
  type StartRequest,
  type WorkerCommand,
  type WorkerEvent,
} from './simulation-protocol';

/** The worker died: the page keeps what it has and may resume from the last checkpoint. */
export interface WorkerCrash {
  type: 'worker-crashed';
  message: string;
}

export type ClientEvent = WorkerEvent | WorkerCrash;
export type WorkerEventListener = (event: ClientEvent) => void;

export class SimulationClient {
  private readonly worker: Worker;
  private readonly listeners = new Set<WorkerEventListener>();

  constructor() {
    // Vite bundles the worker and its tfjs chunk from this URL expression; keep it literal.
    this.worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), {
      type: 'module',
      name: 'simulation',
    });
    this.worker.onmessage = (e: MessageEvent<unknown>) => {
      if (hasProtocolVersion(e.data)) this.dispatch(e.data as WorkerEvent);
      else this.fail('the simulation worker answered in an unknown format (a stale cached page? reload it)');
    };
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      // Chromium prefixes the thrown message with "Uncaught Error: "; the page says it its own way.
      const detail = (e.message || 'it could not be loaded').replace(/^Uncaught (\w*Error: )?/, '');
      this.dispatch({ type: 'worker-crashed', message: `the simulation worker stopped (${detail})` });
    };
    this.worker.onmessageerror = () => this.fail('a message from the simulation worker could not be read');
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: WorkerEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(request: StartRequest): void {
    this.send({ type: 'start', version: PROTOCOL_VERSION, request });
  }

  pause(): void {
    this.send({ type: 'pause', version: PROTOCOL_VERSION });
  }

  resume(): void {
    this.send({ type: 'resume', version: PROTOCOL_VERSION });
  }

  /** Finish the current generation, then pause. */
  step(): void {
    this.send({ type: 'step', version: PROTOCOL_VERSION });
  }

  updateConfig(config: SimulationConfig): void {
    this.send({ type: 'updateConfig', version: PROTOCOL_VERSION, config });
  }

  /** The class's answer to the `classReview` request `id`: the offered documents it keeps. */
  answerClassReview(id: number, kept: number[]): void {
    this.send({ type: 'classReviewed', version: PROTOCOL_VERSION, id, kept });
  }

  /**
   * Stop: ends the worker at once (whatever it was doing) and frees its memory, GPU memory
   * included. The page keeps what it has; the next run starts a fresh worker.
   */
  terminate(): void {
    this.worker.terminate();
    this.listeners.clear();
  }

  private send(command: WorkerCommand): void {
    this.worker.postMessage(command);
  }

  private fail(message: string): void {
    this.dispatch({ type: 'error', version: PROTOCOL_VERSION, message });
  }

  private dispatch(event: ClientEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
