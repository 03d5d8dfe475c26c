import type { SimulationConfig } from '../../../engine/config/schema';
import { modelShape, parameterCount } from '../../../engine/model/shape';

type ModelSize = SimulationConfig['model']['size'];

/** Vocabulary the parameter counts are quoted for: about what the built-in corpora give. */
const TYPICAL_VOCABULARY = 60;

function formatParams(size: ModelSize): string {
  const n = parameterCount(modelShape(size, TYPICAL_VOCABULARY));
  return n >= 1e6 ? `≈${(n / 1e6).toFixed(1)}M parameters` : `≈${Math.round(n / 1e3)}k parameters`;
}

/** What each size means to a teacher: only what was measured (docs/SCIENCE.md, "Budgets"). */
export const MODEL_SIZE_INFO: Readonly<Record<ModelSize, { label: string; params: string; note: string }>> = {
  micro: {
    label: 'Micro',
    params: formatParams('micro'),
    note: 'for quick checks: about a quarter of its words are real',
  },
  tiny: {
    label: 'Tiny',
    params: formatParams('tiny'),
    note: 'the classroom default: with the default budget about 90% of its words are real',
  },
  small: {
    label: 'Small',
    params: formatParams('small'),
    note: 'several times the work per step; not tuned here',
  },
  medium: { label: 'Medium', params: formatParams('medium'), note: 'for a fast GPU; not tuned here' },
};
