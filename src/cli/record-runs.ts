/**
 * npm run record-runs -- [--generations N] [--only id,id] [--force] [--out-dir public/recorded]
 * (--generations overrides every preset's own count: 40 for the default, else 10)
 * Produces the page's recorded runs: runs `simulate` once per preset (the compare pairs' variants
 * are presets too, all with the same seed) and writes each run.json plus index.json, the manifest
 * the page reads ("Watch a recorded run"). Runs one simulation at a time; the manifest is
 * rewritten after each one, so an interrupted recording keeps what it finished and a second call
 * skips runs already recorded (unless --force). Each simulation keeps its run so far in
 * .record-runs/<preset>.resume.json (simulate --resume), so a recording stopped halfway goes on
 * from its last finished generation when the same command is given again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { findPreset } from '../engine/config/presets';
import { parseRunFile } from '../engine/record';

/**
 * What gets recorded, in order: the compare pairs first (replace vs accumulate, 0% vs 10% real
 * kept, temperature 1 vs 0.5, tiny vs micro all share paper-replace), then the remaining presets.
 * The default runs as long as the paper did (40 generations), so the page shows where perplexity
 * goes over a long run; the others run ten.
 */
const RECORDED_PRESETS = [
  'paper-replace',
  'gerstgrasser-accumulate',
  'shumailov-10pct-real',
  'low-temperature',
  'paper-replace-micro',
  'fresh-data',
  'top-k-tails',
  'paper-accumulate-subsample',
] as const;

const LONG_RUNS: Partial<Record<(typeof RECORDED_PRESETS)[number], number>> = {
  'paper-replace': 40,
};

/** Ten generations of `tiny` at the default budget: fluent text at generation 0, its decay after. */
const DEFAULT_GENERATIONS = 10;
const SEED = 1;
/**
 * Results are reproducible for a given number of training workers (float sums in a fixed order),
 * so the recordings name it rather than take one per core of whatever machine records them.
 */
const WORKERS = 2;

/** Where each recording keeps its run so far (ignored by git, and outside public/, which ships). */
const RESUME_DIR = '.record-runs';

/** One line of index.json. src/app/runs/recorded/recorded-manifest.ts validates the same shape. */
export interface RecordedRunEntry {
  id: string;
  /** run.json file name, relative to index.json. */
  file: string;
  preset: string;
  label: string;
  generations: number;
  finalPerplexity: number | null;
  baselinePerplexity: number | null;
  seed: number;
  /** The command that produced the file, so anyone can reproduce it. */
  command: string;
  /** ISO date the recording finished. */
  date: string;
  bytes: number;
}

export interface RecordedManifest {
  version: 1;
  runs: RecordedRunEntry[];
}

class UsageError extends Error {}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        generations: { type: 'string' },
        only: { type: 'string' },
        force: { type: 'boolean' },
        'out-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}

function readManifest(path: string): RecordedManifest {
  if (!existsSync(path)) return { version: 1, runs: [] };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as RecordedManifest;
    return Array.isArray(parsed.runs) ? parsed : { version: 1, runs: [] };
  } catch {
    throw new UsageError(`${path} is not valid JSON; remove it or pass --force`);
  }
}

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** Runs simulate in a child process (its own TF.js backend and memory), inheriting stderr. */
function simulate(preset: string, generations: number, out: string, resume: string): void {
  const args = [
    '--import',
    'tsx',
    'src/cli/simulate.ts',
    '--preset',
    preset,
    '--generations',
    String(generations),
    '--seed',
    String(SEED),
    '--workers',
    String(WORKERS),
    '--resume',
    resume,
    '--out',
    out,
  ];
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`simulate --preset ${preset} exited with ${result.status ?? result.signal}`);
}

function record(preset: string, generations: number, outDir: string): RecordedRunEntry {
  const file = `${preset}.json`;
  const out = join(outDir, file);
  const shownOut = relative(process.cwd(), out) || out;
  const resume = join(RESUME_DIR, `${preset}.resume.json`);
  mkdirSync(RESUME_DIR, { recursive: true });
  const started = Date.now();
  process.stderr.write(`record-runs: ${preset}, ${generations} generations -> ${shownOut}\n`);
  simulate(preset, generations, out, resume);
  const read = parseRunFile(file, readFileSync(out, 'utf8'));
  if (!read.ok) throw new Error(read.message);
  const run = read.record;
  const last = run.generations.at(-1);
  process.stderr.write(
    `record-runs: ${preset} done in ${Math.round((Date.now() - started) / 1000)} s (${run.generations.length} generations)\n`,
  );
  return {
    id: preset,
    file,
    preset,
    label: findPreset(preset).label,
    generations: run.generations.length,
    finalPerplexity: finite(last?.perplexity),
    baselinePerplexity: finite(run.baseline.perplexity),
    seed: SEED,
    command: `npm run simulate -- --preset ${preset} --generations ${generations} --seed ${SEED} --workers ${WORKERS} --resume ${resume} --out ${shownOut}`,
    date: new Date().toISOString(),
    bytes: statSync(out).size,
  };
}

function main(): number {
  const args = parseCommandLine();
  if (args.help) {
    process.stdout.write(
      'Usage: npm run record-runs -- [--generations N] [--only preset,preset] [--force] [--out-dir DIR]\n',
    );
    return 0;
  }
  const asked = args.generations === undefined ? null : Number(args.generations);
  if (asked !== null && (!Number.isInteger(asked) || asked < 1))
    throw new UsageError(`--generations must be a positive whole number, got "${args.generations}"`);
  const generationsOf = (preset: string) =>
    asked ?? LONG_RUNS[preset as (typeof RECORDED_PRESETS)[number]] ?? DEFAULT_GENERATIONS;
  const wanted = args.only ? args.only.split(',').map((s) => s.trim()) : [...RECORDED_PRESETS];
  // Unknown names fail before any work.
  for (const id of wanted) {
    try {
      findPreset(id);
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
  }
  const outDir = args['out-dir'] ?? 'public/recorded';
  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, 'index.json');
  const manifest = readManifest(manifestPath);

  for (const preset of wanted) {
    const done = manifest.runs.find((r) => r.id === preset);
    if (done && !args.force && existsSync(join(outDir, done.file))) {
      process.stderr.write(
        `record-runs: ${preset} already recorded (${done.date}); --force records it again\n`,
      );
      continue;
    }
    const entry = record(preset, generationsOf(preset), outDir);
    // Keep the manifest in the recording order, whatever order runs finish in.
    const others = manifest.runs.filter((r) => r.id !== preset);
    const order = (id: string) => RECORDED_PRESETS.indexOf(id as (typeof RECORDED_PRESETS)[number]);
    manifest.runs = [...others, entry].sort((a, b) => order(a.id) - order(b.id));
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
  }
  return 0;
}

try {
  process.exit(main());
} catch (e) {
  process.stderr.write(`record-runs: error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
}
