/**
 * simulate's theory path: for the count model with several runs (or a long order-0 run), run
 * theory mode's many-run path instead of a single text loop and write its bands and closed
 * forms into run.json (`theory`) and, with --csv, one row per recorded generation.
 * - order 0: the exact unigram chain only (the text loop would take hours for 10,000 x 50);
 *   run.json's `generations` is then empty and says so in `notices`.
 * - order >= 1: R text loops; run.json is the first seed's ordinary record plus `theory`. Past
 *   TEXT_LOOP_BUDGET generations in all (e.g. `--set model=ngram --set runs=50 --generations
 *   10000` at the default order 2: ~7 h), the order-0 chain runs instead, with a note.
 */
import { writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { SimulationConfig } from '../engine/config/schema';
import { runJsonText, type Band, type RunRecord, type TheoryRecord } from '../engine/record';
import { runTheory, theoryMethod } from '../engine/theory/run-theory';

/** Whether simulate should take the theory path for this config. */
export function wantsTheory(config: SimulationConfig): boolean {
  return (
    config.model.family === 'ngram' &&
    (config.runs > 1 || (config.model.ngramOrder === 0 && config.generations > 1000))
  );
}

export interface TheoryCliOptions {
  out: string;
  csv?: string;
  quiet?: boolean;
  userDocuments?: readonly string[];
}

/** One progress line on stderr: redrawn in place on a terminal, every few seconds on a pipe. */
function progressPrinter(quiet: boolean | undefined, label: string) {
  const started = performance.now();
  let lastPrint = -Infinity;
  // The rate is taken from the first report on, so setting up (the corpus) does not skew the ETA.
  let first: { at: number; done: number } | null = null;
  const stream = process.stderr;
  return {
    update(done: number, total: number) {
      if (quiet) return;
      const now = performance.now();
      first ??= { at: now, done };
      if (now - lastPrint < (stream.isTTY ? 100 : 5000) && done < total) return;
      lastPrint = now;
      const seconds = (now - started) / 1000;
      const rate = (done - first.done) / Math.max(now - first.at, 1e-9);
      const eta = rate > 0 && done < total ? `, ETA ${Math.round((total - done) / rate / 1000)}s` : '';
      const line = `theory (${label}): ${done.toLocaleString('en')}/${total.toLocaleString('en')} generations, ${seconds.toFixed(1)}s${eta}`;
      stream.write(stream.isTTY ? `\r${line.padEnd(90)}` : `${line}\n`);
    },
    finish() {
      if (!quiet && stream.isTTY) stream.write('\n');
    },
  };
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function bandColumns(prefix: string, band: Band, i: number): Record<string, number | null> {
  return {
    [`${prefix}_mean`]: band.mean[i],
    [`${prefix}_median`]: band.median[i],
    [`${prefix}_p10`]: band.p10[i],
    [`${prefix}_p90`]: band.p90[i],
  };
}

/** One row per recorded generation: every band, then the formula curves that apply. */
export function theoryToRows(theory: TheoryRecord): Record<string, number | null>[] {
  const f = theory.formulas;
  const bands: Record<string, Band> = theory.unigram?.bands ?? theory.text?.bands ?? {};
  return theory.recordedGenerations.map((generation, i) => {
    const row: Record<string, number | null> = { generation };
    for (const [name, band] of Object.entries(bands)) Object.assign(row, bandColumns(snake(name), band, i));
    if (theory.unigram) row.absorbed_share = theory.unigram.fixation.absorbedShare[i];
    if (f.realWeight.values) row.formula_real_weight = f.realWeight.values[i];
    if (f.collision.values) row.formula_collision = f.collision.values[i];
    if ('thisParadigm' in f.biasedDrift) row.formula_biased_drift_tv = f.biasedDrift.thisParadigm.values[i];
    return row;
  });
}

/** The run.json shell of an order-0 theory run: no text generations, the uniform baseline. */
function unigramRecord(config: SimulationConfig, theory: TheoryRecord, fallbackNote?: string): RunRecord {
  const symbols = theory.unigram?.symbols ?? [];
  return {
    version: 1,
    config,
    vocabulary: symbols,
    // An untrained count model is uniform: perplexity |V| (as the n-gram family's baseline).
    baseline: { perplexity: symbols.length, nllPerChar: Math.log(symbols.length) },
    generations: [],
    nStar: null,
    notices: [
      ...(fallbackNote ? [fallbackNote] : []),
      'theory mode (order-0 count model): no text was generated; the per-generation bands and closed forms are in `theory`',
    ],
    status: theory.status,
    theory,
  };
}

/** Runs theory mode, writes run.json (and CSV); returns the exit code. */
export async function simulateTheory(config: SimulationConfig, options: TheoryCliOptions): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const chosen = theoryMethod(config);
  if (chosen.note) process.stderr.write(`note: ${chosen.note}\n`);
  const label =
    chosen.method === 'unigram-chain'
      ? `unigram chain, ${config.runs} runs`
      : `order-${config.model.ngramOrder} text loop, ${config.runs} runs`;
  const progress = progressPrinter(options.quiet, label);
  let firstTextRun: RunRecord | null = null;
  let theory: TheoryRecord;
  try {
    theory = await runTheory(config, {
      userDocuments: options.userDocuments,
      signal: controller.signal,
      method: chosen.method,
      onProgress: (done, total) => progress.update(done, total),
      onTextRun: (index, record) => {
        if (index === 0) firstTextRun = record;
      },
    });
  } finally {
    progress.finish();
    process.off('SIGINT', onSigint);
  }
  const record: RunRecord = firstTextRun
    ? { ...(firstTextRun as RunRecord), status: theory.status, theory }
    : unigramRecord(config, theory, chosen.note);
  writeFileSync(options.out, runJsonText(record));
  if (options.csv) writeFileSync(options.csv, Papa.unparse(theoryToRows(theory)) + '\n');
  const fixation = theory.unigram
    ? `, half absorbed by generation ${theory.unigram.fixation.halfAbsorbedGeneration ?? 'none'}`
    : '';
  const summary = `${theory.runs} runs x ${theory.generations} generations in ${theory.seconds.toFixed(1)}s (${theory.method}${fixation})`;
  const written = `wrote ${options.out}${options.csv ? ` and ${options.csv}` : ''}`;
  process.stderr.write(`${theory.status === 'cancelled' ? 'cancelled' : 'done'}: ${summary}; ${written}\n`);
  return theory.status === 'cancelled' ? 130 : 0;
}
