/** Shape of a character-level GPT. Everything the parameters depend on, nothing else. */
export interface ModelShape {
  vocabSize: number;
  contextLength: number;
  layers: number;
  heads: number;
  width: number;
  /** Hidden width of each MLP as a multiple of `width` (GPT-2: 4). */
  mlpRatio: number;
}

export type ModelSizeName = 'micro' | 'tiny' | 'small' | 'medium';

/** Architecture presets; vocabSize is filled in from the corpus. */
export const MODEL_SIZES: Record<ModelSizeName, Omit<ModelShape, 'vocabSize'>> = {
  /** For tests and CI: trains in milliseconds per step on one core. */
  micro: { contextLength: 32, layers: 1, heads: 2, width: 32, mlpRatio: 4 },
  /** The classroom default: about 110k parameters with a ~60-symbol vocabulary. */
  tiny: { contextLength: 64, layers: 2, heads: 4, width: 64, mlpRatio: 4 },
  small: { contextLength: 128, layers: 4, heads: 4, width: 128, mlpRatio: 4 },
  medium: { contextLength: 256, layers: 6, heads: 8, width: 192, mlpRatio: 4 },
};

export function modelShape(size: ModelSizeName, vocabSize: number): ModelShape {
  return { ...MODEL_SIZES[size], vocabSize };
}

export function validateShape(shape: ModelShape): void {
  const { vocabSize, contextLength, layers, heads, width, mlpRatio } = shape;
  const positive = { vocabSize, contextLength, layers, heads, width, mlpRatio };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`model ${name} must be a positive integer, got ${value}`);
  }
  if (width % heads !== 0) throw new RangeError(`model width ${width} must be divisible by heads ${heads}`);
}

/** Number of trainable parameters, as the UI and the benchmark report it. */
export function parameterCount(shape: ModelShape): number {
  const { vocabSize: v, contextLength: t, layers, width: c, mlpRatio } = shape;
  const hidden = c * mlpRatio;
  const perLayer =
    2 * c + (c * 3 * c + 3 * c) + (c * c + c) + 2 * c + (c * hidden + hidden) + (hidden * c + c);
  return v * c + t * c + layers * perLayer + 2 * c + c * v + v;
}
