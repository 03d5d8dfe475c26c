/**
 * npm run bench:fluency -- [--set key=value ...] [--grid key=v1,v2,...] [--max-steps N] [--every K]
 *                          [--sample-chars N] [--words 0.9] [--ppl 1.8] [--full]
 * Steps to fluency: trains ONE model per setting on the tiny-tales D0, prepared exactly as the
 * loop prepares it (prepareCorpus), with the engine's Trainer on wasm, and every K steps
 * measures held-out perplexity (as the loop does) and the real-word share of ~3,000 sampled
 * characters (KV cache, temperature 1): the share of word tokens that occur anywhere in the
 * real text (training + held-out). Reports the steps and training seconds until the share
 * reaches --words and the perplexity falls to --ppl (first checkpoint, and the one from which
 * it holds), ms per step, and an estimate of one loop generation (train + evaluate + sample
 * m = realChars characters as the loop does). The cosine schedule spans --max-steps, so a
 * crossing at step s is a slight over-estimate of what a run of s steps reaches. Without --full
 * a setting stops once both bars are met. Keys: size (micro|tiny|small|medium), layers, width,
 * heads, context, mlpRatio, realChars, heldOutChars, batch, lr, warmup, minRatio, seed.
 * --grid keys multiply out (repeatable). The last line is one JSON object.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { MODEL_SIZES, type ModelShape, type ModelSizeName } from '../engine/model/shape';
import { tokenizeWords } from '../engine/metrics/ngrams';
import { learningRateAt } from '../engine/model/train/schedule';

export interface FluencySetting {
  size: ModelSizeName;
  layers?: number;
  width?: number;
  heads?: number;
  context?: number;
  mlpRatio?: number;
  realChars: number;
  heldOutChars: number;
  batch: number;
  lr: number;
  warmup: number;
  /** Floor of the cosine decay as a share of the peak (the engine's schedule uses 0.1). */
  minRatio: number;
  seed: number;
}

export const BASE_SETTING: FluencySetting = {
  size: 'tiny',
  realChars: 40_000,
  heldOutChars: 5_000,
  batch: 32,
  lr: 1e-2,
  warmup: 20,
  minRatio: 0.1,
  seed: 1,
};

const NUMERIC_KEYS = [
  'layers',
  'width',
  'heads',
  'context',
  'mlpRatio',
  'realChars',
  'heldOutChars',
  'batch',
  'lr',
  'warmup',
  'minRatio',
  'seed',
] as const;

/** One key=value applied to a setting; unknown keys and bad values throw. */
export function applySetting(setting: FluencySetting, assignment: string): FluencySetting {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new Error(`expected key=value, got "${assignment}"`);
  const key = assignment.slice(0, eq).trim();
  const raw = assignment.slice(eq + 1).trim();
  if (key === 'size') {
    if (!(raw in MODEL_SIZES))
      throw new Error(`size must be one of ${Object.keys(MODEL_SIZES).join(', ')}, got "${raw}"`);
    return { ...setting, size: raw as ModelSizeName };
  }
  if (!(NUMERIC_KEYS as readonly string[]).includes(key))
    throw new Error(`unknown key "${key}"; keys: size, ${NUMERIC_KEYS.join(', ')}`);
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || value < 0)
    throw new Error(`${key} must be a number >= 0, got "${raw}"`);
  return { ...setting, [key]: value };
}

/** The Cartesian product of --grid key=v1,v2 lists over a base setting (in the order given). */
export function expandGrid(base: FluencySetting, grids: readonly string[]): FluencySetting[] {
  let out = [base];
  for (const grid of grids) {
    const eq = grid.indexOf('=');
    if (eq <= 0) throw new Error(`--grid expects key=v1,v2,..., got "${grid}"`);
    const key = grid.slice(0, eq);
    const values = grid.slice(eq + 1).split(',');
    out = out.flatMap((s) => values.map((v) => applySetting(s, `${key}=${v}`)));
  }
  return out;
}

