/**
 * The Theory view's handle on the sweep worker, started on the first sweep asked for (most
 * visits never run one). One sweep at a time: a new one cancels the one before, and events of
 * any sweep but the latest are dropped here.
 */
import type { SweepRequest } from './sweep-job';
import { isSweepEvent, type SweepCommand, type SweepEvent } from './sweep-protocol';

export class SweepClient {
  private worker: Worker | null = null;
  private lastId = 0;
  private activeId: number | null = null;

  constructor(private readonly listener: (event: SweepEvent) => void) {}

  /** Starts a sweep (cancelling the one in progress); returns its id. */
  run(request: SweepRequest): number {
    this.cancel();
    const id = ++this.lastId;
    this.activeId = id;
    this.send({ type: 'sweep', id, request });
    return id;
  }

  cancel(): void {
    if (this.activeId === null) return;
    this.send({ type: 'cancel', id: this.activeId });
    this.activeId = null;
  }

  terminate(): void {
    this.activeId = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private send(command: SweepCommand): void {
    this.start().postMessage(command);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Vite bundles the worker from this URL expression; keep it literal.
    const worker = new Worker(new URL('./sweep.worker.ts', import.meta.url), {
      type: 'module',
      name: 'sweep',
    });
    worker.onmessage = (e: MessageEvent<unknown>) => {
      if (isSweepEvent(e.data)) this.receive(e.data);
      else this.fail('the sweep worker answered in an unknown format (a stale cached page? reload it)');
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(`the sweep worker failed: ${e.message || 'it could not be loaded'}`);
    };
    this.worker = worker;
    return worker;
  }

  private receive(event: SweepEvent): void {
    if (event.id !== null && event.id !== this.activeId) return;
    if (event.type !== 'progress') this.activeId = null;
    this.listener(event);
  }

  private fail(message: string): void {
    this.activeId = null;
    this.listener({ type: 'error', id: null, message });
  }
}
