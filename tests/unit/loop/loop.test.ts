import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/cli/tf-node';
import { LoopControl } from '../../../src/engine/loop/control/loop-control';
import { PHASES, type SimulationEvent } from '../../../src/engine/loop/types';
import type { PreparedCorpus } from '../../../src/engine/corpus/prepare';
import { NgramFamily } from '../../../src/engine/loop/families/ngram';
import type { ModelFamily } from '../../../src/engine/loop/families/types';
import { runSimulation } from '../../../src/engine/loop/run';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

beforeAll(() => useNodeBackend('wasm'));

const withoutTimes = (reports: ReturnType<typeof reportsOf>) =>
  reports.map(({ durationMs: _d, ...rest }) => rest);

describe('the collapse loop', () => {
  it('under paper-replace, held-out perplexity of the last generation exceeds generation 0', async () => {
    const events = await collectEvents(microRunConfig());
    const reports = reportsOf(events);
    expect(reports.map((r) => r.generation)).toEqual([0, 1, 2, 3]);
    expect(reports[3].perplexity).toBeGreaterThan(reports[0].perplexity);
    // Generation 0 trains on real text only; from generation 1 on, on generated text only.
    expect(reports[0].realShare).toBe(1);
    expect(reports[1].realShare).toBe(0);
    const baseline = events.find((e) => e.type === 'baseline');
    expect(baseline && baseline.type === 'baseline' && baseline.perplexity).toBeGreaterThan(
      reports[0].perplexity,
    );
    expect(events.at(-1)).toMatchObject({ type: 'runDone', status: 'complete', generations: 4 });
    // Characters that went extinct say when, and the list agrees with the count.
    for (const r of reports) {
      expect(r.extinctChars).toHaveLength(r.extinct.chars);
      for (const e of r.extinctChars) expect(e.since).toBeLessThanOrEqual(r.generation);
    }
  });

  it('reports every phase in order, training steps and the samples of each generation', async () => {
    const events = await collectEvents(microRunConfig({ generations: 1 }));
    const phases = events.flatMap((e) => (e.type === 'phase' && e.done === undefined ? [e.phase] : []));
    expect(phases).toEqual([...PHASES]);
    const steps = events.flatMap((e) => (e.type === 'trainStep' ? [e.step] : []));
    expect(steps.at(-1)).toBe(40);
    const samples = events.find((e) => e.type === 'samples');
    expect(samples && samples.type === 'samples' && samples.samples.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same reports, another seed does not', async () => {
    const config = microRunConfig({ generations: 2 });
    const a = withoutTimes(reportsOf(await collectEvents(config)));
    const b = withoutTimes(reportsOf(await collectEvents(config)));
    const c = withoutTimes(reportsOf(await collectEvents({ ...config, seed: 2 })));
    expect(b).toEqual(a);
    expect(c[0].perplexity).not.toBe(a[0].perplexity);
  });

  it('pauses between steps, single-steps one generation, and cancels cleanly', async () => {
    const control = new LoopControl();
    const seen: string[] = [];
    let generationsDone = 0;
    for await (const e of runSimulation(microRunConfig({ generations: 3 }), { control })) {
      seen.push(e.type);
      if (e.type === 'trainStep' && e.generation === 0 && e.step === 10) {
        control.pause();
        setTimeout(() => control.step(), 50); // run the rest of this generation, then pause
      }
      if (e.type === 'generationDone') {
        generationsDone++;
        expect(control.isPaused).toBe(true);
        setTimeout(() => control.cancel(), 50);
      }
    }
    expect(generationsDone).toBe(1);
    expect(seen).toContain('paused');
    expect(seen.at(-1)).toBe('runDone');
  });

  it('the count model runs in the same loop, with exact KL on the markov source', async () => {
    const events = await collectEvents(
      microRunConfig({
        model: { family: 'ngram', ngramOrder: 2, ngramAlpha: 0.01 },
        corpus: { source: 'markov' },
        generations: 5,
      }),
    );
    const reports = reportsOf(events);
    expect(reports).toHaveLength(5);
    for (const r of reports) expect(r.exactKl).toBeGreaterThanOrEqual(0);
    // Refitting on its own samples, the count model drifts away from the source.
    expect(reports[4].exactKl as number).toBeGreaterThan(reports[0].exactKl as number);
  });

  it('applies changed settings from the next generation and says which could not change', async () => {
    const control = new LoopControl();
    const base = microRunConfig({ generations: 2 });
    const events: SimulationEvent[] = [];
    for await (const e of runSimulation(base, { control })) {
      events.push(e);
      if (e.type === 'trainStep' && e.generation === 0 && e.step === 5) {
        control.requestConfig({
          ...base,
          seed: 99,
          training: { ...base.training, steps: 10 },
          decoding: { ...base.decoding, temperature: 0.5 },
        });
      }
    }
    const changed = events.find((e) => e.type === 'configChanged');
    expect(changed).toMatchObject({ fromGeneration: 1, changed: ['training', 'decoding'] });
    expect(events.some((e) => e.type === 'notice' && /seed only change/.test(e.message))).toBe(true);
    const steps = (g: number) =>
      events.flatMap((e) => (e.type === 'trainStep' && e.generation === g ? [e.totalSteps] : []));
    expect(steps(0).at(-1)).toBe(40); // the generation under way keeps its settings
    expect(steps(1).at(-1)).toBe(10);
  });

  it('continues the same held-out prompts in every generation and shows real text beside them', async () => {
    const events = await collectEvents(microRunConfig({ generations: 2 }));
    const started = events.find((e) => e.type === 'runStarted');
    expect(started && started.type === 'runStarted' && started.realSamples.length).toBeGreaterThan(0);
    const [g0, g1] = reportsOf(events);
    expect(g0.promptSamples).toHaveLength(3);
    expect(g1.promptSamples.map((p) => p.prompt)).toEqual(g0.promptSamples.map((p) => p.prompt));
    for (const p of g0.promptSamples) expect(p.prompt.length).toBeGreaterThan(5);
  });

  it('pauses with an explanation when training diverges, and retries that generation on resume', async () => {
    const control = new LoopControl();
    const config = microRunConfig({
      model: { family: 'ngram', ngramOrder: 1, ngramAlpha: 0.1 },
      generations: 3,
    });
    let calls = 0;
    // A family that diverges once, in generation 1, and otherwise is the real count model.
    const createFamily = async (c: typeof config, prepared: PreparedCorpus): Promise<ModelFamily> => {
      const real = new NgramFamily(c, prepared.vocabulary, prepared.source);
      return {
        name: 'ngram',
        baselineNll: (heldOut) => real.baselineNll(heldOut),
        train: async (generation, docs, onProgress) => {
          calls++;
          if (generation === 1 && calls === 2) {
            throw Object.assign(new Error('training diverged at step 5 (loss NaN)'), {
              name: 'TrainingDivergedError',
              step: 5,
              loss: NaN,
            });
          }
          return real.train(generation, docs, onProgress);
        },
        updateConfig: (next) => real.updateConfig(next),
        dispose: () => real.dispose(),
      };
    };
    const events: SimulationEvent[] = [];
    for await (const e of runSimulation(config, { control, createFamily })) {
      events.push(e);
      if (e.type === 'paused') setTimeout(() => control.resume(), 20);
    }
    const notice = events.find((e) => e.type === 'notice' && /diverged/.test(e.message));
    expect(notice && notice.type === 'notice' && notice.message).toMatch(/generation 1 .*learning rate/);
    expect(events.some((e) => e.type === 'paused' && e.generation === 1)).toBe(true);
    expect(reportsOf(events).map((r) => r.generation)).toEqual([0, 1, 2]);
    expect(calls).toBe(4); // generation 1 was trained twice
    expect(events.at(-1)).toMatchObject({ type: 'runDone', status: 'complete' });
  });

  it('reports an error event, keeping finished generations, when the corpus cannot be used', async () => {
    const events = await collectEvents(microRunConfig({ corpus: { source: 'user' } }), { userDocuments: [] });
    expect(events.at(-1)).toMatchObject({ type: 'error' });
  });
});
