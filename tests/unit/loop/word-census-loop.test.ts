import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { ExtinctionTracker } from '../../../src/engine/metrics/extinction';
import { wordFates } from '../../../src/engine/metrics/word-census';
import { RunRecorder } from '../../../src/engine/loop/recorder';
import { parseRunFile, runJsonText } from '../../../src/engine/record';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

beforeAll(() => useNodeBackend('wasm'));

const config = microRunConfig({ model: { family: 'ngram', ngramOrder: 2, ngramAlpha: 0 }, generations: 5 });

describe("a run's word census", () => {
  it("folds back, after every generation, into the extinction record the run's checkpoint holds", async () => {
    const events = await collectEvents(config);
    const reports = reportsOf(events);
    const checkpoints = events.flatMap((e) => (e.type === 'checkpoint' ? [e.checkpoint] : []));
    expect(reports).toHaveLength(5);
    for (const report of reports) {
      const checkpoint = checkpoints.find((c) => c.nextGeneration === report.generation + 1);
      const tracker = ExtinctionTracker.fromJSON(checkpoint!.extinction);
      const fates = wordFates(reports, report.generation);
      const folded = new Map(
        fates!.words.filter((f) => f.extinctSince !== null).map((f) => [f.word, f.extinctSince]),
      );
      expect(folded).toEqual(new Map(tracker.extinct('words').map((s) => [s.symbol, s.since])));
      expect(fates!.words).toHaveLength(tracker.extinctCount('words').support);
      expect(folded.size).toBe(report.extinct.words);
    }
  });

  it('survives run.json: written, read back, and an older file without it still reads', async () => {
    const recorder = new RunRecorder(config);
    for (const e of await collectEvents(config)) recorder.observe(e);
    const parsed = parseRunFile('run.json', runJsonText(recorder.record));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.generations.map((g) => g.wordCensus)).toEqual(
      recorder.record.generations.map((g) => g.wordCensus),
    );
    expect(parsed.record.generations[0].wordCensus?.real?.words.length).toBeGreaterThan(0);

    const older = JSON.parse(runJsonText(recorder.record));
    for (const g of older.generations) delete g.wordCensus;
    const read = parseRunFile('older.json', JSON.stringify(older));
    expect(read.ok && read.record.generations.every((g) => g.wordCensus === undefined)).toBe(true);
  });
});