export function shapeOf(s: FluencySetting, vocabSize: number): ModelShape {
  const size = MODEL_SIZES[s.size];
  return {
    vocabSize,
    contextLength: s.context ?? size.contextLength,
    layers: s.layers ?? size.layers,
    heads: s.heads ?? size.heads,
    width: s.width ?? size.width,
    mlpRatio: s.mlpRatio ?? size.mlpRatio,
  };
}

/** Peak learning rate to hand the engine's schedule (floor 0.1) so that it yields the schedule with floor minRatio. */
export function peakForFloor(
  step: number,
  steps: number,
  peak: number,
  warmup: number,
  minRatio: number,
): number {
  return (peak * learningRateAt(step, steps, 1, warmup, minRatio)) / learningRateAt(step, steps, 1, warmup);
}

/** Share of the word tokens of the texts that are real words; NaN when there are none. */
export function realWordShare(texts: readonly string[], realWords: ReadonlySet<string>): number {
  let words = 0;
  let real = 0;
  for (const text of texts) {
    for (const w of tokenizeWords(text)) {
      words++;
      if (realWords.has(w)) real++;
    }
  }
  return words === 0 ? NaN : real / words;
}

export interface Checkpoint {
  step: number;
  /** Training seconds up to this step (evaluation not counted). */
  seconds: number;
  value: number;
}

export interface Reached {
  /** First checkpoint that meets the bar. */
  step: number | null;
  seconds: number | null;
  /** First checkpoint from which every later one meets it too. */
  stableStep: number | null;
}

/** When a series first meets a bar (value >= bar when 'up', <= when 'down'), and from when it holds. */
export function stepsToThreshold(
  points: readonly Checkpoint[],
  bar: number,
  direction: 'up' | 'down',
): Reached {
  const meets = (v: number) => (direction === 'up' ? v >= bar : v <= bar);
  const first = points.find((p) => meets(p.value));
  let stable: Checkpoint | null = null;
  for (let i = points.length - 1; i >= 0 && meets(points[i].value); i--) stable = points[i];
  return { step: first?.step ?? null, seconds: first?.seconds ?? null, stableStep: stable?.step ?? null };
}

const round = (x: number, digits: number) => +x.toFixed(digits);

function describe(s: FluencySetting, shape: ModelShape): string {
  const custom =
    s.layers !== undefined ||
    s.width !== undefined ||
    s.heads !== undefined ||
    s.context !== undefined ||
    s.mlpRatio !== undefined;
  const model = custom
    ? `L${shape.layers} w${shape.width} h${shape.heads} ctx${shape.contextLength}`
    : `${s.size}`;
  return `${model} N0=${s.realChars} b=${s.batch} lr=${s.lr} wu=${s.warmup} floor=${s.minRatio} seed=${s.seed}`;
}

interface Options {
  maxSteps: number;
  every: number;
  sampleChars: number;
  wordsBar: number;
  pplBar: number;
  full: boolean;
}

