/**
 * The page's side of a run: owns the worker client, turns the user's commands into protocol
 * messages, and folds the worker's events into the store in batches, at most four times a
 * second, so charts never re-render per event; training progress alone (a step count and its
 * loss) is folded once a second. While the tab is hidden nothing is folded: events wait,
 * compacted (compactBacklog), and are folded in one batch when the tab shows again.
 */
import { SimulationClient, type ClientEvent } from '../../worker/client';
import type { TimingEntry } from '../../worker/backend-timing';
import type { RunCheckpoint, StartRequest } from '../../worker/simulation-protocol';
import { preferenceFromTimings, rememberPreference } from '../store/backend-preference';
import { compactBacklog } from '../store/fold-run';
import { isRunActive, useAppStore } from '../store/app-store';
import type { RunInput } from '../store/live-run';
import { readFaultFromUrl } from './url-faults';
import { configFit } from '../../engine/config/config-fit';

const FLUSH_MS = 250;
/**
 * Progress of a training step waits longer. On two cores the page's drawing shares the CPU with
 * the training workers: redrawn four times a second, the run bar and the loss curve took about a
 * tenth of what the workers would otherwise get (docs/SPEED.md, "The page while it trains").
 */
const PROGRESS_FLUSH_MS = 1_000;
/** Hidden-tab backlog size at which it is compacted (then again each time it doubles). */
const COMPACT_FROM = 500;

let client: SimulationClient | null = null;
let pending: RunInput[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;
/** When the scheduled flush runs (performance.now() time). */
let flushDue = 0;
let compactAt = COMPACT_FROM;
/**
 * ?fault= (debug hook, see url-faults.ts), read as the page loads, before anything rewrites the
 * address. It fires in the first run only: a resumed or restarted run goes on undisturbed.
 */
const addressFault =
  typeof window !== 'undefined' ? readFaultFromUrl(window.location.search) : { fault: null, problem: null };
let faultUsed = false;

const pageHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

function flush(): void {
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  compactAt = COMPACT_FROM;
  if (pending.length === 0) return;
  const batch = pending;
  pending = [];
  useAppStore.getState().applyRunInputs(batch, performance.now());
}

/** A flush within `delayMs`: an earlier one already scheduled stands, a later one is brought forward. */
function scheduleFlush(delayMs: number): void {
  const due = performance.now() + delayMs;
  if (flushTimer !== null) {
    if (flushDue <= due) return;
    clearTimeout(flushTimer);
  }
  flushDue = due;
  flushTimer = setTimeout(() => {
    // Hidden since it was scheduled: the batch waits for the tab to show again.
    if (pageHidden()) flushTimer = null;
    else flush();
  }, delayMs);
}

const isTrainingProgress = (input: RunInput) => input.type === 'loop' && input.event.type === 'trainStep';

function enqueue(input: RunInput): void {
  pending.push(input);
  if (!pageHidden()) {
    scheduleFlush(isTrainingProgress(input) ? PROGRESS_FLUSH_MS : FLUSH_MS);
    return;
  }
  // Hidden: no store updates, no renders; the backlog is kept small until the tab shows again.
  if (pending.length >= compactAt) {
    pending = compactBacklog(pending);
    compactAt = Math.max(COMPACT_FROM, 2 * pending.length);
  }
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (!pageHidden()) flush();
  });
}

/** The backend part of a start request: a named backend, or the remembered timed pair, or neither (time now). */
function backendRequest(): Pick<StartRequest, 'backend' | 'remembered'> {
  const { backendSetting, backendPreference } = useAppStore.getState();
  if (backendSetting !== 'auto') return { backend: backendSetting };
  return backendPreference
    ? { remembered: { backend: backendPreference.backend, sampler: backendPreference.sampler } }
    : {};
}

/** A start-up timing ran in the worker: remember its choice in this browser, so the next start skips it. */
function rememberTiming(timings: readonly TimingEntry[]): void {
  if (timings.length === 0 || typeof navigator === 'undefined') return;
  const preference = preferenceFromTimings(timings, navigator.userAgent);
  rememberPreference(preference);
  useAppStore.getState().setBackendPreference(preference);
}

