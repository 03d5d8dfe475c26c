/**
 * The class as the filter (loop/class-review.ts): a scripted class keeps or discards the first
 * documents of each generation's stream; what it discards never enters the corpus, the rest of m
 * comes from the stream's next documents, and waiting for the class can be cancelled or paused.
 */
import { describe, expect, it } from 'vitest';
import {
  keptIndices,
  NO_CLASS_MESSAGE,
  OFFERED_DOCUMENTS,
  writtenWithClassChoice,
  type ClassReviewer,
  type ClassReviewRequest,
} from '../../../src/engine/loop/class-review';
import type { LanguageModel } from '../../../src/engine/loop/families/types';
import { sampleStream, type GeneratedDocument } from '../../../src/engine/loop/generated-text';
import { createRng } from '../../../src/engine/rng';
import { buildVocabulary } from '../../../src/engine/text/vocabulary';
import { LoopControl } from '../../../src/engine/loop/control/loop-control';
import { runSimulation } from '../../../src/engine/loop/run';
import type { RunCheckpoint, SimulationEvent } from '../../../src/engine/loop/types';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

/** The count model (fast, no TensorFlow.js) under accumulate: nothing leaves, so every written document stays whole in the corpus. */
const classRun = (byClass: boolean, generations = 1) =>
  microRunConfig({
    generations,
    paradigm: 'accumulate',
    contamination: 0.5,
    model: { family: 'ngram', ngramOrder: 1, ngramAlpha: 0 },
    filter: { byClass },
    evaluation: { sampleChars: 1_000 },
  });

const doc = (text: string): GeneratedDocument => ({ text, chars: Array.from(text).length, hitCap: false });

/** The texts generation `g` wrote into the corpus, in the corpus's order, from the checkpoint after it. */
function writtenBy(events: SimulationEvent[], g: number): string[] {
  const checkpoints = events.flatMap((e) => (e.type === 'checkpoint' ? [e.checkpoint] : []));
  const after = checkpoints.find((c) => c.nextGeneration === g + 1) as RunCheckpoint;
  return after.corpus.filter((d) => d.origin === g).map((d) => d.text);
}

describe('the class’s choice, by hand', () => {
  const offered = ['aaa', 'bb', 'cccc'].map(doc);
  const rest = ['dd', 'eeeee'].map(doc);

  it.each([
    // budget, texts written, cut, kept chars, filled chars
    [9, ['aaa', 'cccc', 'dd'], false, 7, 2],
    [8, ['aaa', 'cccc', 'd'], true, 7, 1],
    [5, ['aaa', 'cc'], true, 5, 0],
    [14, ['aaa', 'cccc', 'dd', 'eeeee'], false, 7, 7],
  ])('keeping documents 0 and 2 of 3 with m = %i writes %j', (budget, texts, cut, keptChars, filledChars) => {
    const chosen = writtenWithClassChoice(offered, rest, [0, 2], budget);
    expect(chosen.texts).toEqual(texts);
    expect(chosen.cut).toBe(cut);
    expect(chosen.record).toEqual({
      offered: 3,
      kept: 2,
      discarded: 1,
      keptChars,
      filledChars,
      discardedTexts: ['bb'],
    });
  });

  it('reads an answer strictly: whole indices of offered documents, each once, in order', () => {
    expect(keptIndices([4, 0, 0, 2.5, -1, 6, 2], 6)).toEqual([0, 2, 4]);
  });
});

