/**
 * The paper's remedy: data quality. Before a generation's text enters the corpus, a judge that
 * has only ever seen real text (a smoothed count model of D0) scores every candidate document
 * by its negative log-likelihood per character, and only the best-scored share `keep` of the
 * candidates enters; with `dedupe`, a document that is already in the corpus or repeats an
 * earlier candidate is dropped first. The written amount stays the m characters the settings
 * name: the generation draws about m / keep characters of candidates to choose from.
 */
import { NgramModel } from '../counts/ngram-model';
import type { Vocabulary } from '../text/vocabulary';

export interface QualityFilterSettings {
  /** Share of the candidate text kept, best-scored first; 1 keeps everything (no filter). */
  keep: number;
  /** Drop documents already in the corpus or repeated within the generation. */
  dedupe: boolean;
}

/** Scores a document: mean negative log-likelihood per character (with its end) under real text. */
export type Judge = (text: string) => number;

/** Context length of the judge's count model: enough to know English spelling from noise. */
export const JUDGE_ORDER = 3;
/** Add-alpha smoothing of the judge, so an unseen event costs a lot but not infinity. */
const JUDGE_ALPHA = 0.01;

export function createRealTextJudge(real: readonly string[], vocabulary: Vocabulary): Judge {
  const model = NgramModel.fit(
    real.map((t) => vocabulary.encode(t)),
    { order: JUDGE_ORDER, vocabularySize: vocabulary.size, alpha: JUDGE_ALPHA },
  );
  return (text) => model.logLikelihood([vocabulary.encode(text)]).nllPerToken;
}

/** Whether the settings filter anything at all. */
export const filters = (settings: QualityFilterSettings): boolean => settings.keep < 1 || settings.dedupe;

/** Characters of candidates to draw so that the filter can keep `budget` of them. */
export const candidateChars = (budget: number, settings: QualityFilterSettings): number =>
  Math.ceil(budget / settings.keep);

export interface FilterResult {
  /**
   * The documents that enter, in the order they were generated: exactly `budget` characters
   * when the candidates hold them (the worst-scored document kept is cut to fit).
   */
  kept: string[];
  /** Characters in `kept`, and whether its worst-scored document was cut to fit the budget. */
  chars: number;
  cut: boolean;
  /** Documents offered, dropped as duplicates, and dropped by the judge. */
  candidates: number;
  duplicates: number;
  rejected: number;
  /** Mean judge score (nats per character) of all candidates and of the kept ones. */
  judgeNllAll: number;
  judgeNllKept: number;
}

const meanOf = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Chooses the documents that enter: duplicates out (when asked), then the best-scored documents
 * until `budget` characters are covered. Documents stay in generation order, so the filter
 * changes which text enters, never where it sits.
 */
export function filterGenerated(
  candidates: readonly string[],
  budget: number,
  settings: QualityFilterSettings,
  judge: Judge,
  alreadyInCorpus: ReadonlySet<string> = new Set(),
): FilterResult {
  const seen = new Set<string>();
  const unique: number[] = [];
  candidates.forEach((text, i) => {
    if (settings.dedupe && (alreadyInCorpus.has(text) || seen.has(text))) return;
    seen.add(text);
    unique.push(i);
  });
  const scores = new Map(unique.map((i) => [i, judge(candidates[i])]));
  const ranked =
    settings.keep < 1
      ? [...unique].sort((a, b) => (scores.get(a) as number) - (scores.get(b) as number) || a - b)
      : unique;
  const chosen = new Map<number, string>();
  let covered = 0;
  let cut = false;
  for (const i of ranked) {
    if (covered >= budget) break;
    const chars = Array.from(candidates[i]);
    const room = budget - covered;
    cut = chars.length > room;
    chosen.set(i, cut ? chars.slice(0, room).join('') : candidates[i]);
    covered += Math.min(chars.length, room);
  }
  const order = [...chosen.keys()].sort((a, b) => a - b);
  return {
    kept: order.map((i) => chosen.get(i) as string),
    chars: covered,
    cut,
    candidates: candidates.length,
    duplicates: candidates.length - unique.length,
    rejected: unique.length - chosen.size,
    judgeNllAll: meanOf([...scores.values()]),
    judgeNllKept: meanOf(order.map((i) => scores.get(i) as number)),
  };
}
