/**
 * Decoding: turn next-symbol logits into the law actually sampled from. Shared by the
 * transformer's sampler and the count model, so "temperature 0.7, top-k 20" means the same
 * thing in both families.
 */
export interface DecodingSettings {
  /** > 0; 1 leaves the law unchanged, lower sharpens it, higher flattens it. */
  temperature: number;
  /** Keep only the k most likely symbols; 0 = no limit. */
  topK: number;
  /** Keep the smallest set of most likely symbols whose mass reaches p; 1 = no limit. */
  topP: number;
}

export const PLAIN_DECODING: DecodingSettings = { temperature: 1, topK: 0, topP: 1 };

/**
 * Probabilities after temperature, top-k and top-p (in that order, as in HF transformers),
 * renormalised. Excluded symbols get exactly 0, so they can never be sampled.
 * `out` may be passed to avoid allocation in hot loops.
 */
export function decodeLogits(
  logits: ArrayLike<number>,
  settings: DecodingSettings,
  out: Float64Array = new Float64Array(logits.length),
): Float64Array {
  const n = logits.length;
  const t = Math.max(settings.temperature, 1e-4); // temperature 0 behaves as greedy argmax
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.exp((logits[i] - max) / t);
    out[i] = p;
    sum += p;
  }
  for (let i = 0; i < n; i++) out[i] /= sum;
  const needK = settings.topK > 0 && settings.topK < n;
  const needP = settings.topP < 1;
  if (!needK && !needP) return out;

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => out[b] - out[a] || a - b);
  let keep = needK ? settings.topK : n;
  if (needP) {
    let mass = 0;
    for (let r = 0; r < keep; r++) {
      mass += out[order[r]];
      // Mass is measured after top-k renormalisation, so keep the prefix within the top k.
      if (mass >= settings.topP * (needK ? massOf(out, order, keep) : 1) - 1e-12) {
        keep = r + 1;
        break;
      }
    }
  }
  let kept = 0;
  for (let r = 0; r < n; r++) {
    if (r < keep) kept += out[order[r]];
    else out[order[r]] = 0;
  }
  for (let i = 0; i < n; i++) out[i] /= kept;
  return out;
}

function massOf(p: Float64Array, order: number[], k: number): number {
  let m = 0;
  for (let r = 0; r < k; r++) m += p[order[r]];
  return m;
}

/** Convenience: decode log-probabilities or logits given as probabilities (count models). */
export function decodeProbabilities(
  probs: ArrayLike<number>,
  settings: DecodingSettings,
  out: Float64Array = new Float64Array(probs.length),
): Float64Array {
  const logits = new Float64Array(probs.length);
  for (let i = 0; i < probs.length; i++) logits[i] = probs[i] > 0 ? Math.log(probs[i]) : -Infinity;
  return decodeLogits(logits, settings, out);
}
