import type { SimulationEvent } from '../../engine/loop/events';
import { IDLE_RUN, type LiveRun, type RunInput } from './live-run';

/** Steps kept in the live loss curve; older points are thinned so charts stay cheap. */
const MAX_LOSS_POINTS = 400;

function thin<T>(points: T[]): T[] {
  return points.length <= MAX_LOSS_POINTS ? points : points.filter((_, i) => i % 2 === 0 || i === points.length - 1);
}

const isActive = (run: LiveRun) => run.status === 'starting' || run.status === 'running' || run.status === 'paused';

function foldLoopEvent(run: LiveRun, e: SimulationEvent, now: number): LiveRun {
  switch (e.type) {
    case 'runStarted':
      return {
        ...run,
        status: run.status === 'paused' ? 'paused' : 'running',
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
      return { ...run, config: e.config, configChanges: [...run.configChanges, { fromGeneration: e.fromGeneration, changed: e.changed }] };
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
        current: { ...run.current, generation: e.generation, phase: 'training', step: e.step, totalSteps: e.totalSteps, tokensPerSec: e.tokensPerSec },
        lossCurve: Number.isFinite(e.loss) ? thin([...run.lossCurve, { step: e.step, loss: e.loss }]) : run.lossCurve,
      };
    case 'samples':
      return { ...run, pendingSamples: { generation: e.generation, samples: e.samples, promptSamples: e.promptSamples } };
    case 'corpusChanged':
      return run; // the generation's report carries its provenance
    case 'generationDone':
      return { ...run, generations: [...run.generations, e.report], nStar: e.nStar, pendingSamples: null };
    case 'paused':
      return { ...run, status: 'paused' };
    case 'resumed':
      return { ...run, status: 'running' };
    case 'runDone':
      return { ...run, status: e.status === 'complete' ? 'complete' : 'cancelled', nStar: e.nStar, current: { ...run.current, phase: null } };
    case 'error':
      return { ...run, status: 'failed', error: e.message, current: { ...run.current, phase: null } };
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
    case 'paused-by-user':
      return isActive(run) ? { ...run, status: 'paused' } : run;
    case 'resumed-by-user':
      return run.status === 'paused' ? { ...run, status: 'running' } : run;
    case 'stopped-by-user':
      return isActive(run) ? { ...run, status: 'stopped', current: { ...run.current, phase: null } } : run;
    case 'worker-crashed':
      return { ...run, status: 'failed', error: input.message, current: { ...run.current, phase: null } };
    case 'ready':
      return { ...run, backend: { name: input.backend, summary: input.summary, rejected: input.rejected, sampler: input.sampler } };
    case 'loop':
      return foldLoopEvent(run, input.event, now);
    case 'error':
      return { ...run, status: 'failed', error: input.message, current: { ...run.current, phase: null } };
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
