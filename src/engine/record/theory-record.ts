/**
 * TheoryRecord: what theory mode's many-run path writes into run.json (field `theory`). Plain
 * JSON: arrays of numbers, no typed arrays; a non-finite value is written as null.
 */
import type { Paradigm } from '../config/schema';
import type { DecodingSettings } from '../decoding';
import type { UnigramMetric } from '../counts/unigram-metrics';

/**
 * Median and 10th / 90th percentiles over runs, one entry per recorded generation, and the
 * mean: the closed forms are expectations, so the mean is what they are compared with.
 */
export interface Band {
  mean: (number | null)[];
  median: (number | null)[];
  p10: (number | null)[];
  p90: (number | null)[];
}

/** A closed form over the recorded generations, or why none applies to this setting. */
export type FormulaCurve =
  { formula: string; values: number[]; note?: string } | { formula: null; values: null; reason: string };

/** Token counts the unigram chain was built with (tokens = characters plus each document's EOD). */
export interface ChainTokens {
  /** N0: real tokens of D0. */
  realTokens: number;
  /** M: tokens each model fits, or null when it fits the whole corpus (replace, accumulate). */
  trainingTokens: number | null;
  /** m: generated tokens written back per generation. */
  generatedTokens: number;
  /** k: fresh real tokens per generation (fresh-data). */
  freshRealTokens: number;
  /** N: size of the replace corpus (max(N0, m)); N0 otherwise. */
  corpusTokens: number;
  /** lambda = m / N under replace, else null. */
  lambda: number | null;
  /** gamma: share of real data kept in every replace training set. */
  realKept: number;
  alpha: number;
  decoding: DecodingSettings;
}

export interface UnigramTheory {
  /** Symbol labels by vocabulary id (EOD and UNK as their labels). */
  symbols: string[];
  /** p0: the character unigram law of D0, documents' closing EOD counted. */
  initialLaw: number[];
  tokens: ChainTokens;
  bands: Record<UnigramMetric, Band>;
  fixation: {
    /** Share of runs absorbed into one symbol by each recorded generation. */
    absorbedShare: number[];
    /** First generation by which at least half the runs were absorbed (exact, not only recorded ones), or null. */
    halfAbsorbedGeneration: number | null;
    /** Per symbol: share of runs absorbed into it (theory: fixation.probabilityBySymbol). */
    fixedShareBySymbol: number[];
    /** Mean absorption generation over the runs absorbed within the horizon (censored), or null. */
    meanAbsorbedGeneration: number | null;
  };
  extinction: {
    /** Per symbol: share of runs in which its model probability reached 0 within the horizon. */
    extinctShareBySymbol: number[];
    /** Per symbol: mean first generation with probability 0, over the runs where that happened (censored), or null. */
    meanExtinctionGenerationBySymbol: (number | null)[];
  };
  /** Each run's outcome, for a histogram of where the runs ended. */
  perRun: {
    /** Generation absorbed into one symbol, or null if not within the horizon. */
    absorbedAt: (number | null)[];
    /** The symbol it was absorbed into, or null. */
    absorbedSymbol: (number | null)[];
    /** TV(p0, p_G) of the last model. */
    finalTv: number[];
  };
}

export interface TextTheory {
  /** Seeds of the runs (seed .. seed + R - 1): each draws its own real corpus split too. */
  seeds: number[];
  /** Baseline (untrained) perplexity of each run. */
  baselinePerplexity: number[];
  /** n* of each run (first generation within 5% of the baseline), or null. */
  nStar: (number | null)[];
  /** Held-out perplexity of each run's last generation. */
  finalPerplexity: number[];
  /** Bands of every numeric column of metrics.csv (metrics-table.ts names), by column. */
  bands: Record<string, Band>;
}

export interface TheoryFormulas {
  /** Real-data weight as the simulation measures it (see its formula string). */
  realWeight: FormulaCurve;
  /** Mean collision probability E[S_n] of the model's law. */
  collision: FormulaCurve;
  /** Probability that the chain fixes on each symbol, by vocabulary id. */
  fixationProbability:
    { formula: string; bySymbol: number[] } | { formula: null; bySymbol: null; reason: string };
  /** Share of runs absorbed by generation n has no closed form; the mean time to absorption does (approximately). */
  fixationTime:
    | { formula: string; approximation: string; effectiveSampleSize: number; expectedGeneration: number }
    | { formula: null; reason: string };
  /** Mean extinction generation of each symbol, given that it goes extinct. */
  extinctionTime:
    | {
        formula: string;
        approximation: string;
        effectiveSampleSize: number;
        expectedGenerationBySymbol: (number | null)[];
      }
    | { formula: null; reason: string };
  /** Mean-field drift of the models' law from p0 under a biased error b per generation, in TV units. */
  biasedDrift:
    | {
        bias: number;
        /** D: the distance from p0 at which the drift saturates (the biased map's fixed point). */
        limit: number;
        biasDefinition: string;
        replace: number[];
        accumulateSubsample: number[];
        thisParadigm: { paradigm: Paradigm; formula: string; values: number[] };
        note: string;
      }
    | { bias: 0 | null; reason: string };
}

export interface TheoryRecord {
  version: 1;
  /** unigram-chain: the exact fast recursion (order 0); text-loop: R runs of the generation loop over text. */
  method: 'unigram-chain' | 'text-loop';
  /** The n-gram order simulated (0 for the chain, even when the config asked for more: see notes). */
  ngramOrder: number;
  status: 'complete' | 'cancelled';
  runsRequested: number;
  /** Runs that finished (fewer than requested only when cancelled). */
  runs: number;
  generations: number;
  /** The generations the bands and formulas are given at (same index in every array). */
  recordedGenerations: number[];
  /** How recordedGenerations were chosen and what a generation index means here. */
  recording: string;
  seconds: number;
  notes: string[];
  formulas: TheoryFormulas;
  unigram?: UnigramTheory;
  text?: TextTheory;
}
