import type { SimulationEvent } from '../../engine/loop/types';
import { IDLE_RUN, type LiveRun, type RunInput } from './live-run';

/** Steps kept in the live loss curve; older points are thinned so charts stay cheap. */
const MAX_LOSS_POINTS = 400;

function thin<T>(points: T[]): T[] {
  return points.length <= MAX_LOSS_POINTS
    ? points
    : points.filter((_, i) => i % 2 === 0 || i === points.length - 1);
}

const isActive = (run: LiveRun) =>
  run.status === 'starting' || run.status === 'running' || run.status === 'paused';

function foldLoopEvent(run: LiveRun, e: SimulationEvent, now: number): LiveRun {
  switch (e.type) {
    case 'runStarted':
      // Also when a run goes on in a fresh worker: the generation under way starts over.
      return {
        ...run,
        status: run.status === 'paused' ? 'paused' : 'running',
        lossCurve: [],
        pendingSamples: null,
        generationStartedAt: null,
        config: e.config,
        vocabularySize: e.vocabulary.length,
        realChars: e.realChars,
        heldOutChars: e.heldOutChars,
        realSamples: e.realSamples,
      };
    case 'notice':
      return { ...run, notices: [...run.notices, e.message] };
    case 'baseline':
      return { ...run, baseline: { perplexity: e.perplexity, nllPerChar: e.nllPerChar } };
    case 'configChanged':
      return {
        ...run,
        config: e.config,
        configChanges: [...run.configChanges, { fromGeneration: e.fromGeneration, changed: e.changed }],
      };
    case 'phase': {
      const newGeneration = e.generation !== run.current.generation || run.generationStartedAt === null;
      return {
        ...run,
        status: run.status === 'paused' ? 'paused' : 'running',
        current: {
          ...run.current,
          generation: e.generation,
          phase: e.phase,
          done: e.done ?? 0,
          total: e.total ?? 0,
          ...(newGeneration ? { step: 0, totalSteps: run.config?.training.steps ?? 0 } : {}),
        },
        lossCurve: newGeneration ? [] : run.lossCurve,
        generationStartedAt: newGeneration ? now : run.generationStartedAt,
      };
    }
    case 'trainStep':
      return {
        ...run,
        current: {
          ...run.current,
          generation: e.generation,
          phase: 'training',
          step: e.step,
          totalSteps: e.totalSteps,
          tokensPerSec: e.tokensPerSec,
        },
        lossCurve: Number.isFinite(e.loss)
          ? thin([...run.lossCurve, { step: e.step, loss: e.loss }])
          : run.lossCurve,
      };
    case 'samples':
      return {
        ...run,
        pendingSamples: { generation: e.generation, samples: e.samples, promptSamples: e.promptSamples },
      };
    case 'corpusChanged':
      return run; // the generation's report carries its provenance
    case 'generationDone':
      return { ...run, generations: [...run.generations, e.report], nStar: e.nStar, pendingSamples: null };
    case 'checkpoint':
      return { ...run, checkpoint: e.checkpoint };
    case 'paused':
      return { ...run, status: 'paused' };
    case 'resumed':
      return { ...run, status: 'running' };
    case 'runDone':
      return {
        ...run,
        classReview: null,
        status: e.status === 'complete' ? 'complete' : 'cancelled',
        nStar: e.nStar,
        current: { ...run.current, phase: null },
      };
    case 'error':
      return {
        ...run,
        status: 'failed',
        error: e.message,
        classReview: null,
        current: { ...run.current, phase: null },
      };
  }
}

/**
 * The next state of the run after one input. Finished generations are never dropped: an error,
 * a stop or a crashed worker only changes the status and the message.
 */