async function benchSetting(s: FluencySetting, o: Options) {
  const [
    { DEFAULT_CONFIG },
    { prepareCorpus },
    { documentsToStream },
    { parameterCount },
    { streamNll },
    { createGpt },
    { sampleDocuments },
    { Trainer },
    { DEFAULT_ADAMW },
    { createRng },
    { perplexityFromNll },
  ] = await Promise.all([
    import('../engine/config/defaults'),
    import('../engine/corpus/prepare'),
    import('../engine/model/train/batches'),
    import('../engine/model/shape'),
    import('../engine/model/infer/evaluate'),
    import('../engine/model/gpt'),
    import('../engine/model/infer/sample'),
    import('../engine/model/train/trainer'),
    import('../engine/model/train/adamw'),
    import('../engine/rng'),
    import('../engine/metrics/perplexity'),
  ]);
  const config = {
    ...DEFAULT_CONFIG,
    seed: s.seed,
    corpus: { source: 'tiny-tales' as const, realChars: s.realChars, heldOutChars: s.heldOutChars },
  };
  const prepared = prepareCorpus(config);
  const realWords = new Set<string>();
  for (const doc of [...prepared.heldOut, ...prepared.real.map((d) => d.text)])
    for (const w of tokenizeWords(doc)) realWords.add(w);
  const trainStream = documentsToStream(prepared.real.map((d) => prepared.vocabulary.encode(d.text)));
  const heldOutStream = documentsToStream(prepared.heldOut.map((d) => prepared.vocabulary.encode(d)));
  const shape = shapeOf(s, prepared.vocabulary.size);
  // The loop's streams, named as it names them (setUpRun, TransformerFamily): the same seed draws the same init and batches.
  const rng = createRng(s.seed).split('model');
  const model = createGpt(shape, rng.split('init-0'));
  const settings = {
    steps: o.maxSteps,
    batchSize: s.batch,
    learningRate: s.lr,
    warmupSteps: s.warmup,
    reportEvery: o.every,
    adamw: DEFAULT_ADAMW,
  };
  const trainer = new Trainer(model, settings, rng.split('train-0'));
  const decoding = { temperature: 1, topK: 0, topP: 1 };
  const label = describe(s, shape);
  console.error(
    `${label}: ${parameterCount(shape)} parameters, vocabulary ${shape.vocabSize}, ${realWords.size} real words`,
  );

  const sample = async (chars: number, count: number, batchSize: number, seed: string) => {
    const texts: string[] = [];
    let written = 0;
    const t0 = performance.now();
    while (written < chars) {
      const out = await sampleDocuments(
        model,
        { count, maxLength: config.sampling.maxLength, decoding, batchSize, sampler: 'kv-cache' },
        createRng(seed).split(`call-${texts.length}`),
      );
      for (const ids of out.documents) {
        texts.push(prepared.vocabulary.decode(ids));
        written += ids.length;
      }
    }
    return { texts, written, seconds: (performance.now() - t0) / 1000 };
  };

  const ppl: Checkpoint[] = [];
  const words: Checkpoint[] = [];
  const curve: [number, number, number, number][] = [];
  let trainMs = 0;
  let trainCpuMs = 0; // this process's CPU time: steadier than the wall clock on a shared machine
  let evalMs = 0;
  let step = 0;
  let lastLoss = NaN;
  while (step < o.maxSteps) {
    settings.learningRate = peakForFloor(step, o.maxSteps, s.lr, s.warmup, s.minRatio);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const loss = trainer.step(trainStream);
    step++;
    const checkpoint = step % o.every === 0 || step === o.maxSteps;
    if (checkpoint) lastLoss = (await loss.data())[0];
    loss.dispose();
    trainMs += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    trainCpuMs += (cpu.user + cpu.system) / 1000;
    if (!checkpoint) continue;
    if (!Number.isFinite(lastLoss)) {
      console.error(`  diverged at step ${step} (loss ${lastLoss})`);
      break;
    }
    const e0 = performance.now();
    const nll = await streamNll(model, heldOutStream);
    const perplexity = perplexityFromNll(nll.totalNll, nll.tokens).perplexity;
    const { texts } = await sample(o.sampleChars, 8, 8, `fluency-${step}`);
    const share = realWordShare(texts, realWords);
    evalMs += performance.now() - e0;
    ppl.push({ step, seconds: trainMs / 1000, value: perplexity });
    words.push({ step, seconds: trainMs / 1000, value: share });
    curve.push([step, round(lastLoss, 4), round(perplexity, 3), round(share, 4)]);
    console.error(
      `  step ${step}  ${(trainMs / 1000).toFixed(1)} s  loss ${lastLoss.toFixed(3)}  ppl ${perplexity.toFixed(3)}  words ${(100 * share).toFixed(1)}%`,
    );
    if (!o.full && perplexity <= o.pplBar && share >= o.wordsBar) break;
  }
  // One generation of the loop, estimated: its training at this speed, plus one held-out
  // evaluation and m = realChars characters sampled the way the loop samples them (64 a call, 32 at a time).
  const msPerStep = trainMs / Math.max(step, 1);
  const e0 = performance.now();
  await streamNll(model, heldOutStream);
  const evalSeconds = (performance.now() - e0) / 1000;
  const generated = await sample(s.realChars, 64, 32, 'fluency-generation');
  trainer.dispose();
  model.dispose();
  const wordsAt = stepsToThreshold(words, o.wordsBar, 'up');
  const pplAt = stepsToThreshold(ppl, o.pplBar, 'down');
  const bothStep = wordsAt.step !== null && pplAt.step !== null ? Math.max(wordsAt.step, pplAt.step) : null;
  const result = {
    setting: s,
    label,
    shape: {
      layers: shape.layers,
      width: shape.width,
      heads: shape.heads,
      context: shape.contextLength,
      mlpRatio: shape.mlpRatio,
    },
    params: parameterCount(shape),
    stepsRun: step,
    msPerStep: round(msPerStep, 1),
    cpuMsPerStep: round(trainCpuMs / Math.max(step, 1), 1),
    words: wordsAt,
    ppl: pplAt,
    bothStep,
    bothSeconds: bothStep === null ? null : round((bothStep * msPerStep) / 1000, 1),
    final: curve.at(-1) ?? null,
    sampleCharsPerSec: Math.round(generated.written / generated.seconds),
    generationSecondsAtBoth:
      bothStep === null ? null : round((bothStep * msPerStep) / 1000 + evalSeconds + generated.seconds, 1),
    benchEvalSeconds: round(evalMs / 1000, 1),
    curve,
  };
  console.error(
    `  -> ${o.wordsBar * 100}% words at ${wordsAt.step ?? '-'} (holds from ${wordsAt.stableStep ?? '-'}), ppl <= ${o.pplBar} at ${pplAt.step ?? '-'} ` +
      `(holds from ${pplAt.stableStep ?? '-'}), ${result.msPerStep} ms/step (${result.cpuMsPerStep} CPU), both at ${bothStep ?? '-'} steps = ${result.bothSeconds ?? '-'} s ` +
      `(one generation ~${result.generationSecondsAtBoth ?? '-'} s with ${s.realChars} chars sampled at ${result.sampleCharsPerSec}/s)`,
  );
  return result;
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      set: { type: 'string', multiple: true },
      grid: { type: 'string', multiple: true },
      'max-steps': { type: 'string', default: '2000' },
      every: { type: 'string', default: '100' },
      'sample-chars': { type: 'string', default: '3000' },
      words: { type: 'string', default: '0.9' },
      ppl: { type: 'string', default: '1.8' },
      full: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const base = (args.set ?? []).reduce(applySetting, BASE_SETTING);
  const settings = expandGrid(base, args.grid ?? []);
  const options: Options = {
    maxSteps: Math.max(1, Math.floor(Number(args['max-steps']))),
    every: Math.max(1, Math.floor(Number(args.every))),
    sampleChars: Math.max(100, Number(args['sample-chars'])),
    wordsBar: Number(args.words),
    pplBar: Number(args.ppl),
    full: args.full ?? false,
  };
  for (const [name, value] of Object.entries(options))
    if (Number.isNaN(value)) throw new Error(`--${name} must be a number`);
  const { useNodeBackend } = await import('./tf-node');
  await useNodeBackend('wasm');
  const runs = [];
  for (const s of settings) runs.push(await benchSetting(s, options));
  console.log(JSON.stringify({ backend: 'wasm', corpus: 'tiny-tales', ...options, runs }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
