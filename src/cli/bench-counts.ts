/**
 * Benchmark of the count model (theory mode). Run: npx tsx src/cli/bench-counts.ts
 *
 * 1. Unigram recursion, 64 Zipf symbols, M = m = 10,000 tokens, fully synthetic replace:
 *    generations per second for the bare step and with all per-generation metrics recorded
 *    (median of timed batches after a warm-up); then accumulate-subsample (real data keeps all
 *    64 symbols alive, so no batch gets cheap by collapse) and a top-k decoding setting.
 * 2. 100 runs x 1,000 generations of the same setting with bands (the theory page's work).
 * 3. Trigram NgramModel refit + sample loop on ~300 kB of tiny-tales text: generations per second.
 * Human-readable lines first; the LAST line is one JSON object of the figures.
 */
import { createRng } from '../engine/rng';
import { PLAIN_DECODING } from '../engine/decoding';
import { buildVocabulary } from '../engine/text/vocabulary';
import { generateTinyTales } from '../engine/text/tiny-tales';
import { UnigramChain, type UnigramChainConfig } from '../engine/counts/unigram-chain';
import { runUnigramChain } from '../engine/counts/unigram-run';
import { runManyUnigramChains } from '../engine/counts/many-runs';
import { NgramModel } from '../engine/counts/ngram-model';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : 0.5 * (s[mid - 1] + s[mid]);
}

/** Median rate (units per second) over batches, after one untimed warm-up batch. */
function rate(batches: number, unitsPerBatch: number, batch: (i: number) => void): number {
  batch(-1);
  const rates: number[] = [];
  for (let i = 0; i < batches; i++) {
    const t0 = performance.now();
    batch(i);
    rates.push(unitsPerBatch / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

const unigram: UnigramChainConfig = {
  initialLaw: Array.from({ length: 64 }, (_, i) => 1 / (i + 1)),
  paradigm: 'replace',
  trainingTokens: 10_000,
  generatedTokens: 10_000,
  corpusTokens: 10_000,
};

// Batches of 1,000 generations from a fresh chain: a long fully synthetic run collapses onto a
// few symbols, where a step is nearly free, so long batches would flatter the figure.
const stepOnly = rate(21, 1000, (i) => {
  const chain = new UnigramChain(unigram, createRng(`step-${i}`));
  for (let g = 0; g < 1000; g++) chain.step();
});
console.log(
  `unigram K=64 M=m=10,000 replace: ${stepOnly.toFixed(0)} generations/s (step only, first 1,000 generations)`,
);

const withMetrics = rate(21, 1000, (i) => runUnigramChain(unigram, 1000, createRng(`metrics-${i}`)));
console.log(`unigram K=64 M=m=10,000 replace: ${withMetrics.toFixed(0)} generations/s (with all metrics)`);

const subsample: UnigramChainConfig = { ...unigram, paradigm: 'accumulate-subsample', generatedTokens: 100 };
const subsampleRate = rate(7, 20_000, (i) => runUnigramChain(subsample, 20_000, createRng(`sub-${i}`)));
console.log(
  `unigram K=64 M=10,000 m=100 accumulate-subsample: ${subsampleRate.toFixed(0)} generations/s (with metrics)`,
);

const topK: UnigramChainConfig = { ...unigram, decoding: { temperature: 0.8, topK: 20, topP: 1 } };
const topKRate = rate(5, 10_000, (i) => runUnigramChain(topK, 10_000, createRng(`topk-${i}`)));
console.log(
  `unigram K=64 M=m=10,000 replace, T=0.8 top-k 20: ${topKRate.toFixed(0)} generations/s (with metrics)`,
);

const t0 = performance.now();
runManyUnigramChains(unigram, { runs: 100, generations: 1000, seed: 'bench' });
const manySeconds = (performance.now() - t0) / 1000;
console.log(`100 runs x 1,000 generations with median/p10/p90 bands: ${manySeconds.toFixed(2)} s`);

// Trigram on text: the model refits on its own samples each generation (fully synthetic).
const stories = generateTinyTales({ seed: 1, minChars: 300_000 });
const vocabulary = buildVocabulary(stories);
let documents = stories.map((s) => vocabulary.encode(s));
const chars = documents.reduce((n, d) => n + d.length, 0);
const maxLength = Math.max(...documents.map((d) => d.length));
const sampleRng = createRng('trigram');
const fitTimes: number[] = [];
const sampleTimes: number[] = [];
for (let g = 0; g < 8; g++) {
  const f0 = performance.now();
  const model = NgramModel.fit(documents, { order: 2, vocabularySize: vocabulary.size });
  const f1 = performance.now();
  documents = model.sampleDocuments(stories.length, maxLength, PLAIN_DECODING, sampleRng);
  const f2 = performance.now();
  if (g > 0) {
    fitTimes.push(f1 - f0);
    sampleTimes.push(f2 - f1);
  }
}
const fitMs = median(fitTimes);
const sampleMs = median(sampleTimes);
const trigramRate = 1000 / (fitMs + sampleMs);
console.log(
  `trigram on tiny-tales (${(chars / 1000).toFixed(0)} kB, V=${vocabulary.size}): refit ${fitMs.toFixed(1)} ms + ` +
    `sample ${sampleMs.toFixed(1)} ms = ${trigramRate.toFixed(2)} generations/s`,
);

console.log(
  JSON.stringify({
    unigramStepGenerationsPerSecond: Math.round(stepOnly),
    unigramWithMetricsGenerationsPerSecond: Math.round(withMetrics),
    unigramAccumulateSubsampleGenerationsPerSecond: Math.round(subsampleRate),
    unigramTopKGenerationsPerSecond: Math.round(topKRate),
    manyRuns100x1000Seconds: +manySeconds.toFixed(3),
    trigramCorpusChars: chars,
    trigramRefitMs: +fitMs.toFixed(2),
    trigramSampleMs: +sampleMs.toFixed(2),
    trigramGenerationsPerSecond: +trigramRate.toFixed(3),
  }),
);
