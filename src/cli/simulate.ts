/**
 * npm run simulate -- [--preset NAME] [--config FILE] [--set key=value ...] [--corpus FILE]
 *                     [--generations N] [--seed N] [--resume FILE] --out run.json [--csv metrics.csv]
 * Runs one configuration headless and writes run.json (and metrics as CSV). Bad input gets one
 * line on stderr and a non-zero exit, never a stack trace. --sweep/--seeds/--shard and --merge
 * hand over to ./sweep/sweep-cli (a grid of such runs).
 */
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkContradictions, describeIssues, userCorpusFacts } from '../engine/config/contradictions';
import { applyAssignments } from '../engine/config/overrides';
import { PRESETS, presetPartial } from '../engine/config/presets';
import { mergeConfig, parseConfig } from '../engine/config/validate';
import type { SimulationConfig } from '../engine/config/schema';
import { SHORT_NAMES } from '../engine/config/settings';
import { fetchCorpusText } from '../engine/text/fetch-text';
import { loadUserTextStream } from '../engine/text/text-stream';
import type { TextLoadResult } from '../engine/text/user-text';
import { SWEEP_HELP } from './sweep/help';

/** Names joined by commas, wrapped to the help text's second column. */
function wrapList(names: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const name of names) {
    const next = line ? `${line}, ${name}` : name;
    if (next.length > 56 && line) {
      lines.push(`${line},`);
      line = name;
    } else line = next;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(23)}`);
}

const HELP = `Collapse Lab, headless: run generations of models trained on their own output.

Usage: npm run simulate -- [options] --out run.json

  --preset NAME        start from a preset (default paper-replace): ${PRESETS.map((p) => p.id).join(', ')}
  --config FILE        a JSON file with (part of) a SimulationConfig
  --set key=value      change one setting; repeatable. Dotted paths (training.steps=200) or
                       short names: ${wrapList(SHORT_NAMES)}
  --corpus FILE|URL    train on your own text: a file (UTF-8 or UTF-16 .txt) or an http(s)
                       address; reading stops after the first 5,000,000 characters, the
                       most a run uses
  --timeout SECONDS    how long to wait for --corpus URL (default 20)
  --generations N      number of generations
  --seed N             random seed (everything follows from it)
  --backend NAME       wasm (default), cpu, or webgpu (Dawn in Node; see README, Speed)
  --workers N          threads that train the transformer, each on its share of every batch
                       (default: one per hardware thread; same as --set workers=N)
  --out FILE           where to write run.json (required)
  --csv FILE           also write one row of metrics per generation as CSV
  --resume FILE        keep the run so far in FILE after every generation; the same command
                       given again goes on from there (FILE is removed when the run is done)
  --quiet              no progress bar
  --help               this text

Count model (--set model=ngram) with --set runs=R > 1, or order 0 past 1,000 generations:
theory mode. R seeds become median/p10/p90 bands with the closed forms beside them, in
run.json's "theory" (and, with --csv, one row per recorded generation).
${SWEEP_HELP}`;

class UsageError extends Error {}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read config file ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`config file ${path} is not valid JSON (${e instanceof Error ? e.message : e})`);
  }
}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        preset: { type: 'string' },
        config: { type: 'string' },
        set: { type: 'string', multiple: true },
        corpus: { type: 'string' },
        timeout: { type: 'string' },
        generations: { type: 'string' },
        seed: { type: 'string' },
        backend: { type: 'string' },
        workers: { type: 'string' },
        out: { type: 'string' },
        csv: { type: 'string' },
        resume: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
        sweep: { type: 'string', multiple: true },
        seeds: { type: 'string' },
        threshold: { type: 'string', multiple: true },
        shard: { type: 'string' },
        merge: { type: 'boolean' },
        'summary-csv': { type: 'string' },
      },
      strict: true,
      allowPositionals: true, // --merge's part files
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  if (!parsed.values.merge && parsed.positionals.length > 0)
    throw new UsageError(`Unexpected argument '${parsed.positionals[0]}'`);
  return { ...parsed.values, files: parsed.positionals };
}

function buildConfig(args: ReturnType<typeof parseCommandLine>) {
  let partial: unknown = args.preset ? presetPartial(args.preset) : {};
  if (args.config) partial = mergeConfig(partial, readJson(args.config));
  const sets = [...(args.set ?? [])];
  if (args.generations !== undefined) sets.push(`generations=${args.generations}`);
  if (args.seed !== undefined) sets.push(`seed=${args.seed}`);
  if (args.workers !== undefined) sets.push(`workers=${args.workers}`);
  if (args.corpus) sets.push('corpus.source=user');
  partial = applyAssignments(partial, sets);
  const result = parseConfig(partial);
  if (!result.ok) throw new UsageError(`invalid settings: ${result.errors.join('; ')}`);
  return result.config;
}

const isUrl = (corpus: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(corpus);

function timeoutMs(value: string | undefined): number {
  if (value === undefined) return 20_000;
  const seconds = Number(value);
  if (!(seconds > 0 && seconds <= 600))
    throw new UsageError(`--timeout must be a number of seconds between 0 and 600, got "${value}"`);
  return seconds * 1000;
}

/** The corpus file, read as a stream: refused at its first bad chunk, and read no further than a run can use. */
async function readCorpusFile(path: string): Promise<TextLoadResult> {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`corpus ${path} is a folder; give a text file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read corpus file ${path}`);
  }
  try {
    return await loadUserTextStream(createReadStream(path, { highWaterMark: 1 << 20 }), { totalBytes: size });
  } catch (e) {
    throw new UsageError(`cannot read corpus file ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The user's documents from --corpus (a file or an address); every refusal is one line. */
