/**
 * The text a generation writes back and the sample it is measured on (issue 15), with a fake
 * model: fast, and its documents follow a law known here.
 */
import { describe, expect, it } from 'vitest';
import type { SimulationConfig } from '../../../src/engine/config/schema';
import type { PreparedCorpus } from '../../../src/engine/corpus/prepare';
import type { LanguageModel, ModelFamily } from '../../../src/engine/loop/families/types';
import { takeBudget } from '../../../src/engine/loop/generated-text';
import type { GenerationReport } from '../../../src/engine/record';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

/** Words the fake writes: tiny-tales words, and two that no real text holds. */
const WORDS = ['the', 'cat', 'sat', 'on', 'mat', 'dog', 'ran', 'blorp', 'zindle'];

/**
 * A model that writes documents of 0 to maxLength characters of space-separated WORDS, each
 * drawn from the rng it is given: whatever it writes depends on that rng alone.
 */
function fakeFamily(options: { empty?: boolean } = {}) {
  return async (_config: SimulationConfig, prepared: PreparedCorpus): Promise<ModelFamily> => {
    const model: LanguageModel = {
      nll: async (docs) => ({
        totalNll: docs.reduce((n, d) => n + d.length + 1, 0),
        tokens: docs.reduce((n, d) => n + d.length + 1, 0),
      }),
      sample: async ({ count, maxLength }, rng) => {
        const documents: Int32Array[] = [];
        const hitCap: boolean[] = [];
        for (let i = 0; i < count; i++) {
          const wanted = options.empty ? 0 : rng.int(maxLength + 1);
          let text = '';
          while (text.length < wanted) text += `${WORDS[rng.int(WORDS.length)]} `;
          text = text.slice(0, wanted);
          documents.push(prepared.vocabulary.encode(text));
          hitCap.push(wanted === maxLength && rng.next() < 0.5);
        }
        return { documents, hitCap };
      },
    };
    return {
      name: 'ngram',
      baselineNll: async (docs) => model.nll(docs),
      train: async (_g, _docs, onProgress) => {
        await onProgress({ step: 1, totalSteps: 1, loss: NaN, learningRate: 0, tokensPerSec: 1 });
        return model;
      },
      updateConfig: () => undefined,
      dispose: () => undefined,
    };
  };
}

const run = async (changes: Record<string, unknown>, family = fakeFamily()) =>
  collectEvents(microRunConfig({ generations: 2, ...changes }), { createFamily: family });

/** Everything measured on the evaluation sample, as run.json holds it. */
const sampleMetrics = (r: GenerationReport) => {
  const {
    js,
    kl,
    tv,
    entropy,
    entropyBigram,
    collision,
    distinct,
    lostSupport,
    lostMass,
    loopShare,
    meanSampleLength,
    capHitShare,
    endedShare,
    realWordShare,
    precision,
    recall,
    sampleCount,
    generatedChars,
    extinct,
  } = r;
  return {
    js,
    kl,
    tv,
    entropy,
    entropyBigram,
    collision,
    distinct,
    lostSupport,
    lostMass,
    loopShare,
    meanSampleLength,
    capHitShare,
    endedShare,
    realWordShare,
    precision,
    recall,
    sampleCount,
    generatedChars,
    extinct,
  };
};

