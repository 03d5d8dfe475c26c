/**
 * The page's side of a run: owns the worker client, turns the user's commands into protocol
 * messages, and folds the worker's events into the store in batches, at most four times a
 * second, so charts never re-render per event and a hidden tab does not pile up work.
 */
import { SimulationClient } from '../worker/client';
import type { WorkerEvent } from '../worker/protocol';
import { isRunActive, useAppStore } from './store/app-store';
import type { RunInput } from './store/live-run';

const FLUSH_MS = 250;

let client: SimulationClient | null = null;
let pending: RunInput[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  flushTimer = null;
  if (pending.length === 0) return;
  const batch = pending;
  pending = [];
  useAppStore.getState().applyRunInputs(batch, performance.now());
}

function enqueue(input: RunInput): void {
  pending.push(input);
  flushTimer ??= setTimeout(flush, FLUSH_MS);
}

function onWorkerEvent(event: WorkerEvent): void {
  enqueue(event);
  // A worker-level error ends the run: free the worker now; results stay on screen.
  if (event.type === 'error') endWorker();
  if (event.type === 'loop' && (event.event.type === 'runDone' || event.event.type === 'error')) endWorker();
}

function endWorker(): void {
  client?.terminate();
  client = null;
}

/** Starts a run of the settings in the store; a run already going is stopped first. */
export function startRun(options: { pauseAfterFirstGeneration?: boolean } = {}): void {
  const { config, userCorpus, backendOverride, say } = useAppStore.getState();
  if (config.corpus.source === 'user' && !userCorpus) {
    say('Choose your own text first (paste it, pick a file or give an address), or pick a built-in corpus.');
    return;
  }
  endWorker();
  pending = [];
  useAppStore.getState().applyRunInputs([{ type: 'start-requested', config, at: performance.now() }], performance.now());
  useAppStore.getState().setUi({ selectedGeneration: null });
  try {
    client = new SimulationClient();
  } catch (e) {
    enqueue({ type: 'worker-crashed', message: `the simulation could not start: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  client.subscribe(onWorkerEvent);
  client.start({
    config,
    userDocuments: config.corpus.source === 'user' ? userCorpus?.documents : undefined,
    backend: backendOverride ?? undefined,
  });
  if (options.pauseAfterFirstGeneration) client.step();
}

export function pauseRun(): void {
  if (!client) return;
  client.pause();
  enqueue({ type: 'paused-by-user' });
  flush();
}

export function resumeRun(): void {
  if (!client) return;
  client.resume();
  enqueue({ type: 'resumed-by-user' });
  flush();
}

/** One more generation, then pause; from idle, starts a run that pauses after its first. */
export function stepRun(): void {
  if (!client) {
    startRun({ pauseAfterFirstGeneration: true });
    return;
  }
  client.step();
  enqueue({ type: 'resumed-by-user' });
  flush();
}

/** Stops the run by ending its worker; everything finished stays on screen. */
export function stopRun(): void {
  if (!client) return;
  endWorker();
  flush();
  useAppStore.getState().applyRunInputs([{ type: 'stopped-by-user' }], performance.now());
}

/** Clears the run from the screen (stopping it first). */
export function resetRun(): void {
  endWorker();
  pending = [];
  useAppStore.getState().resetRun();
}

/** Changes the settings; during a run they reach the worker and apply from the next generation. */
export function changeSettings(config: Parameters<ReturnType<typeof useAppStore.getState>['setConfig']>[0], presetId: string | null = null): void {
  const state = useAppStore.getState();
  state.setConfig(config, presetId);
  if (client && isRunActive(state.run)) {
    client.updateConfig(config);
    const next = state.run.generations.length + 1;
    state.say(`New settings apply from generation ${next}; the seed, corpus and model size need a new run.`);
  }
}
