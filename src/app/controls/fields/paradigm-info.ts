import type { Paradigm } from '../../../engine/config/schema';

/** One line per paradigm, in the words a class can follow (docs/SCIENCE.md has the formulas). */
export const PARADIGM_INFO: Readonly<Record<Paradigm, { label: string; explanation: string }>> = {
  replace: {
    label: 'Replace',
    explanation:
      'Generated text swaps out old text; the corpus keeps its size and real text drains away (the seed paper).',
  },
  accumulate: {
    label: 'Accumulate',
    explanation: 'Generated text is added and nothing leaves; each model trains on the whole growing corpus.',
  },
  'accumulate-subsample': {
    label: 'Accumulate, train on a sample',
    explanation:
      'Generated text is added; each model trains on a fixed-size sample, so the real share still falls toward zero.',
  },
  'fresh-data': {
    label: 'Fresh real data',
    explanation:
      'New human text enters every generation beside the generated text: the counter-example that stays stable.',
  },
};
