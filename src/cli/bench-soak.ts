/**
 * npm run bench:soak (node --expose-gc): the long-run check of issue 8.
 *
 * 1. Transformer: the `tiny` model, 50 generations in a row on wasm with a small budget
 *    (training.steps 20, realChars 3,000, heldOutChars 1,000, sampling.maxLength 200). After
 *    every generation (the loop held at its next pause point, so no generation is half built)
 *    tf.memory().numTensors and the JS heap (after global.gc()) are recorded. Goals: the tensor
 *    count equals its value after generation 0 every time, and the heap grows by at most 10%
 *    from generation 5 to the last.
 * 2. Count model: 100,000 generations of the exact unigram chain (runTheory, order 0, 1 run),
 *    heap before, at 5% of the way and after; generations per second.
 *
 * Human lines on stderr; the LAST stdout line is one JSON object. A missed goal is reported as
 * false in the JSON, not as an exit code: this is a benchmark, not a test.
 * Options: --generations N (transformer, default 50), --steps N (training steps, default 20),
 * --count-generations N (count model, default 100000).
 */
import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { parseConfig } from '../engine/config/validate';
import type { SimulationConfig } from '../engine/config/schema';
import { LoopControl } from '../engine/loop/control/loop-control';
import { runSimulation } from '../engine/loop/run';
import { runTheory } from '../engine/theory';
import { useNodeBackend } from './tf-node';

