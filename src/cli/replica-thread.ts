/**
 * A training worker of the CLI (worker_threads): serves one coordinator with the engine's
 * replica server on the backend it is asked for, checked the way the CLI checks its own.
 */
import { parentPort } from 'node:worker_threads';
import { runModelSmokeTest } from '../engine/model/smoke';
import { serveReplica } from '../engine/parallel/replica-server';
import type { FromReplica, ToReplica } from '../engine/parallel/replica-messages';
import { useNodeBackend } from './tf-node';

const port = parentPort;
if (!port) throw new Error('replica-thread.ts runs as a worker thread');

serveReplica(
  {
    post: (message: FromReplica, transfer: ArrayBuffer[]) => port.postMessage(message, transfer),
    onMessage: (handler: (message: ToReplica) => void) => port.on('message', handler),
  },
  async (name) => {
    if (name !== 'wasm' && name !== 'cpu')
      throw new Error(`a Node training worker runs wasm or cpu, not ${name}`);
    await useNodeBackend(name);
    await runModelSmokeTest();
  },
);
