/**
 * The simulation worker: the only place in the browser where TensorFlow.js runs. It registers
 * the backends the browser may offer, chooses one, and runs the generation loop, forwarding
 * every loop event to the page as it is. It decides nothing itself.
 */
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import './wasm-paths';
import { LoopControl } from '../engine/loop/control';
import { runSimulation } from '../engine/loop/run';
import type { SamplerKind } from '../engine/model/sample';
import { chooseBrowserBackend } from './backend-choice';
import {
  hasProtocolVersion,
  PROTOCOL_VERSION,
  type BackendName,
  type StartRequest,
  type WorkerCommand,
  type WorkerEvent,
  type WorkerEventBody,
} from './protocol';

// The worker global scope, typed without pulling the WebWorker lib into the DOM-typed project.
const scope = self as unknown as {
  postMessage(message: WorkerEvent): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
};

function emit(event: WorkerEventBody): void {
  scope.postMessage({ ...event, version: PROTOCOL_VERSION } as WorkerEvent);
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * On WebGL and WebGPU every new tensor shape compiles shaders, so the fixed-shape sampler (one
 * shape for the whole run) is far faster there; the KV cache does less arithmetic on cpu and wasm.
 */
const samplerFor = (backend: BackendName): SamplerKind => (backend === 'webgl' || backend === 'webgpu' ? 'fixed-shape' : 'kv-cache');

let control: LoopControl | null = null;

async function start(request: StartRequest): Promise<void> {
  if (control) {
    emit({ type: 'error', message: 'a run is already in progress in this worker' });
    return;
  }
  const runControl = new LoopControl();
  control = runControl;
  try {
    const choice = await chooseBrowserBackend(request.backend);
    const sampler = samplerFor(choice.backend);
    emit({ type: 'ready', backend: choice.backend, rejected: choice.rejected, summary: choice.summary, sampler });
    const events = runSimulation(request.config, { userDocuments: request.userDocuments, control: runControl, preferredSampler: sampler });
    for await (const event of events) emit({ type: 'loop', event });
  } catch (e) {
    emit({ type: 'error', message: messageOf(e) });
  } finally {
    control = null;
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
      void start(command.request);
      break;
    case 'pause':
      control?.pause();
      break;
    case 'resume':
      control?.resume();
      break;
    case 'step':
      control?.step();
      break;
    case 'updateConfig':
      control?.requestConfig(command.config);
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
