/**
 * `simulate --sweep/--seeds/--shard` and `simulate --merge`: checks the whole grid before any
 * work (every grid point's config must be valid), runs this process' share, writes sweep.json
 * (or a part), the CSVs, and a table of the results on stderr. simulate.ts dispatches here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Papa from 'papaparse';
import { checkContradictions, describeIssues, userCorpusFacts } from '../../engine/config/contradictions';
import { KEY_ALIASES } from '../../engine/config/settings';
import type { SimulationConfig } from '../../engine/config/schema';
import { runRows, summaryRows } from './csv';
import { expandGrid, parseAxes, parseSeeds, parseShard, runList, shardRuns, SweepInputError } from './grid';
import { mergeParts, type PartFile } from './merge';
import { SWEEP_FORMAT, sweepFileSchema, type SweepDefinition, type SweepResult } from './result';
import { report } from './report';
import { summarizeSweep } from './summary';
import { parseThresholds } from './thresholds';

export interface SweepArgs {
  sweep?: string[];
  seeds?: string;
  threshold?: string[];
  shard?: string;
  merge?: boolean;
  out?: string;
  csv?: string;
  'summary-csv'?: string;
  backend?: string;
  quiet?: boolean;
}

export interface SweepContext {
  /** The validated config of simulate's base settings (--preset, --config, --set, ...) plus these assignments. */
  configFor: (assignments: string[]) => SimulationConfig;
  userDocuments?: readonly string[];
}

