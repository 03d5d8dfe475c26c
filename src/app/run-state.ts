/**
 * The page's view of one demo run, folded from worker events. Pure, so the reducer is the only
 * place that decides what an event means for the screen.
 */
import type { BackendRejection, CorpusSummary, ProgressReport, RunPhase, WorkerEvent } from '../worker/protocol';
import type { BackendName } from '../worker/protocol';

export type RunStatus = 'idle' | 'running' | 'done' | 'stopped' | 'error';

export interface LossPoint {
  step: number;
  loss: number;
}

export interface RunState {
  status: RunStatus;
  phase: RunPhase | null;
  backend: { name: BackendName; summary: string; rejected: BackendRejection[] } | null;
  corpus: CorpusSummary | null;
  losses: LossPoint[];
  latest: ProgressReport | null;
  untrainedPerplexity: number | null;
  trainedPerplexity: number | null;
  samples: string[];
  seconds: number | null;
  error: string | null;
}

export const INITIAL_RUN: RunState = {
  status: 'idle',
  phase: null,
  backend: null,
  corpus: null,
  losses: [],
  latest: null,
  untrainedPerplexity: null,
  trainedPerplexity: null,
  samples: [],
  seconds: null,
  error: null,
};

export type RunAction = WorkerEvent | { type: 'start-requested' };

export function reduceRun(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'start-requested':
      return { ...INITIAL_RUN, status: 'running' };
    case 'phase':
      return { ...state, phase: action.phase };
    case 'ready':
      return { ...state, backend: { name: action.backend, summary: action.summary, rejected: action.rejected } };
    case 'corpus':
      return { ...state, corpus: action.corpus };
    case 'perplexity':
      return { ...state, untrainedPerplexity: action.untrainedPerplexity, trainedPerplexity: action.trainedPerplexity };
    case 'progress': {
      const { step, totalSteps, loss, tokensPerSec, msPerStep } = action;
      return { ...state, latest: { step, totalSteps, loss, tokensPerSec, msPerStep }, losses: [...state.losses, { step, loss }] };
    }
    case 'done':
      return {
        ...state,
        status: 'done',
        phase: null,
        untrainedPerplexity: action.untrainedPerplexity,
        trainedPerplexity: action.trainedPerplexity,
        samples: action.samples,
        seconds: action.seconds,
      };
    case 'stopped':
      return { ...state, status: 'stopped', phase: null };
    case 'error':
      // Whatever was already measured stays on screen; only the status changes.
      return { ...state, status: 'error', phase: null, error: action.message };
  }
}

const PHASE_TEXT: Record<RunPhase, string> = {
  'choosing-backend': 'Checking which compute backend works in this browser…',
  'preparing-text': 'Writing the training stories…',
  'measuring-untrained': 'Measuring the untrained model on held-out stories…',
  training: 'Training…',
  'measuring-trained': 'Measuring the trained model on held-out stories…',
  sampling: 'The trained model is writing stories…',
};

/** One short sentence for the aria-live status line; changes only at phase boundaries. */
export function statusText(state: RunState): string {
  switch (state.status) {
    case 'idle':
      return 'Ready. Press "Start training" to begin.';
    case 'running':
      return state.phase ? PHASE_TEXT[state.phase] : 'Starting…';
    case 'done':
      return `Done in ${Math.round(state.seconds ?? 0)} seconds.`;
    case 'stopped':
      return 'Stopped. Press "Start training" to run again.';
    case 'error':
      return 'The run stopped because of an error.';
  }
}