async function loadCorpus(corpus: string, timeout: string | undefined): Promise<string[]> {
  const loaded = isUrl(corpus)
    ? await fetchCorpusText(corpus, { timeoutMs: timeoutMs(timeout) })
    : await readCorpusFile(corpus);
  if (!loaded.ok) throw new UsageError(`corpus ${corpus}: ${loaded.error}`);
  for (const notice of loaded.notices) process.stderr.write(`note: ${notice}\n`);
  return loaded.documents;
}

/** Settings that contradict each other (or the text): refused in one line, or adjusted with a note. */
function resolveContradictions(
  config: SimulationConfig,
  userDocuments?: readonly string[],
): SimulationConfig {
  const check = checkContradictions(config, userDocuments ? userCorpusFacts(userDocuments) : {});
  const refused = check.issues.filter((i) => i.kind === 'refused');
  if (refused.length > 0) throw new UsageError(`invalid settings: ${describeIssues(refused).join('; ')}`);
  for (const line of describeIssues(check.issues)) process.stderr.write(`note: ${line}\n`);
  return check.config;
}

async function main(): Promise<number> {
  const args = parseCommandLine();
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!args.out) throw new UsageError('missing --out FILE (where to write run.json); see --help');
  if (args.merge) return (await import('./sweep/sweep-cli')).mergeCommand(args.files, args);
  if (args.preset) presetPartial(args.preset); // unknown names fail before any work
  if (
    args.backend !== undefined &&
    args.backend !== 'wasm' &&
    args.backend !== 'cpu' &&
    args.backend !== 'webgpu'
  ) {
    throw new UsageError(`--backend must be wasm, cpu or webgpu, got "${args.backend}"`);
  }
  const settings = buildConfig(args);
  const userDocuments = args.corpus ? await loadCorpus(args.corpus, args.timeout) : undefined;
  const sweeping = args.sweep || args.seeds || args.shard || args.threshold || args['summary-csv'];
  if (args.resume && sweeping) throw new UsageError('--resume keeps one run; a sweep cannot use it');
  if (sweeping) {
    const configFor = (assignments: string[]) =>
      buildConfig({ ...args, set: [...(args.set ?? []), ...assignments] });
    return (await import('./sweep/sweep-cli')).sweepCommand(args, { configFor, userDocuments });
  }
  const config = resolveContradictions(settings, userDocuments);
  // The run's machinery (and TensorFlow.js) loads only once the input has passed every check,
  // so a refusal answers at once.
  const { simulateTheory, wantsTheory } = await import('./theory-cli');
  // Count model with several seeds (or a long unigram run): bands and closed forms (theory mode).
  if (wantsTheory(config)) {
    if (args.resume) throw new UsageError('--resume keeps one run; theory mode (many seeds) cannot use it');
    return simulateTheory(config, { out: args.out, csv: args.csv, quiet: args.quiet, userDocuments });
  }
  if (config.model.family === 'transformer') {
    const { chooseNodeBackend } = await import('./tf-node');
    const choice = await chooseNodeBackend(args.backend);
    if (!args.quiet || choice.rejected.length > 0) process.stderr.write(`backend: ${choice.summary}\n`);
  }

  const [
    { LoopControl },
    { runJsonText, runToRows },
    { runResumable, ResumeFileError },
    { ProgressBar },
    Papa,
  ] = await Promise.all([
    import('../engine/loop/control/loop-control'),
    import('../engine/record'),
    import('./resumable-run'),
    import('./progress'),
    import('papaparse').then((m) => m.default),
  ]);
  const replicaHost =
    config.model.family === 'transformer' ? (await import('./node-replicas')).nodeReplicaHost() : undefined;
  const control = new LoopControl();
  process.once('SIGINT', () => control.cancel());
  let progress: InstanceType<typeof ProgressBar> | null = args.quiet
    ? null
    : new ProgressBar(config.generations);
  let record;
  try {
    record = await runResumable(config, {
      control,
      userDocuments,
      replicaHost,
      resumePath: args.resume,
      onResume: (finished) => {
        process.stderr.write(`resuming from ${args.resume}: ${finished} generations already finished\n`);
        if (progress) progress = new ProgressBar(config.generations, process.stderr, finished);
      },
      onEvent: (event) => progress?.observe(event),
    });
  } catch (e) {
    if (e instanceof ResumeFileError) throw new UsageError(e.message);
    throw e;
  }
  writeFileSync(args.out, runJsonText(record));
  if (args.csv) writeFileSync(args.csv, Papa.unparse(runToRows(record)) + '\n');
  const summary = `${record.generations.length} generations, baseline perplexity ${record.baseline.perplexity.toFixed(2)}, n* ${record.nStar ?? 'not reached'}`;
  if (record.status === 'failed') {
    process.stderr.write(
      `simulate: error: ${record.error} (${record.generations.length} finished generations kept in ${args.out}${args.resume ? `; the same command goes on from ${args.resume}` : ''})\n`,
    );
    return 1;
  }
  const goOn =
    args.resume && record.status !== 'complete' ? `; the same command goes on from ${args.resume}` : '';
  process.stderr.write(
    `${record.status === 'cancelled' ? 'cancelled' : 'done'}: ${summary}; wrote ${args.out}${args.csv ? ` and ${args.csv}` : ''}${goOn}\n`,
  );
  return record.status === 'cancelled' ? 130 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`simulate: error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
