/**
 * A headless run that survives being stopped (simulate --resume FILE). After its baseline and
 * after every finished generation, the run so far (what run.json will hold) and the loop's
 * checkpoint are written to FILE; the same command given again goes on from the last finished
 * generation instead of starting over. A recording of forty generations takes about an hour on
 * two cores, longer than one sitting often allows: Ctrl-C, a reboot or a closed terminal costs at
 * most the generation under way. The file is removed once the run is complete.
 *
 * Given the same settings and number of training workers, a resumed run reports what an
 * uninterrupted one would have (every random draw follows from the seed and the generation, and
 * the checkpoint keeps the corpus in order; generation 0's model, which no checkpoint holds, is
 * trained again, once per resume); its notices say where it went on. A file made with
 * other settings is refused, never silently mixed in.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SimulationConfig } from '../engine/config/schema';
import { checkpointToJson, parseCheckpoint } from '../engine/loop/control/checkpoint';
import type { LoopControl } from '../engine/loop/control/loop-control';
import { RunRecorder } from '../engine/loop/recorder';
import { runSimulation } from '../engine/loop/run';
import type { RunCheckpoint, RunOptions, SimulationEvent } from '../engine/loop/types';
import { parseRunFile, runJsonText, type RunRecord } from '../engine/record';

export class ResumeFileError extends Error {}

interface Resumed {
  record: RunRecord;
  checkpoint: RunCheckpoint;
}

/** JSON with object keys sorted, so two configs compare by content whatever order they were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The run a resume file holds, or null when there is none; throws a sentence when it cannot be used. */
export function readResumeFile(path: string, config: SimulationConfig): Resumed | null {
  if (!existsSync(path)) return null;
  const unusable = (why: string) =>
    new ResumeFileError(`resume file ${path} ${why}; delete it to start the run again`);
  let data: { record?: unknown; checkpoint?: unknown };
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as typeof data;
  } catch {
    throw unusable('is not JSON');
  }
  const read = parseRunFile(path, JSON.stringify(data.record ?? null));
  if (!read.ok) throw unusable(`holds no run (${read.message})`);
  let checkpoint: RunCheckpoint;
  try {
    checkpoint = parseCheckpoint(data.checkpoint);
  } catch (e) {
    throw unusable(`holds no checkpoint (${e instanceof Error ? e.message : String(e)})`);
  }
  if (canonical(read.record.config) !== canonical(config))
    throw unusable('was made with other settings than these');
  if (checkpoint.nextGeneration !== read.record.generations.length)
    throw unusable(
      `does not hold together: its run has ${read.record.generations.length} generations, its checkpoint goes on at ${checkpoint.nextGeneration}`,
    );
  return { record: read.record as RunRecord, checkpoint };
}

/** Written beside and renamed over the file, so a run stopped mid-write leaves the previous one whole. */
function writeResumeFile(path: string, record: RunRecord, checkpoint: RunCheckpoint): void {
  const text = `{"record":${runJsonText(record)},"checkpoint":${checkpointToJson(checkpoint)}}\n`;
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

export interface ResumableRunOptions extends Pick<RunOptions, 'userDocuments' | 'replicaHost'> {
  control: LoopControl;
  /** Where the run so far is kept; absent: an ordinary run that starts over when stopped. */
  resumePath?: string;
  /** Every event, as the loop says it (a progress bar). */
  onEvent?: (event: SimulationEvent) => void;
  /** Called once the resume file was read, before any work: how many generations it had finished. */
  onResume?: (finishedGenerations: number) => void;
}

/** Runs the configuration to its end (or until stopped) and returns its run.json record. */
export async function runResumable(
  config: SimulationConfig,
  options: ResumableRunOptions,
): Promise<RunRecord> {
  const { resumePath, control } = options;
  const resumed = resumePath ? readResumeFile(resumePath, config) : null;
  if (resumed) options.onResume?.(resumed.checkpoint.nextGeneration);
  const recorder = new RunRecorder(config, resumed?.record);
  const events = runSimulation(config, {
    userDocuments: options.userDocuments,
    replicaHost: options.replicaHost,
    control,
    resumeFrom: resumed?.checkpoint,
    // Nothing changes the settings of a headless run: a resumed one trains generation 0's model
    // again rather than lose "how generation 0's model sees the text" from there on.
    settingsNeverChange: true,
  });
  for await (const event of events) {
    recorder.observe(event);
    options.onEvent?.(event);
    if (resumePath && event.type === 'checkpoint')
      writeResumeFile(resumePath, recorder.record, event.checkpoint);
  }
  if (resumePath && recorder.record.status === 'complete') rmSync(resumePath, { force: true });
  return recorder.record;
}
