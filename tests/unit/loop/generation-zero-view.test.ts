import * as tf from '@tensorflow/tfjs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { LoopControl } from '../../../src/engine/loop/control/loop-control';
import { NgramFamily } from '../../../src/engine/loop/families/ngram';
import type { DocumentScorer, LanguageModel, ModelFamily } from '../../../src/engine/loop/families/types';
import { RunRecorder } from '../../../src/engine/loop/recorder';
import { runSimulation } from '../../../src/engine/loop/run';
import type { RunOptions } from '../../../src/engine/loop/types';
import { parseRunFile, runJsonText, runToRows } from '../../../src/engine/record';
import { buildVocabulary } from '../../../src/engine/text/vocabulary';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

/** The count model: fast and exact. */
const countConfig = (changes: Record<string, unknown> = {}) =>
  microRunConfig({ model: { family: 'ngram', ngramOrder: 2, ngramAlpha: 0 }, generations: 3, ...changes });

/**
 * A count family whose models say who scored a document: generation g's kept scorer gives every
 * token NLL g + 1, so a document it scores has perplexity e^(g + 1) whatever its text. Counts
 * the scorers it keeps and frees.
 */
function taggingFamily() {
  const kept: number[] = [];
  const freed: number[] = [];
  const createFamily: RunOptions['createFamily'] = async (config, prepared) => {
    const inner: ModelFamily = new NgramFamily(config, prepared.vocabulary);
    const family: ModelFamily = {
      name: inner.name,
      baselineNll: (heldOut) => inner.baselineNll(heldOut),
      updateConfig: (c) => inner.updateConfig(c),
      dispose: () => inner.dispose(),
      train: async (generation, documents, onProgress, signal): Promise<LanguageModel> => {
        const model = await inner.train(generation, documents, onProgress, signal);
        const keepScorer = (): DocumentScorer => {
          kept.push(generation);
          return {
            documentNlls: async (docs) =>
              docs.map((d) => ({ nll: (generation + 1) * (d.length + 1), tokens: d.length + 1 })),
            dispose: () => void freed.push(generation),
          };
        };
        return { ...model, keepScorer };
      },
    };
    return family;
  };
  return { createFamily, kept, freed };
}

beforeAll(() => useNodeBackend('wasm'));