describe('the generated text written back', () => {
  it('is exactly m characters for any m: the last document is cut at the budget and marked cut', async () => {
    for (const contamination of [0.0123, 0.1, 0.37, 1]) {
      const events = await run({ paradigm: 'accumulate', contamination });
      const [g0, g1] = reportsOf(events);
      const started = events.find((e) => e.type === 'runStarted');
      const m = Math.round(contamination * (started?.type === 'runStarted' ? started.realChars : NaN));
      expect(g0.generatedBudgetChars, `contamination ${contamination}`).toBe(m);
      expect(g0.writtenChars).toBe(m);
      // Accumulate: the next corpus is the last one plus exactly the m written characters.
      expect(g1.corpusChars).toBe(g0.corpusChars + m);
      expect(g1.provenance.find((p) => p.origin === 0)?.chars).toBe(m);
      expect(g0.writtenDocuments).toBeGreaterThan(0);
    }
  });

  it('marks a cut document, and none when the budget falls on a document end', () => {
    const stream = [
      { text: 'abc', chars: 3, hitCap: false },
      { text: 'defg', chars: 4, hitCap: true },
    ];
    expect(takeBudget(stream, 5)).toEqual({ texts: ['abc', 'de'], whole: stream, chars: 5, cut: true });
    expect(takeBudget(stream, 3)).toEqual({
      texts: ['abc'],
      whole: stream.slice(0, 1),
      chars: 3,
      cut: false,
    });
  });

  it('stops, says so and goes on when the model writes only empty documents', async () => {
    const events = await run({ generations: 1 }, fakeFamily({ empty: true }));
    const [g0] = reportsOf(events);
    expect(g0.writtenChars).toBe(0);
    expect(g0.generatedBudgetChars).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'notice' && /wrote only empty documents/.test(e.message))).toBe(
      true,
    );
    expect(events.at(-1)).toMatchObject({ type: 'runDone', status: 'complete' });
  });
});

describe('the evaluation sample', () => {
  it('does not depend on m: the same model gets the same metrics whatever share it writes back', async () => {
    const few = reportsOf(await run({ contamination: 0.05, evaluation: { sampleChars: 1_200 } }));
    const many = reportsOf(await run({ contamination: 1, evaluation: { sampleChars: 1_200 } }));
    expect(few[0].writtenChars).not.toBe(many[0].writtenChars);
    expect(sampleMetrics(few[0])).toEqual(sampleMetrics(many[0]));
    expect(few[0].generatedChars).toBe(1_200);
  });

  it('does not depend on m for a real model either (the count model, fitted on the same D0)', async () => {
    const config = (contamination: number) =>
      microRunConfig({
        generations: 1,
        contamination,
        model: { family: 'ngram', ngramOrder: 2, ngramAlpha: 0.01 },
        evaluation: { sampleChars: 1_000 },
      });
    const [few] = reportsOf(await collectEvents(config(0.05)));
    const [many] = reportsOf(await collectEvents(config(0.8)));
    expect(few.perplexity).toBe(many.perplexity); // the same model
    expect(sampleMetrics(few)).toEqual(sampleMetrics(many));
    expect(few.generatedChars).toBe(1_000);
  });

  it('is as large as the held-out reference when the held-out text is the smaller', async () => {
    const events = await run({
      generations: 1,
      corpus: { heldOutChars: 700 },
      evaluation: { sampleChars: 5_000 },
    });
    const started = events.find((e) => e.type === 'runStarted');
    const heldOut = started?.type === 'runStarted' ? started.heldOutChars : NaN; // tiny-tales is ASCII: units are characters
    expect(heldOut).toBeLessThan(5_000);
    expect(reportsOf(events)[0].generatedChars).toBe(heldOut);
  });

  it('lists the words of the shown samples that no real text holds', async () => {
    const [g0] = reportsOf(await run({ generations: 1 }));
    const shown = [...g0.samples, ...g0.promptSamples.map((p) => p.continuation)].join(' ');
    const expected = ['blorp', 'zindle'].filter((w) => shown.includes(w));
    expect(expected.length).toBeGreaterThan(0);
    // Words cut at a document's end ("blo") are non-words too; every real word is absent.
    for (const w of expected) expect(g0.sampleNonWords).toContain(w);
    for (const w of ['the', 'cat', 'sat', 'dog']) expect(g0.sampleNonWords).not.toContain(w);
    expect(g0.realWordShare).toBeGreaterThan(0.5);
    expect(g0.realWordShare).toBeLessThan(1);
  });
});