function onWorkerEvent(event: ClientEvent): void {
  if (event.type === 'ready' && event.timings) rememberTiming(event.timings);
  enqueue(event);
  // A crashed worker or a worker-level error ends the run: free the worker now; results stay.
  if (event.type === 'worker-crashed' || event.type === 'error') endWorker();
  if (event.type === 'loop' && (event.event.type === 'runDone' || event.event.type === 'error')) endWorker();
}

function endWorker(): void {
  client?.terminate();
  client = null;
}

/** A fresh worker for `request`; false (with the message on screen) if none could start. */
function launch(request: StartRequest): boolean {
  try {
    client = new SimulationClient();
  } catch (e) {
    enqueue({
      type: 'worker-crashed',
      message: `the simulation could not start: ${e instanceof Error ? e.message : String(e)}`,
    });
    return false;
  }
  client.subscribe(onWorkerEvent);
  client.start(request);
  return true;
}

/** Starts a run of the settings in the store; a run already going is stopped first. */
export function startRun(options: { pauseAfterFirstGeneration?: boolean } = {}): void {
  const { config: asSet, userCorpus, say } = useAppStore.getState();
  if (asSet.corpus.source === 'user' && !userCorpus) {
    say('Choose your own text first (paste it, pick a file or give an address), or pick a built-in corpus.');
    return;
  }
  // Settings that cannot work together: refused with the reason, or run as adjusted (the
  // settings panel lists the same reasons at its top).
  const fit = configFit(asSet, userCorpus);
  const refused = fit.issues.filter((i) => i.kind === 'refused');
  if (refused.length > 0) {
    for (const issue of refused) say(`Cannot start: ${issue.message}`);
    return;
  }
  const config = fit.config;
  endWorker();
  pending = [];
  useAppStore
    .getState()
    .applyRunInputs([{ type: 'start-requested', config, at: performance.now() }], performance.now());
  useAppStore.getState().setUi({ selectedGeneration: null });
  const { fault, problem } = faultUsed ? { fault: null, problem: null } : addressFault;
  if (problem) say(problem);
  faultUsed = true;
  const started = launch({
    config,
    userDocuments: config.corpus.source === 'user' ? userCorpus?.documents : undefined,
    ...backendRequest(),
    ...(fault ? { fault } : {}),
  });
  if (started && options.pauseAfterFirstGeneration) client?.step();
}

/**
 * Continues a run in a fresh worker from `checkpoint` (the store's `run.checkpoint`, kept after
 * the baseline and after every finished generation): after the worker crashed, or after a reload
 * that restored the run's finished generations and its checkpoint. Generations the store already
 * shows up to the checkpoint stay; the rest of the run is computed as it would have been. A run
 * still going is stopped first. The checkpoint carries its own text, so no corpus is needed.
 */
export function resumeFromCheckpoint(checkpoint: RunCheckpoint): void {
  endWorker();
  flush();
  useAppStore
    .getState()
    .applyRunInputs([{ type: 'resume-requested', checkpoint, at: performance.now() }], performance.now());
  launch({ config: checkpoint.config, resumeFrom: checkpoint, ...backendRequest() });
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

/** Sends the class's choice for the review under way (`run.classReview`): the documents it keeps. */
export function answerClassReview(id: number, kept: number[]): void {
  if (!client) return;
  client.answerClassReview(id, kept);
  enqueue({ type: 'class-review-answered', id });
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
export function changeSettings(
  config: Parameters<ReturnType<typeof useAppStore.getState>['setConfig']>[0],
  presetId: string | null = null,
): void {
  const state = useAppStore.getState();
  state.setConfig(config, presetId);
  if (client && isRunActive(state.run)) {
    // A refused combination (shown in the settings panel) is not sent: the run keeps its settings.
    const fit = configFit(config, state.userCorpus);
    if (!fit.ok) return;
    client.updateConfig(fit.config);
    const next = state.run.generations.length + 1;
    state.say(`New settings apply from generation ${next}; the seed, corpus and model size need a new run.`);
  }
}
