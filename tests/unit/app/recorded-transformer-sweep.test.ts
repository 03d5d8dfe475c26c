import { describe, expect, it } from 'vitest';
import {
  fetchRecordedSweep,
  parseRecordedSweep,
  RECORDED_SWEEP_URL,
} from '../../../src/app/theory/sweep/recorded-transformer-sweep';

const config = (contamination: number) => ({
  generations: 12,
  paradigm: 'replace',
  contamination,
  corpus: { source: 'tiny-tales', realChars: 20_000 },
  model: { family: 'transformer', size: 'micro' },
  training: { steps: 400, budgetRule: 'fixed-steps' },
});
const outcome = (median: number | null, p10: number | null, p90: number | null, law: number | null) => ({
  runs: 2,
  reached: median === null ? 0 : 2,
  median,
  p10,
  p90,
  law,
});

/** A two-point sweep written by hand: lambda 1 crosses at 2-4 generations, lambda 0.25 never within 12. */
function sweepFile() {
  return {
    format: 'collapse-lab-sweep',
    version: 1,
    command: 'npm run simulate -- --sweep contamination=1,0.25 ...',
    definition: {
      axes: [],
      seeds: [1, 2],
      thresholds: { ratio: 1.5, nstarTolerance: 0.05 },
      points: [
        { index: 0, values: {}, config: config(1) },
        { index: 1, values: {}, config: config(0.25) },
      ],
      corpus: null,
    },
    shard: null,
    parts: [
      {
        file: 'part-1.json',
        shard: { index: 1, count: 2 },
        command: 'npm run simulate -- ... --shard 1/2 --out part-1.json',
      },
      {
        file: 'part-2.json',
        shard: { index: 2, count: 2 },
        command: 'npm run simulate -- ... --shard 2/2 --out part-2.json',
      },
    ],
    complete: true,
    runs: [
      { point: 0, seed: 1, seconds: 100 },
      { point: 0, seed: 2, seconds: 110 },
      { point: 1, seed: 1, seconds: 120 },
      { point: 1, seed: 2, seconds: 130 },
    ],
    summaries: [
      {
        point: 0,
        paradigm: 'replace',
        contamination: 1,
        outcomes: { ratio: outcome(3, 2, 4, 3), nstar: outcome(null, null, null, null) },
      },
      {
        point: 1,
        paradigm: 'replace',
        contamination: 0.25,
        outcomes: { ratio: outcome(null, null, null, 12), nstar: outcome(null, null, null, null) },
      },
    ],
    law: [
      {
        group: {},
        paradigm: 'replace',
        threshold: 'ratio',
        form: 'c/lambda',
        inverse: { c: 3, logRms: 0 },
        power: null,
      },
    ],
  };
}

describe('the recorded transformer sweep', () => {
  it('gives one row per share, smallest first, with the seeds’ band, the law and the recording’s cost', () => {
    const parsed = parseRecordedSweep(JSON.stringify(sweepFile()));
    if (!parsed.ok) throw new Error(parsed.message);
    const sweep = parsed.value;
    expect(sweep.rows.map((r) => r.lambda)).toEqual([0.25, 1]);
    expect(sweep.rows[1]).toEqual({ lambda: 1, median: 3, band: [2, 4], law: 3, runs: 2, reached: 2 });
    // Never crossed within the run: no median and no band, but the law still predicts c / lambda.
    expect(sweep.rows[0]).toMatchObject({ median: null, band: null, law: 12, reached: 0 });
    expect(sweep.commands).toEqual([
      'npm run simulate -- ... --shard 1/2 --out part-1.json',
      'npm run simulate -- ... --shard 2/2 --out part-2.json',
      'npm run simulate -- --sweep contamination=1,0.25 ...',
    ]);
    expect(sweep).toMatchObject({
      ratio: 1.5,
      seeds: 2,
      generations: 12,
      model: 'micro',
      realChars: 20_000,
      steps: 400,
      cpuSeconds: 460,
      lawC: 3,
    });
  });

  it('says what is wrong with a damaged or unfinished recording instead of drawing it', () => {
    expect(parseRecordedSweep('{"format":')).toEqual({
      ok: false,
      message: 'The recorded transformer sweep is damaged (not JSON).',
    });
    const unfinished = { ...sweepFile(), complete: false };
    const parsed = parseRecordedSweep(JSON.stringify(unfinished));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/complete/);
    const noReplace = {
      ...sweepFile(),
      summaries: sweepFile().summaries.map((s) => ({ ...s, paradigm: 'accumulate' })),
    };
    expect(parseRecordedSweep(JSON.stringify(noReplace))).toEqual({
      ok: false,
      message: 'The recorded transformer sweep has no replace runs to show.',
    });
  });

  it('turns a missing file into a sentence', async () => {
    const asked: string[] = [];
    const result = await fetchRecordedSweep((url) => {
      asked.push(url);
      return Promise.resolve({ ok: false, status: 404, text: () => Promise.resolve('') });
    });
    expect(asked).toEqual([RECORDED_SWEEP_URL]);
    expect(result).toEqual({
      ok: false,
      message: 'The recorded transformer sweep could not be loaded (HTTP 404).',
    });
  });
});