export function foldRun(run: LiveRun, input: RunInput, now: number): LiveRun {
  switch (input.type) {
    case 'start-requested':
      return { ...IDLE_RUN, status: 'starting', config: input.config, startedAt: input.at };
    case 'resume-requested': {
      const { checkpoint } = input;
      return {
        ...run,
        status: 'starting',
        config: checkpoint.config,
        error: null,
        checkpoint,
        // What the page showed beyond the checkpoint (nothing, normally) is made again.
        generations: run.generations.filter((g) => g.generation < checkpoint.nextGeneration),
        baseline: run.baseline ?? checkpoint.baseline,
        nStar: checkpoint.nStar,
        current: { ...IDLE_RUN.current, generation: checkpoint.nextGeneration },
        lossCurve: [],
        pendingSamples: null,
        classReview: null,
        startedAt: run.startedAt ?? input.at,
        generationStartedAt: null,
      };
    }
    case 'paused-by-user':
      return isActive(run) ? { ...run, status: 'paused' } : run;
    case 'resumed-by-user':
      return run.status === 'paused' ? { ...run, status: 'running' } : run;
    case 'stopped-by-user':
      return isActive(run)
        ? { ...run, status: 'stopped', classReview: null, current: { ...run.current, phase: null } }
        : run;
    case 'worker-crashed':
      return {
        ...run,
        status: 'failed',
        error: input.message,
        classReview: null,
        current: { ...run.current, phase: null },
      };
    case 'classReview':
      return { ...run, classReview: input.request };
    case 'class-review-answered':
      return run.classReview?.id === input.id ? { ...run, classReview: null } : run;
    case 'ready':
      return {
        ...run,
        backend: {
          name: input.backend,
          summary: input.summary,
          rejected: input.rejected,
          sampler: input.sampler,
        },
      };
    case 'loop':
      return foldLoopEvent(run, input.event, now);
    case 'error':
      return {
        ...run,
        status: 'failed',
        error: input.message,
        classReview: null,
        current: { ...run.current, phase: null },
      };
  }
}

export function foldRunAll(run: LiveRun, inputs: readonly RunInput[], now: number): LiveRun {
  return inputs.reduce((state, input) => foldRun(state, input, now), run);
}

/**
 * Seconds left, from the mean duration of finished generations and the progress of the current
 * one; null until one generation has finished.
 */
export function etaSeconds(run: LiveRun, now: number): number | null {
  const finished = run.generations;
  if (!run.config || finished.length === 0 || !isActive(run)) return null;
  const mean = finished.reduce((s, g) => s + g.durationMs, 0) / finished.length;
  const remaining = run.config.generations - finished.length;
  const inCurrent = run.generationStartedAt !== null ? Math.min(now - run.generationStartedAt, mean) : 0;
  return Math.max(0, (remaining * mean - inCurrent) / 1000);
}

/**
 * The inputs of a backlog (events that arrived while the page was hidden) without those a later
 * input makes redundant: progress ticks followed by another phase event, sample previews
 * followed by newer ones, all but the latest checkpoint, and training steps beyond what the loss
 * curve keeps. Folding the result shows the same finished generations, position, notices and
 * checkpoint as folding the whole backlog; the backlog stays bounded however long the tab hides.
 */
export function compactBacklog(inputs: readonly RunInput[]): RunInput[] {
  const loopType = (input: RunInput) => (input.type === 'loop' ? input.event.type : null);
  const lastIndex = (type: SimulationEvent['type']) =>
    inputs.findLastIndex((input) => loopType(input) === type);
  const lastPhase = lastIndex('phase');
  const lastSamples = lastIndex('samples');
  const lastCheckpoint = lastIndex('checkpoint');
  const steps = new Map<number, number[]>();
  inputs.forEach((input, i) => {
    if (input.type === 'loop' && input.event.type === 'trainStep') {
      const list = steps.get(input.event.generation) ?? [];
      list.push(i);
      steps.set(input.event.generation, list);
    }
  });
  const keptSteps = new Set<number>();
  for (const list of steps.values()) {
    const stride = Math.ceil(list.length / MAX_LOSS_POINTS);
    list.forEach((index, k) => {
      if (k % stride === 0 || k === list.length - 1) keptSteps.add(index);
    });
  }
  return inputs.filter((input, i) => {
    if (input.type !== 'loop') return true;
    const e = input.event;
    if (e.type === 'phase')
      return e.done === undefined || i === lastPhase || loopType(inputs[i + 1]) !== 'phase';
    if (e.type === 'samples') return i === lastSamples;
    if (e.type === 'checkpoint') return i === lastCheckpoint;
    if (e.type === 'trainStep') return keptSteps.has(i);
    return true;
  });
}