const { values: args } = parseArgs({
  options: {
    generations: { type: 'string', default: '50' },
    steps: { type: 'string', default: '20' },
    'count-generations': { type: 'string', default: '100000' },
  },
});

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} expects a positive integer, got "${text}"`);
  return n;
}

const GENERATIONS = positiveInt('generations', args.generations);
const STEPS = positiveInt('steps', args.steps);
const COUNT_GENERATIONS = positiveInt('count-generations', args['count-generations']);
/** The heap window: generation 5 to generation 50 (or the last one run). */
const HEAP_FROM = Math.min(5, GENERATIONS - 1);
const HEAP_LIMIT_PCT = 10;

const gc = (globalThis as { gc?: () => void }).gc;
const MB = 1024 * 1024;
const round = (x: number, digits = 2) => +x.toFixed(digits);

/** Heap in use, after a full collection when node runs with --expose-gc. */
function heapUsed(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

function configOf(partial: unknown): SimulationConfig {
  const parsed = parseConfig(partial);
  if (!parsed.ok) throw new Error(`bad config: ${parsed.errors.join('; ')}`);
  return parsed.config;
}

async function soakTransformer() {
  await useNodeBackend('wasm');
  const config = configOf({
    seed: 1,
    // One more than measured: after the last measured generation the loop is held at the next
    // one's first pause point (nothing of it built yet) and the run is cancelled there; the
    // loop's very last generation is followed by the family's disposal, not by a pause point.
    generations: GENERATIONS + 1,
    corpus: { source: 'tiny-tales', realChars: 3_000, heldOutChars: 1_000 },
    model: { family: 'transformer', size: 'tiny' },
    training: { steps: STEPS, warmupSteps: Math.min(5, STEPS) },
    sampling: { maxLength: 200 },
  });
  console.error(
    `transformer: tiny, ${GENERATIONS} generations, ${STEPS} steps, realChars ${config.corpus.realChars}, ` +
      `heldOutChars ${config.corpus.heldOutChars}, maxLength ${config.sampling.maxLength}, backend ${tf.getBackend()}`,
  );
  const tensorsBefore = tf.memory().numTensors;
  // step(): the loop pauses at the first pause point after each generation (before it builds
  // anything of the next), so the figures are taken between generations, not during one.
  const control = new LoopControl();
  control.step();
  const tensors: number[] = [];
  const heap: number[] = [];
  const started = performance.now();
  let error: string | null = null;
  for await (const event of runSimulation(config, { control })) {
    if (event.type === 'error') error = event.message;
    if (event.type !== 'generationDone') continue;
    const g = event.report.generation;
    tensors[g] = tf.memory().numTensors;
    heap[g] = heapUsed();
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `generation ${g}: ${tensors[g]} tensors (${tensors[g] - tensors[0] >= 0 ? '+' : ''}${tensors[g] - tensors[0]}), ` +
        `heap ${(heap[g] / MB).toFixed(1)} MB, perplexity ${event.report.perplexity.toFixed(2)}, ${seconds.toFixed(0)} s`,
    );
    if (g + 1 >= GENERATIONS) break; // cancels the held run, which disposes its model
    control.step();
  }
  const seconds = (performance.now() - started) / 1000;
  if (error) throw new Error(`the run failed: ${error}`);
  const done = tensors.length;
  const baseline = tensors[0];
  const maxDelta = Math.max(...tensors.map((n) => Math.abs(n - baseline)));
  const last = done - 1;
  const heapGrowthPct = ((heap[last] - heap[HEAP_FROM]) / heap[HEAP_FROM]) * 100;
  const tensorsAfterRun = tf.memory().numTensors;
  console.error(
    `transformer: numTensors baseline ${baseline} (before the run ${tensorsBefore}, after it ${tensorsAfterRun}), max deviation ${maxDelta}; ` +
      `heap ${(heap[HEAP_FROM] / MB).toFixed(1)} MB at generation ${HEAP_FROM} -> ${(heap[last] / MB).toFixed(1)} MB at ${last} ` +
      `(${heapGrowthPct >= 0 ? '+' : ''}${heapGrowthPct.toFixed(1)}%); ${seconds.toFixed(0)} s`,
  );
  return {
    generations: done,
    steps: STEPS,
    numTensorsBeforeRun: tensorsBefore,
    numTensorsBaseline: baseline,
    numTensorsMaxDelta: maxDelta,
    numTensorsAfterRun: tensorsAfterRun,
    /** Tensors left once the run ended and disposed its model (0 = nothing leaked). */
    numTensorsLeftAfterRun: tensorsAfterRun - tensorsBefore,
    heapAtGeneration: HEAP_FROM,
    heapAt5MB: round(heap[HEAP_FROM] / MB),
    heapAtLastGeneration: last,
    heapAt50MB: round(heap[last] / MB),
    heapGrowthPct: round(heapGrowthPct),
    tensorsOk: maxDelta === 0,
    heapOk: heapGrowthPct <= HEAP_LIMIT_PCT,
    seconds: round(seconds, 1),
  };
}

async function soakCounts() {
  const config = configOf({
    seed: 1,
    generations: COUNT_GENERATIONS,
    runs: 1,
    model: { family: 'ngram', ngramOrder: 0 },
  });
  console.error(
    `count model: exact unigram chain (order 0), ${COUNT_GENERATIONS.toLocaleString('en')} generations, 1 run, paradigm ${config.paradigm}`,
  );
  const early = Math.round(COUNT_GENERATIONS * 0.05);
  const heapBefore = heapUsed();
  let heapEarly: number | null = null;
  const started = performance.now();
  const record = await runTheory(config, {
    method: 'unigram-chain',
    onProgress(done) {
      if (heapEarly === null && done >= early) heapEarly = heapUsed();
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const heapAfter = heapUsed();
  const from = heapEarly ?? heapBefore;
  const heapGrowthPct = ((heapAfter - heapBefore) / heapBefore) * 100;
  const heapGrowthFromEarlyPct = ((heapAfter - from) / from) * 100;
  const rate = COUNT_GENERATIONS / seconds;
  console.error(
    `count model: ${record.status}, ${seconds.toFixed(2)} s (${Math.round(rate).toLocaleString('en')} generations/s); heap ` +
      `${(heapBefore / MB).toFixed(1)} MB before, ${(from / MB).toFixed(1)} MB at 5%, ${(heapAfter / MB).toFixed(1)} MB after ` +
      `(${heapGrowthPct >= 0 ? '+' : ''}${heapGrowthPct.toFixed(1)}% over the run, ${heapGrowthFromEarlyPct >= 0 ? '+' : ''}${heapGrowthFromEarlyPct.toFixed(1)}% from 5%)`,
  );
  return {
    generations: COUNT_GENERATIONS,
    status: record.status,
    seconds: round(seconds, 3),
    generationsPerSecond: Math.round(rate),
    heapBeforeMB: round(heapBefore / MB),
    heapAt5PctMB: round(from / MB),
    heapAfterMB: round(heapAfter / MB),
    heapGrowthPct: round(heapGrowthPct),
    heapGrowthFrom5PctPct: round(heapGrowthFromEarlyPct),
    heapOk: heapGrowthFromEarlyPct <= HEAP_LIMIT_PCT,
  };
}

async function main() {
  if (!gc)
    console.error(
      'global.gc is unavailable (node was not started with --expose-gc): heap figures include uncollected garbage',
    );
  const transformer = await soakTransformer();
  const counts = await soakCounts();
  console.log(JSON.stringify({ gcAvailable: gc !== undefined, transformer, counts }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
