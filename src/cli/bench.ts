/**
 * npm run bench: the `tiny` model (batch 32 x context 64) in Node, on wasm and then cpu:
 * training ms per step (median after warm-up, wall clock and this process's CPU time: on a
 * shared machine the CPU time is the steadier figure), kernels per step (tf.profile, and those
 * that are not reshapes, which on WebGL/WebGPU launch nothing), sampling speed of both samplers
 * (16 sequences x 256 symbols; the KV cache's the median of 5 runs) and the tensor count left
 * behind. The last line is one JSON
 * object, { wasm: {...}, cpu: {...} }.
 * --backend webgpu runs the WebGPU backend through Dawn (webgpu-node.ts) and adds its compute
 * dispatches per training step and per sampled token (one kv-cache step for all 16 sequences).
 * On a software adapter (SwiftShader: tens of seconds a step) it times fewer steps and shorter
 * samples, named in its figures (timedSteps, kvCacheSample, fixedShapeSample).
 * With wasm among the backends it then trains and samples with 1 and with k worker threads
 * (data parallelism, bench-workers.ts; k = os.availableParallelism()), in `workers` of the JSON,
 * beside the machine's ceiling for k workers (`workers.ceiling`: k threads computing a whole
 * batch's gradient each, all at once against one alone, src/bench/worker-figures.ts),
 * and with --generation it also times one generation of the default preset with each count.
 * Options: --backend wasm|cpu|webgpu|both (default both: wasm and cpu), --steps N (timed steps,
 * default 20; 2 on a software WebGPU adapter), --workers 1,2 (the counts compared),
 * --generation.
 */
import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { createRng } from '../engine/rng';
import { documentsToStream } from '../engine/model/train/batches';
import { modelShape, parameterCount, type ModelShape } from '../engine/model/shape';
import { createGpt, type Gpt } from '../engine/model/gpt';
import { sampleDocuments, type SamplerKind } from '../engine/model/infer/sample';
import { DEFAULT_TRAINING, Trainer } from '../engine/model/train/trainer';
import { buildVocabulary } from '../engine/text/vocabulary';
import { kernelsOfOneStep } from '../bench/step-kernels';
import { countLaunches, installLaunchCounter, launchesOfOneToken } from '../bench/launch-counter';
import { isNodeBackend, useNodeBackend, type NodeBackend } from './tf-node';
import { benchGeneration, benchWorkers } from './bench-workers';
import { nodeReplicaHost } from './node-replicas';
import { describeCeiling, measureCeiling } from '../bench/worker-figures';
import os from 'node:os';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'both' },
    steps: { type: 'string' },
    workers: { type: 'string', default: `1,${os.availableParallelism()}` },
    generation: { type: 'boolean', default: false },
  },
});
const workerCounts = [...new Set(String(args.workers).split(',').map(Number))];
if (workerCounts.some((k) => !Number.isInteger(k) || k < 1 || k > 32)) {
  console.error(`--workers takes worker counts from 1 to 32, comma-separated, got "${args.workers}"`);
  process.exit(2);
}
if (args.backend !== 'both' && !isNodeBackend(args.backend)) {
  console.error(`--backend must be wasm, cpu, webgpu or both, got "${args.backend}"`);
  process.exit(2);
}
const backends: NodeBackend[] = args.backend === 'both' ? ['wasm', 'cpu'] : [args.backend];
const SAMPLE_COUNT = 16;
const SAMPLE_LENGTH = 256;

/** How much each backend is timed. */
interface Plan {
  warmupSteps: number;
  timedSteps: number;
  /** KV-cache sequences' length and timed runs (a fraction of a second each on wasm). */
  kvLength: number;
  kvRuns: number;
  /**
   * The fixed-shape sampler recomputes the whole window per symbol (~16 symbols/s on cpu), so on
   * slow backends it is timed over shorter sequences; its cost per symbol does not depend on the length.
   */
  fixedLength: number;
}

