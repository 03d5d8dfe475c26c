import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { perplexityRows } from '../../../src/app/charts/data/chart-data';
import { perplexitySummary } from '../../../src/app/charts/data/chart-summaries';
import {
  importedLabel,
  liveRunFromRecord,
  shownRunLabel,
} from '../../../src/app/export/live-run-from-record';
import { metricsCsvText, recordFromLiveRun } from '../../../src/app/export/record-from-run';
import { generationTexts } from '../../../src/app/samples/sample-view';
import { foldRunAll } from '../../../src/app/store/fold-run';
import { IDLE_RUN, type LiveRun, type RunInput } from '../../../src/app/store/live-run';
import type { SimulationEvent } from '../../../src/engine/loop/types';
import { RunRecorder } from '../../../src/engine/loop/recorder';
import {
  MAX_RUN_FILE_BYTES,
  parseRunFile,
  runJsonText,
  sizeProblem,
  type RunRecord,
} from '../../../src/engine/record';
import { PROTOCOL_VERSION } from '../../../src/worker/simulation-protocol';
import { collectEvents, microRunConfig } from '../../support/loop-fixtures';

let events: SimulationEvent[];
let record: RunRecord;
/** The same run as the page holds it, folded from the worker's events. */
let live: LiveRun;
/** What the CLI writes: JSON.stringify turns the count model's NaN training loss into null. */
let cliText: string;

beforeAll(async () => {
  const config = microRunConfig({ generations: 2, model: { family: 'ngram' } });
  events = await collectEvents(config);
  const recorder = new RunRecorder(config);
  events.forEach((e) => recorder.observe(e));
  record = recorder.record;
  cliText = JSON.stringify(record, null, 1);
  const inputs: RunInput[] = [
    { type: 'start-requested', config, at: 0 },
    ...events.map((event): RunInput => ({ type: 'loop', version: PROTOCOL_VERSION, event })),
  ];
  live = foldRunAll(IDLE_RUN, inputs, 1);
});

function parsedOrThrow(text: string, name = 'run.json') {
  const result = parseRunFile(name, text);
  if (!result.ok) throw new Error(result.message);
  return result.record;
}