describe("how generation 0's model sees every generation's text", () => {
  it("the count model's per-document perplexity on a two-symbol corpus is the hand-computed one", async () => {
    // Order 0, no smoothing, trained on "aab" and "a": counts a 3, b 1, end 2 of 6 events, so
    // p(a) = 1/2, p(b) = 1/6, p(end) = 1/3.
    const vocabulary = buildVocabulary(['ab']);
    const config = microRunConfig({ model: { family: 'ngram', ngramOrder: 0, ngramAlpha: 0 } });
    const family: ModelFamily = new NgramFamily(config, vocabulary);
    const model = await family.train(
      0,
      ['aab', 'a'].map((t) => vocabulary.encode(t)),
      async () => {},
      new AbortController().signal,
    );
    const scorer = model.keepScorer?.();
    expect(scorer).toBeDefined();
    const nlls = await scorer!.documentNlls(['ab', '', 'aa'].map((t) => vocabulary.encode(t)));
    // "ab" + end: -ln(1/2 * 1/6 * 1/3) = ln 36 over 3 tokens: perplexity 36^(1/3) = 3.3019.
    expect(nlls[0].tokens).toBe(3);
    expect(nlls[0].nll).toBeCloseTo(Math.log(36), 12);
    expect(Math.exp(nlls[0].nll / nlls[0].tokens)).toBeCloseTo(3.30193, 4);
    // The empty document is its end alone: ln 3 over 1 token.
    expect(nlls[1]).toEqual({ nll: expect.closeTo(Math.log(3), 12), tokens: 1 });
    // "aa" + end: ln 12 over 3 tokens.
    expect(nlls[2].nll).toBeCloseTo(Math.log(12), 12);
  });

  it("every generation's documents are scored by generation 0's model, never by their own", async () => {
    const { createFamily, kept } = taggingFamily();
    const reports = reportsOf(await collectEvents(countConfig({ generations: 4 }), { createFamily }));
    expect(kept).toEqual([0]); // only generation 0's model is kept
    for (const r of reports) {
      const view = r.underGenerationZero;
      expect(view).toBeTruthy();
      // Generation 0's tag: NLL 1 per token, perplexity e for every document (its own would give e^(g+1)).
      expect(view!.samples.median).toBeCloseTo(Math.E, 12);
      expect(view!.samples.p90).toBeCloseTo(Math.E, 12);
      expect(view!.real.median).toBeCloseTo(Math.E, 12);
    }
  });

  it('frees the kept model when the run ends and when it is cancelled', async () => {
    const whole = taggingFamily();
    await collectEvents(countConfig(), { createFamily: whole.createFamily });
    expect(whole.freed).toEqual([0]);

    const cancelled = taggingFamily();
    const control = new LoopControl();
    for await (const e of runSimulation(countConfig({ generations: 5 }), {
      control,
      createFamily: cancelled.createFamily,
    })) {
      if (e.type === 'generationDone' && e.report.generation === 1) control.cancel();
    }
    expect(cancelled.kept).toEqual([0]);
    expect(cancelled.freed).toEqual([0]);
  });

  it('a count-model run records the spread per generation, the same real reference each time, in run.json and the CSV', async () => {
    const config = countConfig();
    const events = await collectEvents(config);
    const reports = reportsOf(events);
    const real = reports[0].underGenerationZero!.real;
    // The reference covers the held-out evaluation sample: whole real documents, scored once.
    expect(real.documents).toBeGreaterThan(0);
    expect(real.counts.reduce((a, b) => a + b, 0)).toBe(real.documents);
    for (const r of reports) {
      const view = r.underGenerationZero!;
      expect(view.real).toEqual(real);
      expect(view.samples.counts.reduce((a, b) => a + b, 0)).toBe(view.samples.documents);
      expect(view.samples.median).toBeGreaterThanOrEqual(1);
      expect(view.samples.p90).toBeGreaterThanOrEqual(view.samples.median);
    }
    const recorder = new RunRecorder(config);
    for (const e of events) recorder.observe(e);
    const read = parseRunFile('run.json', runJsonText(recorder.record));
    if (!read.ok) throw new Error(read.message);
    expect(read.record.generations.map((g) => g.underGenerationZero)).toEqual(
      reports.map((g) => g.underGenerationZero),
    );
    const csv = Papa.parse<Record<string, string>>(Papa.unparse(runToRows(recorder.record)), {
      header: true,
    });
    expect(Number(csv.data[2].gen0_ppl_median)).toBeCloseTo(
      reports[2].underGenerationZero!.samples.median,
      10,
    );
    expect(Number(csv.data[2].gen0_ppl_share_above_10)).toBeCloseTo(
      reports[2].underGenerationZero!.samples.shareAboveError,
      10,
    );
    expect(Number(csv.data[0].gen0_real_ppl_median)).toBeCloseTo(real.median, 10);
  });

  it("the transformer's run keeps a copy of generation 0's model for its later generations and frees it at the end", async () => {
    const config = microRunConfig({ generations: 2, training: { steps: 10 } });
    await collectEvents({ ...config, generations: 1 }); // first use: what the backend keeps for good
    const before = tf.memory().numTensors;
    const reports = reportsOf(await collectEvents(config));
    expect(tf.memory().numTensors).toBe(before);
    const [g0, g1] = reports.map((r) => r.underGenerationZero!);
    expect(g0.real.documents).toBeGreaterThan(0);
    expect(g1.real).toEqual(g0.real);
    expect(g1.samples.documents).toBeGreaterThan(0);
  });

  it('a run.json written before the view was recorded still loads, with no view (not measured)', async () => {
    const config = countConfig({ generations: 1 });
    const recorder = new RunRecorder(config);
    for (const e of await collectEvents(config)) recorder.observe(e);
    const old = JSON.parse(runJsonText(recorder.record));
    delete old.generations[0].underGenerationZero;
    const read = parseRunFile('run.json', JSON.stringify(old));
    if (!read.ok) throw new Error(read.message);
    expect(read.record.generations[0].underGenerationZero).toBeUndefined();
    const csv = Papa.parse<Record<string, string>>(Papa.unparse(runToRows(read.record)), { header: true });
    expect(csv.data[0].gen0_ppl_median).toBe('');
  });
});
