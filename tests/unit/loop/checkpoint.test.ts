import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { checkpointFromJson, checkpointToJson } from '../../../src/engine/loop/control/checkpoint';
import { LoopControl } from '../../../src/engine/loop/control/loop-control';
import type { RunCheckpoint, SimulationEvent } from '../../../src/engine/loop/types';
import { runSimulation } from '../../../src/engine/loop/run';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

/**
 * Reports without their times, and without generation 0's view of them: generation 0's model is
 * not in a checkpoint, so a resumed run leaves that view out (asserted on its own below).
 */
const withoutTimes = (reports: ReturnType<typeof reportsOf>) =>
  reports.map(({ durationMs: _d, underGenerationZero: _v, ...rest }) => rest);
const checkpointsOf = (events: SimulationEvent[]) =>
  events.flatMap((e) => (e.type === 'checkpoint' ? [e.checkpoint] : []));

/** The count model: fast, and every random choice it makes flows from the seed like the transformer's. */
const countConfig = (changes: Record<string, unknown> = {}) =>
  microRunConfig({ model: { family: 'ngram', ngramOrder: 2, ngramAlpha: 0 }, generations: 4, ...changes });

/** Runs until the checkpoint after `generations` finished generations, then stops (as a crash would). */
async function checkpointAfter(
  config: ReturnType<typeof microRunConfig>,
  generations: number,
): Promise<RunCheckpoint> {
  for await (const e of runSimulation(config)) {
    if (e.type === 'checkpoint' && e.checkpoint.nextGeneration === generations) return e.checkpoint;
  }
  throw new Error(`the run ended before generation ${generations}`);
}

beforeAll(() => useNodeBackend('wasm'));