describe('run.json import', () => {
  it('accepts a record the engine wrote, NaN written as null read back as NaN', () => {
    expect(record.generations.length).toBe(2);
    expect(cliText).toContain('"trainLoss": null');
    const read = parsedOrThrow(cliText);
    expect(read.generations).toEqual(record.generations);
    expect(Number.isNaN(read.generations[0].trainLoss)).toBe(true);
    expect(read.config).toEqual(record.config);
    expect(read.status).toBe('complete');
  });

  it('reads a run.json written before real words and budgets were recorded: not measured, never invented', () => {
    const old = JSON.parse(cliText);
    for (const g of old.generations) {
      for (const key of [
        'endedShare',
        'realWordShare',
        'generatedBudgetChars',
        'writtenDocuments',
        'writtenCut',
        'sampleNonWords',
      ])
        delete g[key];
    }
    const [g0] = parsedOrThrow(JSON.stringify(old)).generations;
    expect(Number.isNaN(g0.realWordShare)).toBe(true);
    expect(Number.isNaN(g0.endedShare)).toBe(true);
    expect(Number.isNaN(g0.generatedBudgetChars)).toBe(true);
    expect(g0.writtenCut).toBe(false); // the last document was always written whole then
    expect(g0.sampleNonWords).toBeNull();
    const csv = Papa.parse<Record<string, string>>(metricsCsvText({ ...record, generations: [g0] }).trim(), {
      header: true,
    });
    expect(csv.data[0].real_word_share).toBe('');
  });

  it('tolerates fields it does not know', () => {
    const extra = JSON.parse(cliText);
    extra.comment = 'from class 4B';
    extra.generations[0].futureMetric = 3;
    extra.theory = { anything: true };
    expect(parsedOrThrow(JSON.stringify(extra)).generations).toHaveLength(2);
  });

  it('refuses what is not a run, with a specific message', () => {
    const withoutPerplexity = JSON.parse(cliText);
    delete withoutPerplexity.generations[1].perplexity;
    const badSamples = JSON.parse(cliText);
    badSamples.generations[0].samples = 'text';
    const cases: [string, RegExp][] = [
      ['', /x.json was not imported: the file is empty/],
      ['{"config": ', /not JSON/],
      ['[1, 2]', /JSON but not a run/],
      ['{"hello": 1}', /no config or generations/],
      [
        JSON.stringify({ ...JSON.parse(cliText), version: 2 }),
        /newer Collapse Lab \(run\.json version 2; this page reads version 1\)/,
      ],
      [JSON.stringify(withoutPerplexity), /not a valid run\.json \(generations\.1\.perplexity: /],
      [JSON.stringify(badSamples), /generations\.0\.samples: /],
      [JSON.stringify({ ...JSON.parse(cliText), status: 'exploded' }), /status: /],
    ];
    for (const [text, message] of cases) {
      const result = parseRunFile('x.json', text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
  });

  it('refuses a file over 50 MB before reading it', () => {
    const result = sizeProblem('big.json', MAX_RUN_FILE_BYTES + 1);
    expect(result?.ok).toBe(false);
    if (result && !result.ok)
      expect(result.message).toBe('big.json was not imported: it is 50 MB, and a run.json is at most 50 MB.');
    expect(sizeProblem('ok.json', 1000)).toBeNull();
  });
});

describe('run export', () => {
  it('builds run.json from the live run as the CLI does; export then import gives the same generations', () => {
    const exported = recordFromLiveRun(live, live.config ?? record.config);
    expect(exported).toMatchObject({
      version: 1,
      status: 'complete',
      nStar: record.nStar,
      notices: record.notices,
    });
    expect(exported.baseline).toEqual(record.baseline);
    expect(exported.vocabulary).toEqual([]); // the page keeps only the vocabulary's size
    const reimported = parsedOrThrow(runJsonText(exported));
    expect(reimported.generations).toEqual(record.generations);
    // And once more through the screen: import, export, import.
    const again = parsedOrThrow(
      runJsonText(recordFromLiveRun(liveRunFromRecord(reimported, 'a.json'), record.config)),
    );
    expect(again.generations).toEqual(record.generations);
    expect(again.notices).toEqual(record.notices); // the "imported from" label is not written back
  });

  it('an unfinished run is recorded as cancelled, with a notice saying so', () => {
    const stopped = recordFromLiveRun({ ...live, status: 'stopped', error: null }, record.config);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.notices.at(-1)).toMatch(/exported while the run was stopped, after 2 finished generation/);
  });

  it('writes metrics.csv with one row per generation and the CLI columns', () => {
    const csv = metricsCsvText(record);
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(record.generations.length);
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining([
        'generation',
        'perplexity',
        'js_1',
        'baseline_perplexity',
        'real_word_share',
        'ended_share',
        'mean_sample_length',
        'evaluation_chars',
        'written_chars',
        'generated_budget_chars',
        'written_cut',
      ]),
    );
    expect(Number(parsed.data[1].perplexity)).toBeCloseTo(record.generations[1].perplexity, 6);
    expect(Number(parsed.data[1].real_word_share)).toBeCloseTo(record.generations[1].realWordShare, 12);
    expect(Number(parsed.data[0].written_chars)).toBe(Number(parsed.data[0].generated_budget_chars));
  });
});

describe('liveRunFromRecord', () => {
  it('gives the charts and the samples the imported generations, labelled', () => {
    const run = liveRunFromRecord(parsedOrThrow(cliText), 'class-4b.json');
    expect(run.status).toBe('complete');
    expect(importedLabel(run)).toBe('imported from class-4b.json');
    expect(importedLabel(live)).toBeNull();
    const rows = perplexityRows(run.generations);
    expect(rows.map((r) => r.generation)).toEqual([0, 1]);
    expect(perplexitySummary(rows, run.baseline?.perplexity ?? null, null)).toMatch(
      /^Held-out perplexity: generation 0 [\d.]+; latest, generation 1/,
    );
    expect(generationTexts(run).map((t) => t.generation)).toEqual([0, 1]);
    expect(run.current.generation).toBe(1);
  });

  it('labels a recorded run as recorded, not imported, and exports it without the label', () => {
    const run = liveRunFromRecord(parsedOrThrow(cliText), 'Seed paper: replace', {
      kind: 'recorded',
      realSamples: ['Once upon a time'],
    });
    expect(shownRunLabel(run)).toEqual({
      kind: 'recorded',
      text: 'recorded: Seed paper: replace',
      name: 'Seed paper: replace',
    });
    expect(importedLabel(run)).toBeNull();
    expect(run.realSamples).toEqual(['Once upon a time']);
    expect(recordFromLiveRun(run, record.config).notices).toEqual(record.notices);
    expect(shownRunLabel(live)).toBeNull();
  });

  it('keeps a failed run failed, with its error', () => {
    const failed = parsedOrThrow(
      JSON.stringify({ ...JSON.parse(cliText), status: 'failed', error: 'loss diverged' }),
    );
    const run = liveRunFromRecord(failed, 'f.json');
    expect(run).toMatchObject({ status: 'failed', error: 'loss diverged' });
  });
});
