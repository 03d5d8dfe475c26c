/**
 * The simulation worker: the only place in the browser where TensorFlow.js runs. It registers
 * the backends the browser may offer, chooses one, and runs the generation loop, forwarding
 * every loop event to the page as it is. One thing it decides itself: when the backend fails
 * under the run (a lost device, a kernel that throws), it moves to the next backend and goes on
 * from the run's last checkpoint, telling the page which backend failed, why, and where it went.
 */
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import './wasm-paths';
import type { BackendChoice } from '../engine/backend';
import { LoopControl } from '../engine/loop/control/loop-control';
import { withInjectedFault } from '../engine/loop/control/fault-injection';
import { BackendFaultError } from '../engine/loop/control/faults';
import { runSimulation } from '../engine/loop/run';
import { createConfiguredFamily, resolveSampler } from '../engine/loop/setup';
import type { RunOptions } from '../engine/loop/types';
import type { SamplerKind } from '../engine/model/infer/sample';
import { chooseFallbackBackend } from './backend-choice';
import { createClassReviewRelay } from './class-review-relay';
import { browserReplicaHost } from './training-workers';
import { fallbackNotice, noFallbackMessage } from './backend-fallback';
import type { TimingEntry } from './backend-timing';
import { loseDeviceOnPurpose, watchDeviceLoss } from './device-loss';
import { chooseStartBackend, samplerFor } from './start-backend';
import {
  hasProtocolVersion,
  PROTOCOL_VERSION,
  type BackendName,
  type FaultPlan,
  type RunCheckpoint,
  type SimulationEvent,
  type StartRequest,
  type WorkerCommand,
  type WorkerEvent,
  type WorkerEventBody,
} from './simulation-protocol';

// The worker global scope, typed without pulling the WebWorker lib into the DOM-typed project.
const scope = self as unknown as {
  postMessage(message: WorkerEvent): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
};

function emit(event: WorkerEventBody): void {
  scope.postMessage({ ...event, version: PROTOCOL_VERSION } as WorkerEvent);
}

const emitLoop = (event: SimulationEvent) => emit({ type: 'loop', event });

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

const classReview = createClassReviewRelay((request) => emit({ type: 'classReview', request }));

function announce(choice: BackendChoice, sampler: SamplerKind, timings?: TimingEntry[]): void {
  emit({
    type: 'ready',
    backend: choice.backend,
    rejected: choice.rejected,
    summary: choice.summary,
    sampler,
    ...(timings ? { timings } : {}),
  });
}

/** `?fault=crash`: the worker dies the way a crashed script does, by an error no handler catches. */
function crashWorker(message: string): Promise<never> {
  setTimeout(() => {
    throw new Error(message);
  }, 0);
  return new Promise<never>(() => {}); // the run never goes on; the page ends this worker
}

/** The loop's options for one attempt: resumed from a checkpoint, with a fault injected if asked. */
function loopOptions(
  request: StartRequest,
  runControl: LoopControl,
  backend: BackendName,
  sampler: SamplerKind,
  checkpoint: RunCheckpoint | null,
  fault: FaultPlan | undefined,
): RunOptions {
  return {
    userDocuments: request.userDocuments,
    control: runControl,
    preferredSampler: sampler,
    resumeFrom: checkpoint ?? undefined,
    replicaHost: browserReplicaHost(),
    reviewByClass: classReview.reviewer,
    createFamily: fault
      ? async (config, prepared, parallel) =>
          withInjectedFault(
            await createConfiguredFamily(config, prepared, resolveSampler(config, sampler), parallel),
            fault,
            {
              crash: crashWorker,
              loseDevice: () => loseDeviceOnPurpose(backend),
            },
          )
      : undefined,
  };
}

let control: LoopControl | null = null;

type BackendFailure = Extract<SimulationEvent, { type: 'error' }>;

/**
 * Runs the loop on `choice`; returns the backend fault that ended it (not forwarded: the caller
 * falls back), or null when the run ended any other way (its last event already forwarded).
 * A lost device ends it at once, even if the loop is stuck waiting on that device (a read from
 * a lost GPU may never settle): the stuck run is cancelled and left behind.
 */
async function runOn(
  choice: BackendChoice,
  sampler: SamplerKind,
  request: StartRequest,
  checkpoint: { latest: RunCheckpoint | null },
  fault: FaultPlan | undefined,
): Promise<BackendFailure | null> {
  const runControl = new LoopControl();
  const pending = control?.takeRequestedConfig();
  if (pending) runControl.requestConfig(pending); // settings sent while the last backend failed
  if (control?.isPaused) runControl.pause();
  // A step asked for while the backend was being chosen (Step on a new run): still one generation.
  else if (control?.isStepping) runControl.step();
  control = runControl;
  let generation: number | null = null;
  let lost: BackendFailure | null = null;
  // Settles the wait for the loop's next event early (a fresh promise per event: racing one
  // long-lived promise would keep a reaction per event alive for the whole run).
  let interrupt: ((failure: BackendFailure) => void) | null = null;
  const stopWatching = watchDeviceLoss(choice.backend, (reason) => {
    runControl.fail(new BackendFaultError(reason));
    lost = { type: 'error', message: reason, generation, fault: 'backend' };
    interrupt?.(lost);
  });
  try {
    const config = checkpoint.latest?.config ?? request.config;
    const events = runSimulation(
      config,
      loopOptions(request, runControl, choice.backend, sampler, checkpoint.latest, fault),
    );
    for (;;) {
      const next = await new Promise<IteratorResult<SimulationEvent> | BackendFailure>((resolve, reject) => {
        interrupt = resolve;
        if (lost) resolve(lost);
        else events.next().then(resolve, reject);
      });
      interrupt = null;
      if ('type' in next) {
        runControl.cancel();
        return next;
      }
      if (next.done) return null;
      const event = next.value;
      if (event.type === 'phase') generation = event.generation;
      if (event.type === 'checkpoint') checkpoint.latest = event.checkpoint;
      if (event.type === 'error' && event.fault === 'backend') return event;
      emitLoop(event);
    }
  } finally {
    stopWatching();
  }
}

async function start(request: StartRequest): Promise<void> {
  if (control) {
    emit({ type: 'error', message: 'a run is already in progress in this worker' });
    return;
  }
  control = new LoopControl();
  try {
    const start = await chooseStartBackend(request);
    let { choice, sampler } = start;
    announce(choice, sampler, start.timings);
    const checkpoint = { latest: request.resumeFrom ?? null };
    const failed: BackendName[] = [];
    let fault = request.fault;
    for (;;) {
      const failure = await runOn(choice, sampler, request, checkpoint, fault);
      if (!failure) return;
      fault = undefined; // an injected fault fires once
      failed.push(choice.backend);
      try {
        choice = await chooseFallbackBackend(failed);
      } catch {
        emitLoop({ ...failure, fault: undefined, message: noFallbackMessage(failed, failure.message) });
        return;
      }
      sampler = samplerFor(choice.backend);
      announce(choice, sampler);
      emitLoop({
        type: 'notice',
        message: fallbackNotice(
          { backend: failed[failed.length - 1], message: failure.message, generation: failure.generation },
          choice.backend,
        ),
      });
    }
  } catch (e) {
    emit({ type: 'error', message: messageOf(e) });
  } finally {
    control = null;
  }
}

scope.onmessage = (e) => {
  const data = e.data;
  if (!hasProtocolVersion(data)) {
    emit({
      type: 'error',
      message: `the page sent a message this worker does not understand (protocol version ${PROTOCOL_VERSION} expected)`,
    });
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
    case 'classReviewed':
      classReview.answer(command.id, command.kept);
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
