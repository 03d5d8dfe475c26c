/**
 * The benchmark worker: for each backend asked for, the same capability check the simulator
 * uses (train four steps against the cpu reference, and sample), then the figures of
 * measure-backend.ts. Results go to the page as they come, one message per measurement.
 */
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import '../worker/wasm-paths';
import { chooseBackend } from '../engine/backend';
import { webGlSoftwareRenderer, webGpuSoftwareRenderer } from '../worker/software-renderer';
import { benchStream } from './bench-text';
import { checkBackend } from './check-run';
import { installLaunchCounter } from './launch-counter';
import { measureWorkers } from './measure-workers';
import { benchShape, BENCH_MODEL, measureBackendAndLeaks } from './measure-backend';
import { parameterCount } from '../engine/model/shape';
import { DEFAULT_TRAINING } from '../engine/model/train/trainer';
import type { BackendName, BackendPlan, BenchCommand, BenchEvent } from './protocol';

installLaunchCounter();

const scope = self as unknown as {
  postMessage(message: BenchEvent): void;
  onmessage: ((e: MessageEvent<BenchCommand>) => void) | null;
};

const emit = (event: BenchEvent) => scope.postMessage(event);
const say = (line: string) => emit({ type: 'progress', line });
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function softwareRendererOf(backend: BackendName): Promise<string | null> {
  if (backend === 'webgpu') return webGpuSoftwareRenderer();
  if (backend === 'webgl') return webGlSoftwareRenderer();
  return null;
}

async function runPlan(plan: BackendPlan, stream: Int32Array, vocabSize: number): Promise<void> {
  const { backend } = plan;
  say(`${backend}: capability check (4 training steps against the cpu reference, and sampling)`);
  try {
    await chooseBackend([backend]);
  } catch (e) {
    // chooseBackend names every rejected candidate; here there is only this one.
    const reason = messageOf(e).replace(/^no TensorFlow\.js backend works here: \w+: /, '');
    say(`${backend}: not offered here (${reason})`);
    emit({ type: 'result', backend, result: { available: false, reason } });
    return;
  }
  const renderer = await softwareRendererOf(backend);
  if (renderer) say(`${backend}: runs on ${renderer}`);
  const result = await measureBackendAndLeaks(plan, stream, vocabSize, renderer, say);
  const dataParallel = await measureWorkers(backend, benchShape(vocabSize), stream, plan.timedSteps, say);
  emit({ type: 'result', backend, result: dataParallel ? { ...result, dataParallel } : result });
}

async function run(plans: BackendPlan[]): Promise<void> {
  const { stream, vocabSize } = benchStream();
  const shape = benchShape(vocabSize);
  emit({
    type: 'model',
    model: {
      name: BENCH_MODEL,
      params: parameterCount(shape),
      batch: DEFAULT_TRAINING.batchSize,
      context: shape.contextLength,
    },
  });
  for (const plan of plans) {
    try {
      await runPlan(plan, stream, vocabSize);
    } catch (e) {
      say(`${plan.backend}: failed while measuring (${messageOf(e)})`);
      emit({
        type: 'result',
        backend: plan.backend,
        result: { available: false, reason: `failed while measuring: ${messageOf(e)}` },
      });
    }
  }
  emit({ type: 'done' });
}

async function check(backends: BackendName[]): Promise<void> {
  for (const backend of backends) emit({ type: 'checks', backend, checks: await checkBackend(backend, say) });
  emit({ type: 'done' });
}

scope.onmessage = (e) => {
  const command = e.data;
  const work =
    command?.type === 'run' ? run(command.plans) : command?.type === 'check' ? check(command.backends) : null;
  if (!work)
    emit({
      type: 'error',
      message: 'the benchmark worker understands only {type: "run", plans} and {type: "check", backends}',
    });
  work?.catch((error: unknown) => emit({ type: 'error', message: messageOf(error) }));
};

self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  emit({ type: 'error', message: `unexpected failure in the benchmark worker: ${messageOf(e.reason)}` });
});
