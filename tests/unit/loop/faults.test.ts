import { describe, expect, it } from 'vitest';
import type { PreparedCorpus } from '../../../src/engine/corpus/prepare';
import { LoopControl } from '../../../src/engine/loop/control/loop-control';
import type { SimulationEvent } from '../../../src/engine/loop/types';
import {
  parseFaultPlan,
  withInjectedFault,
  type FaultHost,
  type FaultPlan,
} from '../../../src/engine/loop/control/fault-injection';
import { BackendFaultError } from '../../../src/engine/loop/control/faults';
import { NgramFamily } from '../../../src/engine/loop/families/ngram';
import type { ModelFamily } from '../../../src/engine/loop/families/types';
import { runSimulation } from '../../../src/engine/loop/run';
import { fallbackCandidates, fallbackNotice } from '../../../src/worker/backend-fallback';
import { collectEvents, microRunConfig, reportsOf } from '../../support/loop-fixtures';

const config = microRunConfig({ model: { family: 'ngram', ngramOrder: 1, ngramAlpha: 0.1 }, generations: 3 });

/** The count model dressed as the transformer (the family whose throws are backend faults), failing as `fail` says. */
function familyThat(fail: (generation: number) => Error | null) {
  return async (c: typeof config, prepared: PreparedCorpus): Promise<ModelFamily> => {
    const real = new NgramFamily(c, prepared.vocabulary, prepared.source);
    return {
      name: 'transformer',
      baselineNll: (heldOut) => real.baselineNll(heldOut),
      train: async (generation, docs, onProgress) => {
        const error = fail(generation);
        if (error) throw error;
        return real.train(generation, docs, onProgress);
      },
      updateConfig: (next) => real.updateConfig(next),
      dispose: () => real.dispose(),
    };
  };
}

const countFamily = async (c: typeof config, prepared: PreparedCorpus): Promise<ModelFamily> =>
  new NgramFamily(c, prepared.vocabulary, prepared.source);

describe('backend faults in the loop', () => {
  it('a throw from the backend mid-generation ends the run with a backend fault, finished generations reported', async () => {
    const events = await collectEvents(config, {
      createFamily: familyThat((g) => (g === 1 ? new Error('WebGL: CONTEXT_LOST_WEBGL') : null)),
    });
    expect(reportsOf(events).map((r) => r.generation)).toEqual([0]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      message: 'WebGL: CONTEXT_LOST_WEBGL',
      generation: 1,
      fault: 'backend',
    });
  });

  it('errors of the run itself (the count model, or a bad corpus) are not backend faults', async () => {
    const broken = async (c: typeof config, prepared: PreparedCorpus): Promise<ModelFamily> => {
      const family = await countFamily(c, prepared);
      return {
        ...family,
        name: 'ngram',
        baselineNll: family.baselineNll.bind(family),
        updateConfig: () => {},
        dispose: () => {},
        train: async () => Promise.reject(new Error('counting failed')),
      };
    };
    const events = await collectEvents(config, { createFamily: broken });
    expect(events.at(-1)).toMatchObject({ type: 'error', message: 'counting failed' });
    expect(events.at(-1)).not.toHaveProperty('fault');
  });

  it('a lost device reported to the control stops the run at its next step as a backend fault', async () => {
    const control = new LoopControl();
    const events: SimulationEvent[] = [];
    for await (const e of runSimulation(config, { control, createFamily: countFamily })) {
      events.push(e);
      if (e.type === 'generationDone') control.fail(new BackendFaultError('the WebGPU device was lost'));
    }
    expect(reportsOf(events)).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      message: 'the WebGPU device was lost',
      generation: 1,
      fault: 'backend',
    });
  });
});

