/**
 * The simulation worker: the only place in the browser where TensorFlow.js runs. It registers
 * the backends the browser may offer, then answers the page's commands (protocol.ts).
 */
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import './wasm-paths';
import { runDemo } from './demo-run';
import { hasProtocolVersion, PROTOCOL_VERSION, type WorkerCommand, type WorkerEvent, type WorkerEventBody } from './protocol';

// The worker global scope, typed without pulling the WebWorker lib into the DOM-typed project.
const scope = self as unknown as {
  postMessage(message: WorkerEvent): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
};

function emit(event: WorkerEventBody): void {
  scope.postMessage({ ...event, version: PROTOCOL_VERSION } as WorkerEvent);
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

let running: AbortController | null = null;

async function start(command: Extract<WorkerCommand, { type: 'start' }>): Promise<void> {
  if (running) {
    emit({ type: 'error', message: 'a run is already in progress; stop it first' });
    return;
  }
  const controller = new AbortController();
  running = controller;
  try {
    await runDemo(command.options, emit, controller.signal);
  } catch (e) {
    if (controller.signal.aborted) emit({ type: 'stopped' });
    else emit({ type: 'error', message: messageOf(e) });
  } finally {
    running = null;
  }
}

scope.onmessage = (e) => {
  const data = e.data;
  if (!hasProtocolVersion(data)) {
    emit({ type: 'error', message: `the page sent a message this worker does not understand (protocol version ${PROTOCOL_VERSION} expected)` });
    return;
  }
  const command = data as WorkerCommand;
  switch (command.type) {
    case 'start':
      void start(command);
      break;
    case 'stop':
      running?.abort();
      break;
    default:
      emit({ type: 'error', message: `unknown command ${(command as { type: string }).type}` });
  }
};

// Errors that escape every handler (a failed chunk import, a throw in a tfjs callback) still
// reach the page as an error event, never as a silent hang.
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  emit({ type: 'error', message: `unexpected failure in the worker: ${messageOf(e.reason)}` });
});
