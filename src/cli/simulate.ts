/**
 * npm run simulate -- [--preset NAME] [--config FILE] [--set key=value ...] [--corpus FILE]
 *                     [--generations N] [--seed N] --out run.json [--csv metrics.csv]
 * Runs one configuration headless and writes run.json (and metrics as CSV). Bad input gets one
 * line on stderr and a non-zero exit, never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { applyAssignments } from '../engine/config/overrides';
import { PRESETS, presetPartial } from '../engine/config/presets';
import { mergeConfig, parseConfig } from '../engine/config/validate';
import { LoopControl } from '../engine/loop/control';
import { runToRows } from '../engine/loop/metrics-table';
import { RunRecorder } from '../engine/loop/recorder';
import { runSimulation } from '../engine/loop/run';
import { loadUserText } from '../engine/text/user-text';
import { ProgressBar } from './progress';
import { simulateTheory, wantsTheory } from './theory-cli';
import { chooseNodeBackend } from './tf-node';

const HELP = `Collapse Lab, headless: run generations of models trained on their own output.

Usage: npm run simulate -- [options] --out run.json

  --preset NAME        start from a preset (default paper-replace): ${PRESETS.map((p) => p.id).join(', ')}
  --config FILE        a JSON file with (part of) a SimulationConfig
  --set key=value      change one setting; repeatable. Dotted paths (training.steps=200) or
                       short names: model, size, order, alpha, steps, batch, lr, temperature,
                       topK, topP, maxLength, corpus, realChars, heldOutChars, paradigm,
                       contamination, realKept, freshShare, trainingSample, runs
  --corpus FILE        train on your own text file (UTF-8 or UTF-16 .txt)
  --generations N      number of generations
  --seed N             random seed (everything follows from it)
  --backend NAME       wasm (default) or cpu
  --out FILE           where to write run.json (required)
  --csv FILE           also write one row of metrics per generation as CSV
  --quiet              no progress bar
  --help               this text

Count model (--set model=ngram) with --set runs=R > 1, or order 0 past 1,000 generations:
theory mode. R seeds become median/p10/p90 bands with the closed forms beside them, in
run.json's "theory" (and, with --csv, one row per recorded generation).
`;

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
        generations: { type: 'string' },
        seed: { type: 'string' },
        backend: { type: 'string' },
        out: { type: 'string' },
        csv: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  return parsed.values;
}

function buildConfig(args: ReturnType<typeof parseCommandLine>) {
  let partial: unknown = args.preset ? presetPartial(args.preset) : {};
  if (args.config) partial = mergeConfig(partial, readJson(args.config));
  const sets = [...(args.set ?? [])];
  if (args.generations !== undefined) sets.push(`generations=${args.generations}`);
  if (args.seed !== undefined) sets.push(`seed=${args.seed}`);
  if (args.corpus) sets.push('corpus.source=user');
  partial = applyAssignments(partial, sets);
  const result = parseConfig(partial);
  if (!result.ok) throw new UsageError(`invalid settings: ${result.errors.join('; ')}`);
  return result.config;
}

function loadCorpusFile(path: string): string[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`cannot read corpus file ${path}`);
  }
  const loaded = loadUserText(bytes);
  if (!loaded.ok) throw new UsageError(`corpus ${path}: ${loaded.error}`);
  for (const notice of loaded.notices) process.stderr.write(`note: ${notice}\n`);
  return loaded.documents;
}

async function main(): Promise<number> {
  const args = parseCommandLine();
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!args.out) throw new UsageError('missing --out FILE (where to write run.json); see --help');
  if (args.preset) presetPartial(args.preset); // unknown names fail before any work
  const config = buildConfig(args);
  const userDocuments = args.corpus ? loadCorpusFile(args.corpus) : undefined;
  // Count model with several seeds (or a long unigram run): bands and closed forms (theory mode).
  if (wantsTheory(config)) return simulateTheory(config, { out: args.out, csv: args.csv, quiet: args.quiet, userDocuments });
  if (config.model.family === 'transformer') {
    if (args.backend !== undefined && args.backend !== 'wasm' && args.backend !== 'cpu') {
      throw new UsageError(`--backend must be wasm or cpu, got "${args.backend}"`);
    }
    const choice = await chooseNodeBackend(args.backend);
    if (!args.quiet || choice.rejected.length > 0) process.stderr.write(`backend: ${choice.summary}\n`);
  }

  const control = new LoopControl();
  process.once('SIGINT', () => control.cancel());
  const recorder = new RunRecorder(config);
  const progress = args.quiet ? null : new ProgressBar(config.generations);
  for await (const event of runSimulation(config, { userDocuments, control })) {
    recorder.observe(event);
    progress?.observe(event);
  }
  const record = recorder.record;
  writeFileSync(args.out, JSON.stringify(record, null, 1));
  if (args.csv) writeFileSync(args.csv, Papa.unparse(runToRows(record)) + '\n');
  const summary = `${record.generations.length} generations, baseline perplexity ${record.baseline.perplexity.toFixed(2)}, n* ${record.nStar ?? 'not reached'}`;
  if (record.status === 'failed') {
    process.stderr.write(`simulate: error: ${record.error} (${record.generations.length} finished generations kept in ${args.out})\n`);
    return 1;
  }
  process.stderr.write(`${record.status === 'cancelled' ? 'cancelled' : 'done'}: ${summary}; wrote ${args.out}${args.csv ? ` and ${args.csv}` : ''}\n`);
  return record.status === 'cancelled' ? 130 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`simulate: error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
