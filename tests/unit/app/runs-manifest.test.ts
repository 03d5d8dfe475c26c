import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fetchRecordedManifest,
  fetchRecordedRun,
  parseRecordedManifest,
  type RecordedEntry,
} from '../../../src/app/runs/recorded/recorded-manifest';
import { recordPrefix } from '../../../src/app/runs/playback/show-run';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { keptRun, report } from '../../support/report-fixtures';

const entry: RecordedEntry = {
  id: 'paper-replace',
  file: 'paper-replace.json',
  preset: 'paper-replace',
  label: 'Seed paper: replace',
  generations: 2,
  finalPerplexity: 6,
  baselinePerplexity: 60,
  seed: 1,
  command:
    'npm run simulate -- --preset paper-replace --generations 2 --seed 1 --quiet --out public/recorded/paper-replace.json',
  date: '2026-11-24T07:40:00.000Z',
  bytes: 1234,
};

const runJson = JSON.stringify({
  version: 1,
  config: DEFAULT_CONFIG,
  vocabulary: ['a', 'b'],
  baseline: { perplexity: 60, nllPerChar: Math.log(60) },
  generations: [report(0), report(1)],
  nStar: null,
  notices: [],
  status: 'complete',
});

/** A fetch that serves `files` by URL and 404s everything else, recording what was asked. */
function fakeFetch(files: Record<string, string>) {
  const asked: string[] = [];
  const fetchFn = async (url: string) => {
    asked.push(url);
    const text = files[url];
    return { ok: text !== undefined, status: text !== undefined ? 200 : 404, text: async () => text ?? '' };
  };
  return { fetchFn, asked };
}

describe('recorded runs manifest', () => {
  it('reads the entries index.json lists', () => {
    const result = parseRecordedManifest(JSON.stringify({ version: 1, runs: [entry] }));
    expect(result).toEqual({ ok: true, value: [entry] });
  });

  it('refuses a damaged manifest with a sentence naming the problem', () => {
    expect(parseRecordedManifest('{')).toEqual({
      ok: false,
      message: 'The list of recorded runs is damaged (index.json is not JSON).',
    });
    const badFile = parseRecordedManifest(
      JSON.stringify({ version: 1, runs: [{ ...entry, file: '../secret.json' }] }),
    );
    expect(badFile.ok ? '' : badFile.message).toMatch(/runs\.0\.file: a plain \.json file name/);
    const noRuns = parseRecordedManifest(JSON.stringify({ version: 1 }));
    expect(noRuns.ok).toBe(false);
  });

  it('fetches index.json and the runs relative to the page (it may live in a sub-path)', async () => {
    const { fetchFn, asked } = fakeFetch({
      'recorded/index.json': JSON.stringify({ version: 1, runs: [entry] }),
      'recorded/paper-replace.json': runJson,
    });
    const manifest = await fetchRecordedManifest(fetchFn);
    expect(manifest.ok && manifest.value.map((e) => e.id)).toEqual(['paper-replace']);
    const run = await fetchRecordedRun(entry, fetchFn);
    expect(run.ok && run.value.generations.map((g) => g.generation)).toEqual([0, 1]);
    expect(asked).toEqual(['recorded/index.json', 'recorded/paper-replace.json']);
  });

  it('says which recorded run could not be loaded, and why', async () => {
    const { fetchFn } = fakeFetch({});
    expect(await fetchRecordedManifest(fetchFn)).toEqual({
      ok: false,
      message: 'The list of recorded runs could not be loaded (HTTP 404).',
    });
    const offline = async () => {
      throw new Error('network is down');
    };
    expect(await fetchRecordedRun(entry, offline)).toEqual({
      ok: false,
      message: 'The recorded run "Seed paper: replace" could not be loaded (network is down).',
    });
    const { fetchFn: notARun } = fakeFetch({ 'recorded/paper-replace.json': '{"hello": 1}' });
    const result = await fetchRecordedRun(entry, notARun);
    expect(result.ok ? '' : result.message).toMatch(
      /^paper-replace\.json was not imported: it is JSON but not a run/,
    );
  });

  it('plays back a run as growing prefixes, n* appearing only once its generation is shown', () => {
    const run = keptRun('r', {
      generations: [report(0), report(1), report(2)],
      nStar: 2,
      status: 'complete',
    });
    expect(recordPrefix(run, 1).generations.map((g) => g.generation)).toEqual([0]);
    expect(recordPrefix(run, 2).nStar).toBeNull();
    expect(recordPrefix(run, 3).nStar).toBe(2);
    expect(recordPrefix(keptRun('s', { status: 'stopped' }), 2).status).toBe('cancelled');
  });
});

describe('the recordings shipped in public/recorded', () => {
  const dir = join(process.cwd(), 'public', 'recorded');
  const manifestPath = join(dir, 'index.json');

  it.runIf(existsSync(manifestPath))(
    'lists only files that exist and read as runs with the listed generations',
    () => {
      const manifest = parseRecordedManifest(readFileSync(manifestPath, 'utf8'));
      if (!manifest.ok) throw new Error(manifest.message);
      expect(manifest.value.length).toBeGreaterThan(0);
      for (const e of manifest.value) {
        const text = readFileSync(join(dir, e.file), 'utf8');
        const run = JSON.parse(text) as { generations: { perplexity: number }[]; config: { seed: number } };
        expect(run.generations).toHaveLength(e.generations);
        expect(run.config.seed).toBe(e.seed);
        expect(run.generations.at(-1)?.perplexity).toBeCloseTo(e.finalPerplexity ?? NaN, 6);
      }
    },
  );
});
