/**
 * R runs of the unigram chain for G generations, measured only at the recorded generations
 * (runManyUnigramChains keeps every generation of every run: 10^6 generations x 100 runs would
 * not fit in memory). Absorption and extinction are still checked every generation, so the
 * fixation summary is exact. Run r uses the stream createRng(seed).split(`run-${r}`), the same
 * as runManyUnigramChains, so both agree draw for draw on a common horizon.
 */
import { fixationSummary } from '../counts/many-runs';
import { UnigramChain, type UnigramChainConfig } from '../counts/unigram-chain';
import {
  measureUnigram,
  UNIGRAM_METRICS,
  UnigramReference,
  type UnigramMetric,
} from '../counts/unigram-metrics';
import { createRng } from '../rng';
import { bandOf } from './bands';
import type { UnigramTheory } from '../record';

export interface UnigramRunsOptions {
  runs: number;
  generations: number;
  seed: number | string;
  /** Sorted distinct generations in [0, generations] at which metrics are measured. */
  recorded: readonly number[];
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export type UnigramRunsResult = Pick<UnigramTheory, 'bands' | 'fixation' | 'extinction' | 'perRun'> & {
  /** Runs finished (fewer than asked only when cancelled). */
  runs: number;
  cancelled: boolean;
};

/** Hand control back to the event loop (an abort signal or a UI message gets its turn) this often. */
const YIELD_EVERY_MS = 50;
const TV = UNIGRAM_METRICS.indexOf('tv');
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface OneRun {
  absorbedAt: number;
  absorbedSymbol: number;
  extinction: Int32Array;
  finalTv: number;
}

export async function runUnigramChains(
  config: UnigramChainConfig,
  options: UnigramRunsOptions,
): Promise<UnigramRunsResult> {
  const { runs, generations, recorded } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be an integer >= 1, got ${runs}`);
  if (recorded.length === 0 || recorded[0] < 0 || recorded[recorded.length - 1] > generations) {
    throw new RangeError('recorded generations must lie in [0, generations]');
  }
  const root = createRng(options.seed);
  const metricCount = UNIGRAM_METRICS.length;
  const points = recorded.length;
  // values[metric][point * runs + run]: each recorded generation's runs are contiguous to sort.
  const values = Array.from({ length: metricCount }, () => new Float64Array(points * runs));
  const row = new Float64Array(metricCount);
  const done: OneRun[] = [];
  const total = runs * generations;
  let lastYield = performance.now();
  let cancelled = false;

  for (let r = 0; r < runs && !cancelled; r++) {
    const chain = new UnigramChain(config, root.split(`run-${r}`));
    const reference = new UnigramReference(chain.config.initialLaw);
    const k = chain.symbols;
    const extinction = new Int32Array(k).fill(-1);
    let absorbedAt = -1;
    let absorbedSymbol = -1;
    let next = 0; // index into recorded
    for (let g = 0; g <= generations; g++) {
      if (g > 0) chain.step();
      const law = chain.modelLaw;
      let support = 0;
      let last = -1;
      for (let i = 0; i < k; i++) {
        if (law[i] > 0) {
          support++;
          last = i;
        } else if (extinction[i] < 0 && reference.law[i] > 0) extinction[i] = g;
      }
      if (support === 1 && absorbedAt < 0) {
        absorbedAt = g;
        absorbedSymbol = last;
      }
      if (next < points && recorded[next] === g) {
        measureUnigram(law, reference, chain.realWeight, row);
        for (let j = 0; j < metricCount; j++) values[j][next * runs + r] = row[j];
        next++;
      }
      if ((g & 255) === 0 && performance.now() - lastYield > YIELD_EVERY_MS) {
        options.onProgress?.(r * generations + g, total);
        await yieldToEventLoop();
        lastYield = performance.now();
        if (options.signal?.aborted) {
          cancelled = true;
          break;
        }
      }
    }
    if (!cancelled)
      done.push({
        absorbedAt,
        absorbedSymbol,
        extinction,
        finalTv: measureUnigram(chain.modelLaw, reference, 1, row)[TV],
      });
  }
  if (done.length === 0) throw new Error('cancelled before the first run finished');
  const finished = done.length;
  options.onProgress?.(finished * generations, total);

  const bands = {} as Record<UnigramMetric, ReturnType<typeof bandOf>>;
  UNIGRAM_METRICS.forEach((name, j) => {
    // A cancelled run left its column partly filled: band only the finished runs.
    const kept = finished === runs ? values[j] : compactRuns(values[j], points, runs, finished);
    bands[name] = bandOf(kept, points, finished);
  });
  const summary = fixationSummary(
    done.map((d) => d.absorbedAt),
    done.map((d) => d.absorbedSymbol),
    generations,
    config.initialLaw.length,
  );
  const absorbed = done.filter((d) => d.absorbedAt >= 0);
  const symbols = config.initialLaw.length;
  const extinctShareBySymbol: number[] = [];
  const meanExtinctionGenerationBySymbol: (number | null)[] = [];
  for (let i = 0; i < symbols; i++) {
    const times = done.map((d) => d.extinction[i]).filter((t) => t >= 0);
    extinctShareBySymbol.push(times.length / finished);
    meanExtinctionGenerationBySymbol.push(
      times.length ? times.reduce((a, b) => a + b, 0) / times.length : null,
    );
  }
  return {
    runs: finished,
    cancelled,
    bands,
    fixation: {
      absorbedShare: recorded.map((g) => summary.absorbedShare[g]),
      halfAbsorbedGeneration: summary.halfAbsorbedGeneration,
      fixedShareBySymbol: Array.from(summary.fixedShareBySymbol),
      meanAbsorbedGeneration: absorbed.length
        ? absorbed.reduce((s, d) => s + d.absorbedAt, 0) / absorbed.length
        : null,
    },
    extinction: { extinctShareBySymbol, meanExtinctionGenerationBySymbol },
    perRun: {
      absorbedAt: done.map((d) => (d.absorbedAt >= 0 ? d.absorbedAt : null)),
      absorbedSymbol: done.map((d) => (d.absorbedSymbol >= 0 ? d.absorbedSymbol : null)),
      finalTv: done.map((d) => d.finalTv),
    },
  };
}

/** values laid out [point * runs + run] -> the same for the first `keep` runs only. */
function compactRuns(values: Float64Array, points: number, runs: number, keep: number): Float64Array {
  const out = new Float64Array(points * keep);
  for (let i = 0; i < points; i++) out.set(values.subarray(i * runs, i * runs + keep), i * keep);
  return out;
}
