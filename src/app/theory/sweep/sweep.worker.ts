/**
 * The contamination sweep's worker: thousands of generations over every share and seed take
 * seconds, far beyond the 50 ms a main-thread task may take. One sweep at a time; a newer one
 * aborts the one before. Pure TypeScript: no TensorFlow.js.
 */
import { runSweepRequest } from './sweep-job';
import { isSweepCommand, type SweepEvent } from './sweep-protocol';

interface WorkerScope {
  postMessage(message: SweepEvent): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function listen(scope: WorkerScope): void {
  let current: { id: number; abort: AbortController } | null = null;

  async function sweep(id: number, request: Parameters<typeof runSweepRequest>[0]): Promise<void> {
    current?.abort.abort();
    const abort = new AbortController();
    current = { id, abort };
    try {
      const result = await runSweepRequest(request, {
        signal: abort.signal,
        onProgress: (done, total) => {
          if (!abort.signal.aborted) scope.postMessage({ type: 'progress', id, done, total });
        },
      });
      if (!abort.signal.aborted) scope.postMessage({ type: 'result', id, sweep: result });
    } catch (e) {
      if (!abort.signal.aborted) scope.postMessage({ type: 'error', id, message: messageOf(e) });
    } finally {
      if (current?.id === id) current = null;
    }
  }

  scope.onmessage = (e: MessageEvent<unknown>) => {
    if (!isSweepCommand(e.data)) {
      scope.postMessage({
        type: 'error',
        id: null,
        message: 'the sweep worker received a message it cannot read (a stale cached page? reload it)',
      });
      return;
    }
    const command = e.data;
    if (command.type === 'sweep') void sweep(command.id, command.request);
    else if (current?.id === command.id) current.abort.abort();
  };
}

// Only inside a worker: unit tests import listen() in Node, where there is no `self`.
if (typeof self !== 'undefined' && typeof (self as { postMessage?: unknown }).postMessage === 'function') {
  listen(self as unknown as WorkerScope);
}