describe('injected faults (?fault=kind:generation)', () => {
  it('reads kind:generation and explains anything else', () => {
    expect(parseFaultPlan('backend:1')).toEqual({ plan: { kind: 'backend', generation: 1 }, problem: null });
    expect(parseFaultPlan(' NaN : 0 ').plan).toEqual({ kind: 'nan', generation: 0 });
    for (const bad of ['melt:1', 'crash', 'crash:-1', ''])
      expect(parseFaultPlan(bad)).toMatchObject({
        plan: null,
        problem: expect.stringMatching(/backend:N, lost:N, nan:N, crash:N/),
      });
  });

  const noCrash = async (): Promise<never> => Promise.reject(new Error('no crash expected'));
  const inject =
    (plan: FaultPlan, host: Partial<FaultHost> = {}) =>
    async (c: typeof config, prepared: PreparedCorpus) =>
      withInjectedFault(await countFamily(c, prepared), plan, {
        crash: noCrash,
        loseDevice: () => false,
        ...host,
      });

  it('backend: generation 1 fails once as a backend fault', async () => {
    const events = await collectEvents(config, { createFamily: inject({ kind: 'backend', generation: 1 }) });
    expect(reportsOf(events)).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      generation: 1,
      fault: 'backend',
      message: expect.stringMatching(/device was lost.*\?fault=backend:1/),
    });
  });

  it('lost: the host drops its device and its watch stops the run; without a device it fails like backend', async () => {
    const control = new LoopControl();
    const lost = await collectEvents(config, {
      control,
      createFamily: inject(
        { kind: 'lost', generation: 1 },
        { loseDevice: () => (control.fail(new BackendFaultError('the WebGL context was lost')), true) },
      ),
    });
    expect(lost.at(-1)).toMatchObject({
      type: 'error',
      generation: 1,
      fault: 'backend',
      message: 'the WebGL context was lost',
    });
    const noDevice = await collectEvents(config, { createFamily: inject({ kind: 'lost', generation: 1 }) });
    expect(noDevice.at(-1)).toMatchObject({
      type: 'error',
      generation: 1,
      fault: 'backend',
      message: expect.stringMatching(/\?fault=lost:1/),
    });
  });

  it('nan: the loss of generation 1 becomes NaN, the run pauses with the explanation, and resuming trains it again', async () => {
    const control = new LoopControl();
    const events: SimulationEvent[] = [];
    for await (const e of runSimulation(config, {
      control,
      createFamily: inject({ kind: 'nan', generation: 1 }),
    })) {
      events.push(e);
      if (e.type === 'paused') setTimeout(() => control.resume(), 10);
    }
    expect(events.some((e) => e.type === 'trainStep' && e.generation === 1 && Number.isNaN(e.loss))).toBe(
      true,
    );
    expect(
      events.some((e) => e.type === 'notice' && /generation 1 diverged .*learning rate/.test(e.message)),
    ).toBe(true);
    expect(reportsOf(events).map((r) => r.generation)).toEqual([0, 1, 2]);
  });

  it('crash: the host is asked to die during generation 1, after generation 0 finished', async () => {
    const crashes: string[] = [];
    const control = new LoopControl();
    const events: SimulationEvent[] = [];
    const crash = async (message: string): Promise<never> => {
      crashes.push(message);
      control.cancel(); // a real worker dies here; the test ends the run instead
      throw new Error('cancelled');
    };
    for await (const e of runSimulation(config, {
      control,
      createFamily: inject({ kind: 'crash', generation: 1 }, { crash }),
    }))
      events.push(e);
    expect(crashes).toEqual([expect.stringMatching(/simulated crash.*\?fault=crash:1/)]);
    expect(reportsOf(events).map((r) => r.generation)).toEqual([0]);
  });
});

describe('where a run falls back to when its backend fails', () => {
  it('goes down the ranking, never back up, real GPUs before software-rendered ones, cpu last', () => {
    expect(fallbackCandidates(['wasm'], ['webgl'])).toEqual(['cpu']);
    expect(fallbackCandidates(['webgpu'])).toEqual(['webgl', 'wasm', 'cpu']);
    expect(fallbackCandidates(['webgpu'], ['webgl'])).toEqual(['wasm', 'webgl', 'cpu']);
    expect(fallbackCandidates(['webgl', 'wasm'])).toEqual(['cpu']);
    expect(fallbackCandidates(['wasm', 'cpu'])).toEqual([]);
  });

  it('names the failed backend, the error and the fallback', () => {
    expect(
      fallbackNotice({ backend: 'wasm', message: 'memory access out of bounds', generation: 1 }, 'cpu'),
    ).toBe(
      'The wasm backend failed during generation 1 (memory access out of bounds). The run falls back to cpu.',
    );
    expect(
      fallbackNotice({ backend: 'webgpu', message: 'the WebGPU device was lost', generation: null }, 'webgl'),
    ).toMatch(/failed while measuring the baseline/);
  });
});
