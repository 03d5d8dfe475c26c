/**
 * A short, human-readable difference between two SimulationConfigs, for legends and the runs
 * list: "accumulate, real kept 10%" says what the overlaid run did differently from the run on
 * screen. Only settings that change what the charts show are named; most important first.
 */
import type { Paradigm, SimulationConfig } from '../../engine/config/schema';

/** The quality filter in a few words: one difference, whichever of its two parts changed. */
function filterWords(filter: SimulationConfig['filter']): string {
  const parts = [filter.keep < 1 ? `best ${pct(filter.keep)} kept` : '', filter.dedupe ? 'no duplicates' : ''].filter(Boolean);
  return parts.length === 0 ? 'unfiltered' : parts.join(', ');
}

const PARADIGM_WORDS: Record<Paradigm, string> = {
  replace: 'replace',
  accumulate: 'accumulate',
  'accumulate-subsample': 'accumulate + subsample',
  'fresh-data': 'fresh real data',
};

const pct = (share: number) => `${Number((share * 100).toPrecision(3))}%`;
const num = (n: number) => n.toLocaleString('en-US');

/** One describer per setting: the words for the run's value, or null when it matches. */
const DESCRIBERS: ((a: SimulationConfig, b: SimulationConfig) => string | null)[] = [
  (a, b) => (a.model.family !== b.model.family ? (a.model.family === 'ngram' ? 'count model' : 'transformer') : null),
  (a, b) => (a.paradigm !== b.paradigm ? PARADIGM_WORDS[a.paradigm] : null),
  (a, b) => (a.realKept !== b.realKept ? `real kept ${pct(a.realKept)}` : null),
  (a, b) => (a.contamination !== b.contamination ? `generated ${pct(a.contamination)} of D0` : null),
  (a, b) => (a.freshShare !== b.freshShare ? `fresh ${pct(a.freshShare)}` : null),
  (a, b) => (a.trainingSample !== b.trainingSample ? `sample ${pct(a.trainingSample)}` : null),
  (a, b) => (a.filter.keep !== b.filter.keep || a.filter.dedupe !== b.filter.dedupe ? filterWords(a.filter) : null),
  (a, b) => (a.decoding.temperature !== b.decoding.temperature ? `temperature ${a.decoding.temperature}` : null),
  (a, b) => (a.decoding.topK !== b.decoding.topK ? (a.decoding.topK === 0 ? 'no top-k' : `top-k ${a.decoding.topK}`) : null),
  (a, b) => (a.decoding.topP !== b.decoding.topP ? (a.decoding.topP === 1 ? 'no top-p' : `top-p ${a.decoding.topP}`) : null),
  (a, b) => (a.corpus.source !== b.corpus.source ? `${a.corpus.source} corpus` : null),
  (a, b) => (a.model.family === 'transformer' && a.model.size !== b.model.size ? `${a.model.size} model` : null),
  (a, b) => (a.model.family === 'ngram' && a.model.ngramOrder !== b.model.ngramOrder ? `order ${a.model.ngramOrder}` : null),
  (a, b) => (a.model.continueTraining !== b.model.continueTraining ? (a.model.continueTraining ? 'continued training' : 'fresh init') : null),
  (a, b) => (a.seed !== b.seed ? `seed ${a.seed}` : null),
  (a, b) => (a.corpus.realChars !== b.corpus.realChars ? `${num(a.corpus.realChars)} real chars` : null),
  (a, b) => (a.training.steps !== b.training.steps ? `${num(a.training.steps)} steps` : null),
  (a, b) => (a.training.budgetRule !== b.training.budgetRule ? (a.training.budgetRule === 'fixed-steps' ? 'same steps' : 'same passes') : null),
  (a, b) => (a.training.learningRate !== b.training.learningRate ? `lr ${a.training.learningRate}` : null),
  (a, b) => (a.training.batchSize !== b.training.batchSize ? `batch ${a.training.batchSize}` : null),
  (a, b) => (a.sampling.maxLength !== b.sampling.maxLength ? `samples ≤ ${num(a.sampling.maxLength)} chars` : null),
];

/** Most differences named; the rest are counted ("+2 more"), so a legend entry stays one line. */
export const MAX_NAMED_DIFFERENCES = 3;

/** Every difference of `run` from `reference`, in words, most important first. */
export function configDifferences(run: SimulationConfig, reference: SimulationConfig): string[] {
  return DESCRIBERS.map((describe) => describe(run, reference)).filter((d): d is string => d !== null);
}

/** "accumulate, real kept 10%", "same settings", or "count model, replace, seed 2 +1 more". */
export function configDiffLabel(run: SimulationConfig, reference: SimulationConfig | null): string {
  if (reference === null) return '';
  const differences = configDifferences(run, reference);
  if (differences.length === 0) return 'same settings';
  const named = differences.slice(0, MAX_NAMED_DIFFERENCES).join(', ');
  const rest = differences.length - MAX_NAMED_DIFFERENCES;
  return rest > 0 ? `${named} +${rest} more` : named;
}
