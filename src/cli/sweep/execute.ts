/**
 * Runs a sweep's runs (all of them, or one shard's) one after another in this process, each the
 * same loop `simulate` runs for one config, and folds each RunRecord into its compact line.
 * Progress goes to stderr: one line per finished run, and the generation bar for slow
 * (transformer) runs. Ctrl-C stops the current run and the sweep; what finished is kept.
 */
import type { SimulationConfig } from '../../engine/config/schema';
import { LoopControl } from '../../engine/loop/control/loop-control';
import { RunRecorder } from '../../engine/loop/recorder';
import { runSimulation } from '../../engine/loop/run';
import { ProgressBar } from '../progress';
import type { RunSpec } from './grid';
import { sweepRunFrom, type SweepDefinition, type SweepRun } from './result';

export interface ExecuteOptions {
  definition: SweepDefinition;
  /** The runs to do (a shard's share, or all). */
  runs: readonly RunSpec[];
  /** What the progress lines call this share ("part 2/4", or "" for the whole sweep). */
  label: string;
  userDocuments?: readonly string[];
  quiet?: boolean;
}

export interface ExecuteResult {
  runs: SweepRun[];
  /** Stopped by Ctrl-C before every run was done. */
  cancelled: boolean;
}

const formatSeconds = (s: number) =>
  s >= 3600 ? `${(s / 3600).toFixed(1)} h` : s >= 90 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`;

/** One run, to its end. A run whose training diverges would wait for a resume no one sends: it fails instead. */
async function runOne(config: SimulationConfig, options: ExecuteOptions, control: LoopControl) {
  const recorder = new RunRecorder(config);
  const bar =
    options.quiet || config.model.family !== 'transformer' ? null : new ProgressBar(config.generations);
  let diverged: string | null = null;
  for await (const event of runSimulation(config, { userDocuments: options.userDocuments, control })) {
    recorder.observe(event);
    bar?.observe(event);
    if (event.type === 'paused' && !control.signal.aborted) {
      diverged = recorder.record.notices.at(-1) ?? `training of generation ${event.generation} diverged`;
      control.cancel();
    }
  }
  const record = recorder.record;
  return diverged ? { ...record, status: 'failed' as const, error: diverged } : record;
}

function describe(run: SweepRun, definition: SweepDefinition): string {
  const t = definition.thresholds;
  const at = (g: number | null) => (g === null ? 'not reached' : `generation ${g}`);
  if (run.status === 'failed') return `failed: ${run.error ?? 'unknown error'}`;
  return `ratio ${t.ratio}: ${at(run.thresholds.ratio)}, n*: ${at(run.thresholds.nstar)} (${run.seconds.toFixed(1)} s)`;
}

export async function executeRuns(options: ExecuteOptions): Promise<ExecuteResult> {
  const { definition, runs } = options;
  const done: SweepRun[] = [];
  let control = new LoopControl();
  let stopping = false;
  const onSigint = () => {
    // The first Ctrl-C stops the current run and keeps the finished ones; a second one quits now.
    if (stopping) process.exit(130);
    stopping = true;
    control.cancel();
  };
  process.on('SIGINT', onSigint);
  const started = performance.now();
  try {
    for (const [i, spec] of runs.entries()) {
      if (stopping) break;
      control = new LoopControl();
      const point = definition.points[spec.point];
      const config = { ...point.config, seed: spec.seed } as SimulationConfig;
      const where = `${
        Object.entries(point.values)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ') || 'base config'
      }, seed ${spec.seed}`;
      if (!options.quiet && config.model.family === 'transformer')
        process.stderr.write(`sweep: run ${i + 1}/${runs.length}${options.label}: ${where}\n`);
      const t0 = performance.now();
      const record = await runOne(config, options, control);
      if (record.status === 'cancelled' && stopping) break; // cut short: says nothing about the threshold
      const run = sweepRunFrom(record, spec, definition.thresholds, (performance.now() - t0) / 1000);
      done.push(run);
      const elapsed = (performance.now() - started) / 1000;
      const eta =
        i + 1 < runs.length ? `, ETA ${formatSeconds((elapsed / (i + 1)) * (runs.length - i - 1))}` : '';
      if (!options.quiet || run.status === 'failed') {
        process.stderr.write(
          `sweep: run ${i + 1}/${runs.length}${options.label} (${where}): ${describe(run, definition)}${eta}\n`,
        );
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  return { runs: done, cancelled: stopping && done.length < runs.length };
}