/** The command as typed, quoted so that it can be pasted back into a shell. */
export function commandLine(argv: readonly string[] = process.argv.slice(2)): string {
  const quote = (a: string) => (/^[\w@%+=:,./{}$-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return ['npm run simulate --', ...argv.map(quote)].join(' ');
}

/** Refuses an output file that cannot be written before hours of runs, not after. */
function checkWritable(...paths: (string | undefined)[]): void {
  for (const path of paths) {
    if (path === undefined) continue;
    const dir = dirname(path);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new SweepInputError(`cannot write ${path}: no folder ${dir}`);
  }
}

/** Every grid point's config, each checked as `simulate` checks one; a refusal names its grid point. */
function buildDefinition(
  args: SweepArgs,
  context: SweepContext,
): { definition: SweepDefinition; notes: string[] } {
  const axes = parseAxes(args.sweep ?? [], (key) => KEY_ALIASES[key] ?? key);
  const thresholds = parseThresholds(args.threshold);
  const facts = context.userDocuments ? userCorpusFacts(context.userDocuments) : {};
  const notes = new Set<string>();
  let baseSeed = 1;
  const points = expandGrid(axes).map((point) => {
    const where = point.assignments.join(' ') || 'the base config';
    let config: SimulationConfig;
    try {
      config = context.configFor(point.assignments);
    } catch (e) {
      throw new SweepInputError(`grid point ${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const check = checkContradictions(config, facts);
    const refused = check.issues.filter((i) => i.kind === 'refused');
    if (refused.length > 0)
      throw new SweepInputError(
        `grid point ${where}: invalid settings: ${describeIssues(refused).join('; ')}`,
      );
    // Said once for the sweep, not once per grid point.
    for (const line of describeIssues(check.issues)) notes.add(line);
    if (check.config.runs > 1)
      throw new SweepInputError(
        'a sweep runs its seeds one by one: give them with --seeds instead of --set runs',
      );
    const { seed, ...rest } = check.config;
    baseSeed = seed;
    return { index: point.index, values: point.values, config: rest };
  });
  const seeds = parseSeeds(args.seeds, baseSeed);
  const docs = context.userDocuments;
  const corpus = docs
    ? {
        sha256: createHash('sha256').update(docs.join('\u0000')).digest('hex'),
        documents: docs.length,
        chars: docs.reduce((n, d) => n + d.length, 0),
      }
    : null;
  return { definition: { axes, seeds, thresholds, points, corpus }, notes: [...notes] };
}

function writeOutputs(result: SweepResult, args: SweepArgs): string {
  const out = args.out as string;
  writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
  if (args.csv) writeFileSync(args.csv, Papa.unparse(runRows(result)) + '\n');
  if (args['summary-csv']) writeFileSync(args['summary-csv'], Papa.unparse(summaryRows(result)) + '\n');
  return [out, args.csv, args['summary-csv']].filter(Boolean).join(', ');
}

/** Summaries and law fit for a whole sweep (run at once or merged): the same code for both. */
function withSummaries(result: SweepResult): SweepResult {
  const { summaries, law, notes } = summarizeSweep(result.definition, result.runs);
  return { ...result, summaries, law, notes };
}

async function sweep(args: SweepArgs, context: SweepContext): Promise<number> {
  if (!args.sweep && !args.seeds && !args.shard) {
    throw new SweepInputError(
      '--threshold and --summary-csv belong to a sweep: add --sweep key=v1,v2,... or --seeds',
    );
  }
  const shard = args.shard === undefined ? null : parseShard(args.shard);
  if (shard && args['summary-csv'])
    throw new SweepInputError(
      '--summary-csv needs the whole sweep: give it to --merge, not to a --shard part',
    );
  checkWritable(args.out, args.csv, args['summary-csv']);
  const { definition, notes } = buildDefinition(args, context);
  for (const line of notes) process.stderr.write(`note: ${line}\n`);
  const all = runList(definition.points.length, definition.seeds);
  const mine = shard ? shardRuns(all, shard) : all;
  const label = shard ? ` of part ${shard.index}/${shard.count}` : '';
  if (!args.quiet) {
    const share = shard
      ? `part ${shard.index}/${shard.count}: ${mine.length} of ${all.length} runs`
      : `${all.length} runs`;
    process.stderr.write(
      `sweep: ${definition.points.length} grid points x ${definition.seeds.length} seeds; ${share}\n`,
    );
  }
  if (definition.points.some((p) => p.config.model.family === 'transformer')) {
    const { chooseNodeBackend } = await import('../tf-node');
    const choice = await chooseNodeBackend(args.backend as 'wasm' | 'cpu' | undefined);
    if (!args.quiet || choice.rejected.length > 0) process.stderr.write(`backend: ${choice.summary}\n`);
  }
  const { executeRuns } = await import('./execute');
  const started = performance.now();
  const executed = await executeRuns({
    definition,
    runs: mine,
    label,
    userDocuments: context.userDocuments,
    quiet: args.quiet,
  });
  const base: SweepResult = {
    format: SWEEP_FORMAT,
    version: 1,
    command: commandLine(),
    definition,
    shard,
    complete: !executed.cancelled,
    runs: executed.runs,
  };
  // A part has a few seeds of each point at most: its summaries would mislead; --merge makes them.
  const result = shard || executed.cancelled ? base : withSummaries(base);
  const written = writeOutputs(result, args);
  // The table is the result, not progress: --quiet keeps it.
  if (result.summaries) process.stderr.write(report(result));
  const failed = result.runs.filter((r) => r.status === 'failed').length;
  const seconds = Math.round((performance.now() - started) / 1000);
  const state = executed.cancelled
    ? `cancelled after ${result.runs.length} of ${mine.length} runs`
    : `done: ${result.runs.length} runs in ${seconds} s`;
  process.stderr.write(`${state}${failed > 0 ? `, ${failed} failed` : ''}; wrote ${written}\n`);
  return executed.cancelled ? 130 : failed > 0 ? 1 : 0;
}

function readPart(file: string): PartFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SweepInputError(`cannot read part file ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SweepInputError(`part file ${file} is not valid JSON (${e instanceof Error ? e.message : e})`);
  }
  const parsed = sweepFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SweepInputError(
      `${file} is not a sweep file written by simulate --sweep (${issue.path.join('.') || 'file'}: ${issue.message})`,
    );
  }
  // Checked, then used as written: the schema checks the shape, not every field of every config.
  return { file, result: json as SweepResult };
}

function merge(files: readonly string[], args: SweepArgs): number {
  if (args.sweep || args.seeds || args.shard || args.threshold) {
    throw new SweepInputError(
      '--merge takes the part files only: the sweep is defined by them (no --sweep, --seeds, --shard or --threshold)',
    );
  }
  checkWritable(args.out, args.csv, args['summary-csv']);
  const merged = withSummaries(mergeParts(files.map(readPart), commandLine()));
  const written = writeOutputs(merged, args);
  process.stderr.write(report(merged));
  const failed = merged.runs.filter((r) => r.status === 'failed').length;
  const left = failed > 0 ? ` (${failed} failed, left out of the summaries)` : '';
  process.stderr.write(`merged ${files.length} parts, ${merged.runs.length} runs${left}; wrote ${written}\n`);
  return 0;
}

/** A bad sweep input ends like simulate's: one line, exit code 2. */
async function answer(work: () => Promise<number> | number): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof SweepInputError)) throw e;
    process.stderr.write(`simulate: error: ${e.message}\n`);
    return 2;
  }
}

export const sweepCommand = (args: SweepArgs, context: SweepContext) => answer(() => sweep(args, context));
export const mergeCommand = (files: readonly string[], args: SweepArgs) => answer(() => merge(files, args));
