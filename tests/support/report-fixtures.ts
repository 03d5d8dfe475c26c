/** Hand-made reports and runs for the charts' and the runs list's unit tests: every value plain, so results can be computed by hand. */
import type { KeptRun } from '../../src/app/runs/kept/kept-run';
import { DEFAULT_CONFIG } from '../../src/engine/config/defaults';
import type { GenerationReport } from '../../src/engine/record';

export const byOrder = (a: number, b: number, c: number) => ({ 1: a, 2: b, 3: c });

/** A complete report; each test overrides what it is about. */
export function report(generation: number, over: Partial<GenerationReport> = {}): GenerationReport {
  return {
    generation,
    perplexity: 5 + generation,
    nllPerChar: Math.log(5 + generation),
    bitsPerChar: Math.log2(5 + generation),
    exactKl: null,
    realShare: 1,
    trainingRealShare: 1,
    corpusChars: 1000,
    trainingChars: 1000,
    writtenChars: 100,
    generatedBudgetChars: 100,
    writtenDocuments: 2,
    writtenCut: true,
    filter: null,
    heldOutTokens: 1000,
    flooredTokens: null,
    provenance: [{ origin: 'human', chars: 1000 }],
    extinct: { chars: 0, bigrams: 0, words: 0 },
    extinctChars: [],
    trainLoss: 1.5,
    samples: [`sample of generation ${generation}`],
    promptSamples: [],
    sampleNonWords: [],
    durationMs: 10,
    js: byOrder(0.01, 0.02, 0.03),
    kl: byOrder(0.1, 0.2, 0.3),
    tv: byOrder(0.05, 0.1, 0.2),
    entropy: 3,
    entropyBigram: 5,
    collision: 0.06,
    distinct: { 2: 0.4, 3: 0.6, 4: 0.8 },
    lostSupport: { chars: 0.01, bigrams: 0.2, words: 0.5 },
    lostMass: { chars: 0.001, bigrams: 0.01, words: 0.05 },
    loopShare: 0,
    meanSampleLength: 100,
    capHitShare: 0,
    endedShare: 1,
    realWordShare: 0.75,
    precision: 0.9,
    recall: 0.8,
    sampleCount: 10,
    generatedChars: 1000,
    ...over,
  };
}

export function keptRun(id: string, over: Partial<KeptRun> = {}): KeptRun {
  return {
    id,
    label: `run ${id}`,
    origin: 'live',
    status: 'complete',
    config: DEFAULT_CONFIG,
    baseline: { perplexity: 60, nllPerChar: Math.log(60) },
    generations: [report(0), report(1)],
    nStar: null,
    notices: [],
    createdAt: 0,
    pinned: false,
    overlaid: false,
    styleIndex: 0,
    ...over,
  };
}
