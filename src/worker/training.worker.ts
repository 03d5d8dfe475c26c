/**
 * A training worker of the page: one replica of data-parallel training (src/engine/parallel/),
 * started by the simulation worker. It loads the backend the simulation worker chose (wasm or
 * cpu), checks it the same way, and then computes gradients of its shards and samples documents.
 */
import '@tensorflow/tfjs';
import './wasm-paths';
import { chooseBackend } from '../engine/backend';
import type { CoordinatorPort, FromReplica, ToReplica } from '../engine/parallel/replica-messages';
import { serveReplica } from '../engine/parallel/replica-server';

// The worker global scope, typed without pulling the WebWorker lib into the DOM-typed project.
const scope = self as unknown as {
  postMessage(message: FromReplica, transfer: ArrayBuffer[]): void;
  onmessage: ((e: MessageEvent<ToReplica>) => void) | null;
};

const port: CoordinatorPort = {
  post: (message, transfer) => scope.postMessage(message, transfer),
  onMessage: (handler) => {
    scope.onmessage = (e) => handler(e.data);
  },
};

serveReplica(port, async (name) => {
  if (name !== 'wasm' && name !== 'cpu') throw new Error(`training workers run wasm or cpu, not ${name}`);
  await chooseBackend([name]);
});
