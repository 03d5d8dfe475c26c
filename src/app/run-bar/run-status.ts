/**
 * The run bar's words and numbers, from a LiveRun: phase wording, the status line, the ETA and the
 * progress value. Pure, so the exact sentences are tested in Node.
 */
import type { Phase } from '../../engine/loop/types';
import type { LiveRun } from '../store/live-run';

export const PHASE_WORDS: Readonly<Record<Phase, string>> = {
  'sampling-corpus': 'sampling the corpus',
  training: 'training',
  evaluating: 'evaluating',
  generating: 'generating',
  'writing-back': 'writing back',
};

const num = (n: number): string => Math.round(n).toLocaleString('en-US');

/** "training, step 120/300", "generating, 1,200/6,000 characters", "evaluating". */
export function phaseDetail(current: LiveRun['current']): string | null {
  if (current.phase === null) return null;
  const words = PHASE_WORDS[current.phase];
  if (current.phase === 'training' && current.totalSteps > 0)
    return `${words}, step ${num(current.step)}/${num(current.totalSteps)}`;
  if (current.phase === 'generating' && current.total > 0)
    return `${words}, ${num(current.done)}/${num(current.total)} characters`;
  return words;
}

/** "about 2 min left"; null when there is no estimate yet. */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 45) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}

/** Generations the run will make: the run's own config once started, else the settings' value. */
export function totalGenerations(run: LiveRun, configured: number): number {
  return run.config?.generations ?? configured;
}

const generationsWord = (n: number): string => `generation${n === 1 ? '' : 's'}`;

/**
 * "Generation 2 (3 of 10)": the number is 0-based like the engine's, the charts' and the settings
 * messages' (generation 0 trains on real text only); the count in brackets is for progress.
 */
export function generationLabel(run: LiveRun, configuredGenerations: number): string {
  const total = totalGenerations(run, configuredGenerations);
  const g = Math.min(total - 1, run.current.generation);
  return `generation ${g} (${g + 1} of ${total})`;
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The status line: "Generation 2 (3 of 10) — training, step 120/300, about 2 min left". */
export function statusLine(run: LiveRun, etaSeconds: number | null, configuredGenerations: number): string {
  const total = totalGenerations(run, configuredGenerations);
  const finished = run.generations.length;
  const generation = generationLabel(run, configuredGenerations);
  switch (run.status) {
    case 'idle':
      return `Ready: press Play to run ${total} ${generationsWord(total)}.`;
    case 'starting':
      return 'Starting: choosing a backend and preparing the text…';
    case 'running':
    case 'paused': {
      // The class is choosing what enters (lessons/class-filter): the run waits for it, not the machine.
      if (run.classReview !== null && run.status === 'running')
        return `${capitalised(generation)} — waiting for the class to keep or discard its documents`;
      const detail = phaseDetail(run.current);
      if (run.status === 'paused') return `Paused at ${generation}${detail ? ` — ${detail}` : ''}.`;
      const eta = formatEta(etaSeconds);
      const parts = [detail ?? 'preparing', eta].filter((p): p is string => p !== null);
      return `${capitalised(generation)} — ${parts.join(', ')}`;
    }
    case 'complete':
      return `Done: ${finished} of ${total} ${generationsWord(total)}.`;
    case 'cancelled':
      return `Cancelled after ${finished} of ${total} ${generationsWord(total)}.`;
    case 'stopped':
      return `Stopped after ${finished} of ${total} ${generationsWord(total)}; the results so far are kept.`;
    case 'failed':
      return `Failed after ${finished} of ${total} ${generationsWord(total)}: ${run.error ?? 'unknown error'}. The results so far are kept.`;
  }
}

/**
 * What the screen reader hears: the status without step counts or ETA, which change several times
 * a second and would drown everything else; it changes only with the generation, phase or status.
 */
export function announcement(run: LiveRun, configuredGenerations: number): string {
  if (run.status !== 'running' || run.classReview !== null)
    return statusLine(run, null, configuredGenerations);
  const phase = run.current.phase ? PHASE_WORDS[run.current.phase] : 'preparing';
  return `${capitalised(generationLabel(run, configuredGenerations))} — ${phase}`;
}

/**
 * Rough share of a generation each phase ends at: training dominates, generating comes next.
 * Only for the bar's fill, so a generation's progress moves smoothly instead of jumping.
 */
const PHASE_SPAN: Readonly<Record<Phase, [number, number]>> = {
  'sampling-corpus': [0, 0.02],
  training: [0.02, 0.8],
  evaluating: [0.8, 0.85],
  generating: [0.85, 0.98],
  'writing-back': [0.98, 1],
};

/** Progress in generations, 0..total (fractional within the generation under way). */
export function progressValue(run: LiveRun, configuredGenerations: number): number {
  const total = totalGenerations(run, configuredGenerations);
  const finished = Math.min(total, run.generations.length);
  const { phase, step, totalSteps, done, total: chars } = run.current;
  if (phase === null || finished >= total || run.current.generation < finished) return finished;
  const [from, to] = PHASE_SPAN[phase];
  let within = 0;
  if (phase === 'training' && totalSteps > 0) within = step / totalSteps;
  if (phase === 'generating' && chars > 0) within = done / chars;
  return Math.min(total, finished + from + (to - from) * Math.min(1, Math.max(0, within)));
}

const oneDecimal = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));

/**
 * What a screen reader hears when a generation finishes: "Generation 3 done: perplexity 12.8,
 * 1.9x generation 0." (the ratio from generation 1 on, and n* when it is reached). Empty before
 * the first report.
 */
export function generationAnnouncement(
  reports: readonly { generation: number; perplexity: number }[],
  nStar: number | null,
): string {
  const last = reports.at(-1);
  if (!last) return '';
  const first = reports[0];
  let text = `Generation ${last.generation} done: perplexity ${oneDecimal(last.perplexity)}`;
  if (last !== first && first.perplexity > 0)
    text += `, ${oneDecimal(last.perplexity / first.perplexity)}x generation ${first.generation}`;
  text += '.';
  if (nStar !== null && nStar === last.generation) text += ' No better than an untrained model from here on.';
  return text;
}
