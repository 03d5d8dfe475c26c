/**
 * All the figures of one backend, on the `tiny` model (batch 32 x 64) as npm run bench measures
 * it in Node: training ms per step (median after warm-up), kernel launches per step (tf.profile),
 * both engine samplers' speed, and on GPU backends the fixed-shape sampler against the naive one.
 */
import * as tf from '@tensorflow/tfjs';
import { modelShape, type ModelShape } from '../engine/model/shape';
import { createGpt, type Gpt } from '../engine/model/gpt';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/train/trainer';
import { createRng } from '../engine/rng';
import { median, timeSampling, timeTrainingSteps } from '../worker/backend-timing';
import { timeNaiveSampling } from './naive-sampler';
import {
  countsLaunches,
  launchesByKernel,
  launchesOfOneStep,
  launchesOfOneToken,
  oneStep,
} from './launch-counter';
import { kernelsOfOneStep } from './step-kernels';
import type { BackendFigures, BackendPlan, NaiveComparison } from './protocol';

export const BENCH_MODEL = 'tiny';
export const benchShape = (vocabSize: number): ModelShape => modelShape(BENCH_MODEL, vocabSize);

const round = (x: number, digits = 0) => Number(x.toFixed(digits));

/** What a launch is on each GPU backend, for the progress lines. */
const LAUNCH_NAME: Record<string, string> = { webgl: 'shader programs (draw calls)', webgpu: 'dispatches' };
/** The sampled token whose launches are counted: a position inside the window, past the first. */
const TOKEN_POSITION = 4;

/** First and second pass of the fixed-shape and naive samplers over the same count x length. */
async function compareWithNaive(
  model: Gpt,
  plan: BackendPlan,
  say: (line: string) => void,
): Promise<{ comparison: NaiveComparison; fixedWarm: number }> {
  const rng = createRng('bench-naive');
  const { sampleCount: n, fixedLength: len } = plan;
  const fixedCold = await timeSampling(model, 'fixed-shape', n, len - 1, rng.split('fixed-cold'));
  const fixedWarm = await timeSampling(model, 'fixed-shape', n, len - 1, rng.split('fixed-warm'));
  say(
    `${plan.backend} fixed-shape sampler: ${round(fixedCold)} chars/s first pass, ${round(fixedWarm)} chars/s second (${n} x ${len})`,
  );
  const naiveCold = await timeNaiveSampling(model, n, len, rng.split('naive-cold'));
  const naiveWarm = await timeNaiveSampling(model, n, len, rng.split('naive-warm'));
  say(
    `${plan.backend} naive sampler: ${round(naiveCold)} chars/s first pass, ${round(naiveWarm)} chars/s second (${n} x ${len})`,
  );
  return {
    fixedWarm,
    comparison: {
      fixedShapeColdCharsPerSec: round(fixedCold),
      naiveColdCharsPerSec: round(naiveCold),
      naiveWarmCharsPerSec: round(naiveWarm),
      fixedVsNaive: round(fixedCold / naiveCold, 2),
      fixedVsNaiveWarm: round(fixedWarm / naiveWarm, 2),
      sample: `${n}x${len}`,
    },
  };
}

/** Measures the current backend (already set and checked) under the plan's budget. */
async function measureBackend(
  plan: BackendPlan,
  stream: Int32Array,
  vocabSize: number,
  softwareRenderer: string | null,
  say: (line: string) => void,
): Promise<BackendFigures> {
  const rng = createRng('bench');
  const shape = benchShape(vocabSize);
  const model = createGpt(shape, rng.split('init'));
  const trainer = new Trainer(model, { ...DEFAULT_TRAINING, steps: 10_000 }, rng.split('train'));
  try {
    const { backend } = plan;
    const stepMs = await timeTrainingSteps(trainer, stream, plan.warmupSteps, plan.timedSteps);
    const trainMsPerStep = median(stepMs);
    say(
      `${backend} training: ${trainMsPerStep.toFixed(1)} ms/step (median of ${plan.timedSteps} after ${plan.warmupSteps} warm-up)`,
    );
    const kernels = await kernelsOfOneStep(trainer, stream);
    say(`${backend} kernels: ${kernels.count} per training step (${kernels.top.join(', ')})`);
    const counted = countsLaunches();
    const programs = counted ? await launchesOfOneStep(trainer, stream) : undefined;
    const perToken = counted ? await launchesOfOneToken(model, plan.sampleCount, TOKEN_POSITION) : undefined;
    const launchesBy = counted ? await launchesByKernel(oneStep(trainer, stream)) : [];
    if (counted) {
      say(
        `${backend} ${LAUNCH_NAME[backend]}: ${programs} per training step, ${perToken} per sampled token (kv-cache sampler, ${plan.sampleCount} sequences)`,
      );
      say(`${backend} ${LAUNCH_NAME[backend]} per training step by kernel: ${launchesBy.join(', ')}`);
    }
    // A first pass of each sampler warms its shapes; the second is the figure.
    const { sampleCount: n } = plan;
    await timeSampling(model, 'kv-cache', n, plan.kvLength, rng.split('kv-warm'));
    const kv = await timeSampling(model, 'kv-cache', n, plan.kvLength, rng.split('kv'));
    say(`${backend} kv-cache sampler: ${round(kv)} chars/s (${n} x ${plan.kvLength})`);
    let fixed: number;
    let naive: NaiveComparison | undefined;
    if (plan.naive) {
      const compared = await compareWithNaive(model, plan, say);
      fixed = compared.fixedWarm;
      naive = compared.comparison;
    } else {
      await timeSampling(model, 'fixed-shape', n, plan.fixedLength, rng.split('fixed-warm'));
      fixed = await timeSampling(model, 'fixed-shape', n, plan.fixedLength, rng.split('fixed'));
      say(`${backend} fixed-shape sampler: ${round(fixed)} chars/s (${n} x ${plan.fixedLength})`);
    }
    return {
      available: true,
      softwareRenderer,
      trainMsPerStep: round(trainMsPerStep, 1),
      timedSteps: plan.timedSteps,
      trainTokensPerSec: Math.round(
        (DEFAULT_TRAINING.batchSize * shape.contextLength * 1000) / trainMsPerStep,
      ),
      kernelsPerStep: kernels.count,
      ...(programs !== undefined && perToken !== undefined
        ? { programsPerStep: programs, programsPerToken: perToken, programsByKernel: launchesBy }
        : {}),
      topKernels: kernels.top,
      kvCacheCharsPerSec: round(kv),
      kvCacheSample: `${n}x${plan.kvLength}`,
      fixedShapeCharsPerSec: round(fixed),
      fixedShapeSample: `${n}x${plan.fixedLength}`,
      ...(naive ? { naive } : {}),
      numTensorsDelta: 0,
    };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

/** measureBackend, with the tensors it left behind once everything it made is disposed. */
export async function measureBackendAndLeaks(
  plan: BackendPlan,
  stream: Int32Array,
  vocabSize: number,
  softwareRenderer: string | null,
  say: (line: string) => void,
): Promise<BackendFigures> {
  const baseline = tf.memory().numTensors;
  const figures = await measureBackend(plan, stream, vocabSize, softwareRenderer, say);
  return { ...figures, numTensorsDelta: tf.memory().numTensors - baseline };
}
