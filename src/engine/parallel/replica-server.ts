/**
 * The replica's side of data-parallel training, run by a training worker's entry point (the
 * page's training worker, the CLI's worker thread): it answers the coordinator's requests with
 * the same single-threaded kernels the coordinator uses. Requests are served one at a time, in
 * the order they came.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../backend';
import { packingOrderOf } from '../model/train/flat-layout';
import { assignFromArray, packToArray } from '../model/train/flat-buffers';
import { createGpt, type Gpt } from '../model/gpt';
import { sampleDocuments } from '../model/infer/sample';
import { lossAndGradients } from '../model/train/step';
import { createRng } from '../rng';
import type { CoordinatorPort, SharedBuffers, ToReplica } from './replica-messages';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Replica {
  model: Gpt;
  order: number[];
  shared: SharedBuffers | null;
}

/**
 * Serves one coordinator. `prepareBackend` makes the named backend current and checks it (the
 * entry point knows how its environment registers backends); if it throws, the replica says
 * `failed` and the coordinator goes on without it.
 */
export function serveReplica(
  port: CoordinatorPort,
  prepareBackend: (name: BackendName) => Promise<void>,
): void {
  let replica: Replica | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function handle(message: ToReplica): Promise<void> {
    if (message.type === 'init') {
      try {
        await prepareBackend(message.backend);
        // The weights are the coordinator's, sent before any work: the initialisation is a placeholder.
        const model = createGpt(message.shape, createRng('replica'));
        replica = { model, order: packingOrderOf(model.variables), shared: message.shared };
        port.post({ type: 'ready' }, []);
      } catch (e) {
        port.post({ type: 'failed', reason: messageOf(e) }, []);
      }
      return;
    }
    if (!replica) throw new Error(`a ${message.type} request came before the replica was ready`);
    const { model, order, shared } = replica;
    if (message.type === 'weights') {
      const values = message.values ?? (shared ? new Float32Array(shared.weights) : null);
      if (!values) throw new Error('weights came with neither values nor a shared buffer');
      assignFromArray(model.variables, order, values);
      return;
    }
    if (message.type === 'gradients') {
      const { id, batch, inputs, targets } = message;
      try {
        const { loss, grads } = lossAndGradients(model, { batch, inputs, targets });
        try {
          const packed = await packToArray(
            grads,
            order,
            shared ? new Float32Array(shared.gradients) : undefined,
          );
          const lossValue = (await loss.data())[0];
          if (shared) port.post({ type: 'gradients', id, loss: lossValue, values: null }, []);
          else
            port.post({ type: 'gradients', id, loss: lossValue, values: packed }, [
              packed.buffer as ArrayBuffer,
            ]);
        } finally {
          tf.dispose([loss, ...grads]);
        }
      } catch (e) {
        port.post({ type: 'error', id, message: messageOf(e) }, []);
      }
      return;
    }
    const { id, request } = message;
    try {
      const { seed, ...options } = request;
      const sampled = await sampleDocuments(model, options, createRng(seed));
      port.post(
        { type: 'sampled', id, documents: sampled.documents, hitCap: sampled.hitCap },
        sampled.documents.map((d) => d.buffer as ArrayBuffer),
      );
    } catch (e) {
      port.post({ type: 'error', id, message: messageOf(e) }, []);
    }
  }

  port.onMessage((message) => {
    queue = queue
      .then(() => handle(message))
      .catch((e: unknown) => {
        port.post({ type: 'error', id: -1, message: messageOf(e) }, []);
      });
  });
}