function planFor(backend: NodeBackend, softwareGpu: boolean): Plan {
  const steps = (fallback: number, least: number) =>
    Math.max(least, args.steps === undefined ? fallback : Number(args.steps));
  // SwiftShader: ~35 s a step, ~120 KV-cache and ~5 fixed-shape chars/s on two shared cores.
  if (softwareGpu)
    return { warmupSteps: 1, timedSteps: steps(2, 1), kvLength: 32, kvRuns: 1, fixedLength: 4 };
  return {
    warmupSteps: 3,
    timedSteps: steps(20, 5),
    kvLength: SAMPLE_LENGTH,
    kvRuns: 5,
    fixedLength: backend === 'cpu' ? 32 : SAMPLE_LENGTH,
  };
}
/** The kv-cache sampler's position whose dispatches are counted (as bench:browser does). */
const TOKEN_POSITION = 4;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Pseudo-text over ~60 symbols: the benchmark measures arithmetic, not language. */
function benchText(chars: number): string {
  const rng = createRng('bench-text');
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,!?\'"';
  let s = '';
  for (let i = 0; i < chars; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

/**
 * Characters per second of one sampler, 16 full-length sequences (EOD does not stop them), by
 * the wall clock and by this process's CPU time: medians of `runs` timed runs (a shared
 * machine's pauses land on one run, not on the figure).
 */
async function sampleSpeed(
  model: Gpt,
  sampler: SamplerKind,
  seed: string,
  length = SAMPLE_LENGTH,
  runs = 1,
): Promise<{ wall: number; cpu: number }> {
  const decoding = { temperature: 1, topK: 0, topP: 1 };
  const rng = createRng(seed);
  const options = {
    count: SAMPLE_COUNT,
    maxLength: length,
    decoding,
    batchSize: SAMPLE_COUNT,
    stopAtEod: false,
    sampler,
  };
  // Warm-up at full length: the JIT needs a few thousand kernel calls to settle (a first run is
  // up to 2x slower), and a class run samples every generation, so the steady state is the figure.
  await sampleDocuments(model, options, rng);
  const wall: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const sampled = await sampleDocuments(model, options, rng);
    const cpu = process.cpuUsage(cpu0);
    const chars = sampled.documents.reduce((n, d) => n + d.length + 1, 0);
    wall.push(chars / ((performance.now() - t0) / 1000));
    cpuRates.push(chars / ((cpu.user + cpu.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpuRates) };
}

async function benchBackend(backend: NodeBackend, stream: Int32Array, shape: ModelShape) {
  const webgpu = await useNodeBackend(backend);
  if (webgpu) {
    console.error(`webgpu: ${webgpu.description}`);
    installLaunchCounter(); // wraps GPUComputePassEncoder.prototype.dispatchWorkgroups, now a global
  }
  const plan = planFor(backend, webgpu?.software ?? false);
  const { warmupSteps, timedSteps } = plan;
  const rng = createRng('bench');
  const baseline = tf.memory().numTensors;
  const model = createGpt(shape, rng.split('init'));
  const trainer = new Trainer(model, { ...DEFAULT_TRAINING, steps: 10_000 }, rng.split('train'));
  const stepMs: number[] = [];
  const stepCpuMs: number[] = [];
  for (let i = 0; i < warmupSteps + timedSteps; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const loss = trainer.step(stream);
    await loss.data(); // include the device work in the timing
    loss.dispose();
    const cpu = process.cpuUsage(cpu0);
    if (i >= warmupSteps) {
      stepMs.push(performance.now() - t0);
      stepCpuMs.push((cpu.user + cpu.system) / 1000);
    }
  }
  // On webgpu the profiled step's dispatches are counted too (tf.profile adds none).
  let kernels!: Awaited<ReturnType<typeof kernelsOfOneStep>>;
  const dispatchesPerStep = await countLaunches(async () => {
    kernels = await kernelsOfOneStep(trainer, stream, 8);
  });
  const trainMsPerStep = median(stepMs);
  const trainCpuMsPerStep = median(stepCpuMs);
  console.error(
    `${backend} train: ${trainMsPerStep.toFixed(1)} ms/step, ${trainCpuMsPerStep.toFixed(1)} ms CPU (medians of ${timedSteps}), ` +
      `${kernels.count} kernels/step, ${kernels.withoutReshapes} not reshapes (${kernels.top.join(', ')})`,
  );
  const dispatches = webgpu
    ? {
        dispatchesPerStep,
        dispatchesPerSampledToken: await launchesOfOneToken(model, SAMPLE_COUNT, TOKEN_POSITION),
      }
    : undefined;
  if (dispatches) {
    console.error(
      `${backend} dispatches: ${dispatches.dispatchesPerStep} per training step, ${dispatches.dispatchesPerSampledToken} per sampled token (kv-cache, ${SAMPLE_COUNT} sequences)`,
    );
  }
  const sampleCharsPerSec = await sampleSpeed(model, 'kv-cache', 'sample', plan.kvLength, plan.kvRuns);
  const fixedShapeSampleCharsPerSec = await sampleSpeed(model, 'fixed-shape', 'sample', plan.fixedLength);
  console.error(
    `${backend} sample: kv-cache ${sampleCharsPerSec.wall.toFixed(0)} chars/s, ${sampleCharsPerSec.cpu.toFixed(0)} per CPU second ` +
      `(${SAMPLE_COUNT} x ${plan.kvLength}), fixed-shape ${fixedShapeSampleCharsPerSec.wall.toFixed(0)} chars/s (${SAMPLE_COUNT} x ${plan.fixedLength})`,
  );
  trainer.dispose();
  model.dispose();
  return {
    ...(webgpu ? { adapter: webgpu.description, softwareAdapter: webgpu.software, timedSteps } : {}),
    trainMsPerStep: +trainMsPerStep.toFixed(2),
    trainCpuMsPerStep: +trainCpuMsPerStep.toFixed(2),
    trainTokensPerSec: Math.round((DEFAULT_TRAINING.batchSize * shape.contextLength * 1000) / trainMsPerStep),
    kernelsPerStep: kernels.count,
    kernelsPerStepWithoutReshapes: kernels.withoutReshapes,
    ...dispatches,
    sampleCharsPerSec: Math.round(sampleCharsPerSec.wall),
    sampleCharsPerCpuSec: Math.round(sampleCharsPerSec.cpu),
    fixedShapeSampleCharsPerSec: Math.round(fixedShapeSampleCharsPerSec.wall),
    ...(plan.kvLength !== SAMPLE_LENGTH ? { kvCacheSample: `${SAMPLE_COUNT}x${plan.kvLength}` } : {}),
    fixedShapeSample: `${SAMPLE_COUNT}x${plan.fixedLength}`,
    numTensorsDelta: tf.memory().numTensors - baseline,
  };
}

async function main() {
  const text = benchText(50_000);
  const vocab = buildVocabulary([text]);
  const stream = documentsToStream([vocab.encode(text)]);
  const shape = modelShape('tiny', vocab.size);
  const result: Record<string, unknown> = {
    model: 'tiny',
    params: parameterCount(shape),
    batch: DEFAULT_TRAINING.batchSize,
    context: shape.contextLength,
    sample: `${SAMPLE_COUNT}x${SAMPLE_LENGTH}`,
  };
  for (const backend of backends) result[backend] = await benchBackend(backend, stream, shape);
  if (backends.includes('wasm') && workerCounts.length > 1) {
    await useNodeBackend('wasm');
    const figures = await benchWorkers('wasm', shape, stream, workerCounts, Number(args.steps ?? 20));
    // Speed-ups of the most workers over the fewest, whatever order the counts were given in.
    const first = figures.reduce((a, b) => (b.workers < a.workers ? b : a));
    const last = figures.reduce((a, b) => (b.workers > a.workers ? b : a));
    const ceiling = await measureCeiling(nodeReplicaHost(), 'wasm', shape, stream, last.workers);
    console.error(`wasm ${describeCeiling(ceiling)}`);
    result.workers = {
      backend: 'wasm',
      figures,
      trainSpeedup: +(first.trainMsPerStep / last.trainMsPerStep).toFixed(2),
      sampleSpeedup: +(last.sampleCharsPerSec / first.sampleCharsPerSec).toFixed(2),
      ceiling,
      ...(args.generation ? { generation: await benchGeneration(workerCounts) } : {}),
    };
  }
  console.log(JSON.stringify(result));
  if (backends.includes('webgpu')) (await import('./webgpu-node')).releaseNodeWebGpu(); // else Dawn keeps Node running
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
