import { mergeConfig } from './validate';

/** Short names for the keys people set most, so `--set model=ngram` reads naturally. */
export const KEY_ALIASES: Record<string, string> = {
  model: 'model.family',
  family: 'model.family',
  size: 'model.size',
  order: 'model.ngramOrder',
  alpha: 'model.ngramAlpha',
  continue: 'model.continueTraining',
  corpus: 'corpus.source',
  realChars: 'corpus.realChars',
  heldOutChars: 'corpus.heldOutChars',
  steps: 'training.steps',
  budget: 'training.budgetRule',
  batch: 'training.batchSize',
  batchSize: 'training.batchSize',
  lr: 'training.learningRate',
  learningRate: 'training.learningRate',
  temperature: 'decoding.temperature',
  topK: 'decoding.topK',
  topP: 'decoding.topP',
  maxLength: 'sampling.maxLength',
  keep: 'filter.keep',
  dedupe: 'filter.dedupe',
  sampler: 'sampling.sampler',
  evalChars: 'evaluation.sampleChars',
  workers: 'compute.workers',
};

function parseValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/**
 * Applies `key=value` assignments (dotted paths or aliases) to a partial config. Values that
 * look like numbers or booleans become them; validation happens later, against the schema.
 */
export function applyAssignments(partial: unknown, assignments: readonly string[]): unknown {
  let out: unknown = partial ?? {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new Error(`--set expects key=value, got "${assignment}"`);
    const rawKey = assignment.slice(0, eq).trim();
    const path = (KEY_ALIASES[rawKey] ?? rawKey).split('.');
    let patch: unknown = parseValue(assignment.slice(eq + 1).trim());
    for (let i = path.length - 1; i >= 0; i--) patch = { [path[i]]: patch };
    out = mergeConfig(out, patch);
  }
  return out;
}