describe('the class as the filter in the loop', () => {
  it('keeps out every document the class discards, writes exactly m, and fills it with the stream’s next documents', async () => {
    const asked: ClassReviewRequest[] = [];
    // Discards the second and the longest other offered document (long texts are unique).
    const reviewer: ClassReviewer = async (request) => {
      asked.push(request);
      const lengths = request.offered.map((d, i) => (i === 1 ? -1 : d.text.length));
      const longest = lengths.indexOf(Math.max(...lengths));
      return request.offered.map((_, i) => i).filter((i) => i !== 1 && i !== longest);
    };
    const events = await collectEvents(classRun(true, 2), { reviewByClass: reviewer });
    const reports = reportsOf(events);
    expect(reports).toHaveLength(2);
    expect(asked.map((r) => r.generation)).toEqual([0, 1]);
    for (const [g, report] of reports.entries()) {
      const request = asked[g];
      expect(request.offered).toHaveLength(OFFERED_DOCUMENTS);
      const written = writtenBy(events, g);
      const record = report.classFilter;
      expect(record).toBeDefined();
      expect(record?.kept).toBe(4);
      expect(record?.discarded).toBe(2);
      for (const text of record?.discardedTexts ?? []) expect(written).not.toContain(text);
      const kept = request.offered.filter((d) => !record?.discardedTexts.includes(d.text)).map((d) => d.text);
      expect(written.slice(0, 4)).toEqual(kept);
      expect(report.writtenChars).toBe(report.generatedBudgetChars);
      expect((record?.keptChars ?? 0) + (record?.filledChars ?? 0)).toBe(report.generatedBudgetChars);
    }
    // The fill is the stream's next documents in order: the reported samples after the offer.
    const samples = reports[0].samples;
    expect(writtenBy(events, 0).slice(4, 4 + 8)).toEqual(
      samples.slice(OFFERED_DOCUMENTS, OFFERED_DOCUMENTS + 8),
    );
  });

  it('marks the offered documents’ made-up words for the class', async () => {
    let request: ClassReviewRequest | null = null;
    await collectEvents(classRun(true), {
      reviewByClass: async (r) => {
        request = r;
        return [0, 1, 2, 3, 4, 5];
      },
    });
    const offered = (request as ClassReviewRequest | null)?.offered ?? [];
    expect(offered.some((d) => d.nonWords.length > 0)).toBe(true);
    for (const d of offered) for (const w of d.nonWords) expect(d.text.toLowerCase()).toContain(w);
  });

  it('keeping everything writes exactly what the run without the class writes', async () => {
    const plain = await collectEvents(classRun(false));
    const keptAll = await collectEvents(classRun(true), {
      reviewByClass: async (r) => r.offered.map((_, i) => i),
    });
    expect(writtenBy(keptAll, 0)).toEqual(writtenBy(plain, 0));
    expect(reportsOf(plain)[0].classFilter).toBeUndefined();
    expect(reportsOf(keptAll)[0].classFilter?.discarded).toBe(0);
  });

  it('is cancelled while it waits for the class: the run ends cancelled, nothing written', async () => {
    const control = new LoopControl();
    const reviewer: ClassReviewer = () => {
      setTimeout(() => control.cancel(), 10);
      return new Promise(() => {}); // the class never answers
    };
    const events = await collectEvents(classRun(true), { control, reviewByClass: reviewer });
    expect(reportsOf(events)).toHaveLength(0);
    expect(events.some((e) => e.type === 'corpusChanged')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'runDone', status: 'cancelled' });
  });

  it('pauses when asked to while the class chooses, after the answer, and goes on when resumed', async () => {
    const control = new LoopControl();
    let answer: ((kept: number[]) => void) | null = null;
    const reviewer: ClassReviewer = () => new Promise((resolve) => (answer = resolve));
    const events: SimulationEvent[] = [];
    const done = (async () => {
      for await (const e of runSimulation(classRun(true), { control, reviewByClass: reviewer })) {
        events.push(e);
        if (e.type === 'paused') setTimeout(() => control.resume(), 10);
      }
    })();
    while (answer === null) await new Promise((r) => setTimeout(r, 1));
    control.pause();
    (answer as (kept: number[]) => void)([0, 2, 4]);
    await done;
    const types = events.map((e) => e.type);
    expect(types).toContain('paused');
    expect(types.indexOf('paused')).toBeLessThan(types.indexOf('corpusChanged'));
    expect(reportsOf(events)[0].classFilter?.kept).toBe(3);
    expect(events.at(-1)).toMatchObject({ type: 'runDone', status: 'complete' });
  });

  it('refuses to start without a class to ask, in plain words', async () => {
    const events = await collectEvents(classRun(true));
    expect(events.at(-1)).toMatchObject({ type: 'error', message: NO_CLASS_MESSAGE });
  });
});

describe('the stream goes on where it stopped', () => {
  const vocabulary = buildVocabulary(['abcdefghij ']);
  /** Documents of 1 to 20 letters, each from the rng its call is given. */
  const model: LanguageModel = {
    nll: async () => ({ totalNll: 0, tokens: 0 }),
    sample: async ({ count }, rng) => {
      const documents = Array.from({ length: count }, () =>
        vocabulary.encode('abcdefghij'.repeat(2).slice(rng.int(10), 11 + rng.int(9))),
      );
      return { documents, hitCap: documents.map(() => false) };
    },
  };
  const options = (chars: number, firstDocument?: number) => ({
    chars,
    maxLength: 20,
    decoding: { temperature: 1, topK: 0, topP: 1 },
    vocabulary,
    pausePoint: async () => {},
    onProgress: () => {},
    ...(firstDocument !== undefined ? { firstDocument } : {}),
  });

  it('draws, after a short stream, the documents a longer stream has there (what fills m after the class discards)', async () => {
    const rng = createRng(7).split('generate');
    const short = await sampleStream(model, options(100), rng);
    const long = await sampleStream(model, options(short.chars + 2_000), rng);
    const more = await sampleStream(model, options(2_000, short.documents.length), rng);
    expect(long.documents.slice(0, short.documents.length)).toEqual(short.documents);
    expect(more.documents).toEqual(long.documents.slice(short.documents.length));
    expect(more.documents).not.toEqual(short.documents.slice(0, more.documents.length));
  });
});
