import type { SimulationConfig } from '../../engine/config/schema';

type ModelSize = SimulationConfig['model']['size'];

/**
 * What each size means to a teacher. The parameter counts are for a ~60-character vocabulary,
 * computed with engine/model/config's parameterCount (which the page may not import: that
 * folder is the worker's); update them if MODEL_SIZES changes.
 */
export const MODEL_SIZE_INFO: Readonly<Record<ModelSize, { label: string; params: string; note: string }>> = {
  micro: { label: 'Micro', params: '≈18k parameters', note: 'for quick checks; barely learns words' },
  tiny: { label: 'Tiny', params: '≈110k parameters', note: 'the classroom default: writes English in seconds' },
  small: { label: 'Small', params: '≈0.8M parameters', note: 'writes better, several times slower' },
  medium: { label: 'Medium', params: '≈2.7M parameters', note: 'best text; wants a fast GPU' },
};