describe('checkpoints and resuming', () => {
  it('a run resumed from its checkpoint after 2 generations reports generations 2 and 3 exactly as an uninterrupted run', async () => {
    for (const paradigm of ['replace', 'fresh-data', 'accumulate-subsample'] as const) {
      const config = countConfig({ paradigm, freshShare: 0.5, trainingSample: 0.5 });
      const whole = reportsOf(await collectEvents(config));
      // Unsmoothed counts lose rare bigrams before generation 2: the restored tracker must know when.
      expect(whole[3].extinctChars.length + whole[3].extinct.bigrams).toBeGreaterThan(0);
      // Through JSON, as a page would store it: nothing in it may depend on live objects.
      const checkpoint = checkpointFromJson(checkpointToJson(await checkpointAfter(config, 2)));
      const events = await collectEvents(config, { resumeFrom: checkpoint });
      const resumed = reportsOf(events);
      expect(resumed.map((r) => r.generation)).toEqual([2, 3]);
      expect(withoutTimes(resumed)).toEqual(withoutTimes(whole.slice(2)));
      // No other model stands in for generation 0's: the view is left out, and the page is told.
      expect(whole.every((r) => r.underGenerationZero)).toBe(true);
      expect(resumed.map((r) => r.underGenerationZero)).toEqual([null, null]);
      expect(
        events.some(
          (e) => e.type === 'notice' && /Generation 0's model is not kept in a checkpoint/.test(e.message),
        ),
      ).toBe(true);
      expect(events.at(-1)).toMatchObject({ type: 'runDone', status: 'complete', generations: 4 });
      // The baseline is reused, not measured again, and the page is told where the run goes on.
      expect(events.find((e) => e.type === 'baseline')).toMatchObject({
        perplexity: checkpoint.baseline.perplexity,
      });
      expect(
        events.some(
          (e) => e.type === 'notice' && /goes on from generation 2; generations 0-1 are kept/.test(e.message),
        ),
      ).toBe(true);
    }
  });

  it('the transformer resumes the same way: its initialisation and batches are drawn by generation, not by history', async () => {
    const config = microRunConfig({ generations: 2, training: { steps: 10 } });
    const whole = reportsOf(await collectEvents(config));
    const resumed = reportsOf(await collectEvents(config, { resumeFrom: await checkpointAfter(config, 1) }));
    expect(withoutTimes(resumed)).toEqual(withoutTimes(whole.slice(1)));
  });

  it("where settings never change mid-run, a resumed transformer trains generation 0's model again and reads later generations exactly as the uninterrupted run did", async () => {
    const config = microRunConfig({ generations: 2, training: { steps: 10 } });
    const whole = reportsOf(await collectEvents(config));
    const events = await collectEvents(config, {
      resumeFrom: await checkpointAfter(config, 1),
      settingsNeverChange: true,
    });
    const resumed = reportsOf(events);
    expect(resumed[0].underGenerationZero).not.toBeNull();
    expect(resumed[0].underGenerationZero).toEqual(whole[1].underGenerationZero);
    expect(events.some((e) => e.type === 'notice' && /trained again from the seed/.test(e.message))).toBe(
      true,
    );
    // Generation 0's training again is not shown as generation 0 training on the page.
    expect(events.some((e) => e.type === 'trainStep' && e.generation === 0)).toBe(false);
  });

  it('emits a checkpoint after the baseline and after each generation, carrying the corpus, n* and perplexities', async () => {
    const events = await collectEvents(countConfig({ generations: 2 }));
    const checkpoints = checkpointsOf(events);
    expect(checkpoints.map((c) => c.nextGeneration)).toEqual([0, 1, 2]);
    const reports = reportsOf(events);
    expect(checkpoints[2].perplexities).toEqual(reports.map((r) => r.perplexity));
    expect(checkpoints[0].corpus.every((d) => d.origin === 'human')).toBe(true);
    expect(checkpoints[2].corpus.some((d) => d.origin === 1)).toBe(true); // generation 1's text entered
    expect(checkpoints[2].extinction.lastGeneration).toBe(1);
    // The checkpoint is a copy: the run going on does not change one already taken.
    expect(checkpoints[1].corpus.some((d) => d.origin === 1)).toBe(false);
  });

  it('settings changed before resuming apply from the resumed generation; a new seed is refused', async () => {
    const config = countConfig();
    const checkpoint = await checkpointAfter(config, 2);
    const events = await collectEvents({ ...config, generations: 3, seed: 7 }, { resumeFrom: checkpoint });
    expect(reportsOf(events).map((r) => r.generation)).toEqual([2]);
    expect(events.find((e) => e.type === 'configChanged')).toMatchObject({
      fromGeneration: 2,
      changed: ['generations'],
    });
    expect(events.some((e) => e.type === 'notice' && /seed only change/.test(e.message))).toBe(true);
  });

  it('a transformer run that continues training says the resumed generation starts from a fresh model', async () => {
    const config = microRunConfig({ model: { continueTraining: true }, generations: 2 });
    const checkpoint: RunCheckpoint = {
      ...(await checkpointAfter({ ...config, model: { ...config.model, family: 'ngram' } }, 1)),
      config,
    };
    const control = new LoopControl();
    const events: SimulationEvent[] = [];
    for await (const e of runSimulation(config, { resumeFrom: checkpoint, control })) {
      events.push(e);
      if (e.type === 'notice' && /fresh model/.test(e.message)) control.cancel(); // no need to train it here
    }
    const notice = events.find((e) => e.type === 'notice' && /fresh model/.test(e.message));
    expect(notice && notice.type === 'notice' && notice.message).toMatch(
      /generation 1 trains from a fresh model instead of continuing generation 0/,
    );
  });

  it('refuses a damaged or foreign checkpoint with a sentence that says why', async () => {
    const good = checkpointToJson(await checkpointAfter(countConfig({ generations: 1 }), 1));
    expect(() => checkpointFromJson('{')).toThrow(/not JSON/);
    expect(() => checkpointFromJson(good.replace('"version":1', '"version":9'))).toThrow(/version 9/);
    const data = JSON.parse(good) as RunCheckpoint;
    expect(() => checkpointFromJson(JSON.stringify({ ...data, corpus: 'lost' }))).toThrow(/damaged: corpus/);
    expect(() => checkpointFromJson(JSON.stringify({ ...data, perplexities: [] }))).toThrow(/damaged/);
  });
});
