import { ERROR_PERPLEXITY } from '../metrics/perplexity-spread';
import type { GenerationReport, RunRecord } from './run-record';
import { wordCensusColumns } from './word-census-columns';

/** One flat row of numbers per generation: the columns of metrics.csv. */
export type MetricsRow = Record<string, number | string | null>;

const keyed = (prefix: string, values: Record<string, number>): MetricsRow =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}_${k}`, v]));

/** A field a run.json written before it existed reads as missing (empty in the CSV). */
const num = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

/**
 * Per-document perplexity under generation 0's model (GenerationZeroView): this generation's
 * documents and the real reference; empty where it was not measured.
 */
function generationZeroColumns(view: GenerationReport['underGenerationZero']): MetricsRow {
  return {
    gen0_ppl_median: view ? view.samples.median : null,
    gen0_ppl_p90: view ? view.samples.p90 : null,
    [`gen0_ppl_share_above_${ERROR_PERPLEXITY}`]: view ? view.samples.shareAboveError : null,
    gen0_real_ppl_median: view ? view.real.median : null,
    gen0_real_ppl_p90: view ? view.real.p90 : null,
  };
}

export function reportToRow(r: GenerationReport): MetricsRow {
  return {
    generation: r.generation,
    perplexity: r.perplexity,
    nll_per_char: r.nllPerChar,
    bits_per_char: r.bitsPerChar,
    exact_kl: r.exactKl,
    ...keyed('js', r.js),
    ...keyed('kl', r.kl),
    ...keyed('tv', r.tv),
    entropy: r.entropy,
    entropy_bigram: r.entropyBigram,
    collision: r.collision,
    ...keyed('distinct', r.distinct),
    ...keyed('lost_support', r.lostSupport),
    ...keyed('lost_mass', r.lostMass),
    ...keyed('extinct', r.extinct),
    loop_share: r.loopShare,
    mean_sample_length: r.meanSampleLength,
    cap_hit_share: r.capHitShare,
    ended_share: num(r.endedShare),
    real_word_share: num(r.realWordShare),
    precision: r.precision,
    recall: r.recall,
    evaluation_chars: r.generatedChars,
    real_share: r.realShare,
    training_real_share: r.trainingRealShare,
    corpus_chars: r.corpusChars,
    training_chars: r.trainingChars,
    written_chars: r.writtenChars,
    generated_budget_chars: num(r.generatedBudgetChars),
    written_documents: num(r.writtenDocuments),
    written_cut: r.writtenCut ? 1 : 0,
    held_out_tokens: num(r.heldOutTokens),
    floored_tokens: r.flooredTokens,
    filter_candidates: r.filter ? r.filter.candidates : null,
    filter_duplicates: r.filter ? r.filter.duplicates : null,
    filter_rejected: r.filter ? r.filter.rejected : null,
    judge_nll_all: r.filter ? r.filter.judgeNllAll : null,
    judge_nll_kept: r.filter ? r.filter.judgeNllKept : null,
    class_offered: r.classFilter?.offered ?? null,
    class_kept: r.classFilter?.kept ?? null,
    class_discarded: r.classFilter?.discarded ?? null,
    class_kept_chars: r.classFilter?.keptChars ?? null,
    class_filled_chars: r.classFilter?.filledChars ?? null,
    ...generationZeroColumns(r.underGenerationZero),
    train_loss: Number.isFinite(r.trainLoss) ? r.trainLoss : null,
    ...wordCensusColumns(r.wordCensus),
    duration_ms: Math.round(r.durationMs),
  };
}

/** Rows of a run, with the baseline perplexity on each row so a spreadsheet can plot both. */
export function runToRows(record: RunRecord): MetricsRow[] {
  return record.generations.map((g) => ({
    ...reportToRow(g),
    baseline_perplexity: record.baseline.perplexity,
  }));
}
