/**
 * Repetition and diversity of generated text: distinct-n, loops, sample lengths.
 */
import { countCharNgramsByOrder, type NgramCounts } from './ngrams';

/** distinct-n: distinct / total n-grams of a table; 0 when there are none (nothing diverse). */
export function distinctRatio(table: NgramCounts): number {
  return table.total > 0 ? table.counts.size / table.total : 0;
}

/** distinct-n of character n-grams, pooled over documents (n-grams inside documents only). */
export function distinctN(documents: readonly string[], n: number): number {
  return distinctRatio(countCharNgramsByOrder(documents, [n]).get(n) as NgramCounts);
}

export interface LoopOptions {
  /** Longest repeated unit, in characters (code points). */
  maxUnitLength?: number;
  /** Fewest repeats of the unit (the periodic stretch must be at least this many units long). */
  minRepeats?: number;
  /** Least share of the trimmed document the periodic stretch must cover. */
  minCoverage?: number;
}

export const DEFAULT_LOOP_OPTIONS: Required<LoopOptions> = {
  maxUnitLength: 16,
  minRepeats: 3,
  minCoverage: 0.9,
};

/**
 * Length of the longest stretch of `chars` that is periodic with some period p <= maxUnitLength
 * and at least minRepeats * p long, with that p. A stretch [s, e) has period p when
 * chars[i] === chars[i + p] for s <= i < e - p; it may end in a partial unit (a length cap cuts
 * loops mid-unit). Smallest period wins ties. O(maxUnitLength * length).
 */
export function longestPeriodicRun(
  chars: readonly string[],
  options: LoopOptions = {},
): { length: number; period: number } {
  const { maxUnitLength, minRepeats } = { ...DEFAULT_LOOP_OPTIONS, ...options };
  let best = { length: 0, period: 0 };
  for (let p = 1; p <= maxUnitLength && p < chars.length; p++) {
    let runStart = 0; // positions i in [runStart, i) all satisfy chars[i] === chars[i + p]
    for (let i = 0; i <= chars.length - p; i++) {
      const matches = i < chars.length - p && chars[i] === chars[i + p];
      if (!matches) {
        const length = i - runStart + p; // the stretch [runStart, i + p)
        if (length >= minRepeats * p && length > best.length) best = { length, period: p };
        runStart = i + 1;
      }
    }
  }
  return best;
}

/**
 * A document is a loop when, after trimming whitespace at both ends, one periodic stretch with a
 * unit of at most 16 characters, repeated at least 3 times, covers at least 90% of it
 * ("abcabcabcabc", "the the the the", "aaaaaaa", "xyzxyzxyzxy" cut by the cap). Empty documents
 * are not loops (an empty sample is a different symptom).
 */
export function isLoop(doc: string, options: LoopOptions = {}): boolean {
  const { minCoverage } = { ...DEFAULT_LOOP_OPTIONS, ...options };
  const chars = Array.from(doc.trim());
  if (chars.length === 0) return false;
  return longestPeriodicRun(chars, options).length >= minCoverage * chars.length;
}

/** Share of documents that are loops; 0 for no documents. */
export function loopShare(documents: readonly string[], options: LoopOptions = {}): number {
  if (documents.length === 0) return 0;
  let loops = 0;
  for (const doc of documents) if (isLoop(doc, options)) loops++;
  return loops / documents.length;
}

export interface SampleLengthStats {
  meanSampleLength: number;
  /** Share of samples that hit the length cap. */
  capHitShare: number;
  /** Share of samples the model ended itself (its end-of-document symbol): 1 - capHitShare. */
  endedShare: number;
}

/**
 * Mean length, share of samples stopped by the length cap and share ended by the model. A flag
 * per sample (the generator knows whether it stopped at EOD or at the cap) is exact; without
 * flags a sample hits the cap when its length >= lengthCap, which also counts a sample that
 * ended by EOD exactly at the cap. A document cut to fit a character budget is the loop's doing,
 * not the model's: pass its whole length and its own stop. No samples: all 0.
 */
export function sampleLengthStats(
  lengths: readonly number[],
  lengthCap: number,
  hitCap?: readonly boolean[],
): SampleLengthStats {
  if (hitCap && hitCap.length !== lengths.length) {
    throw new RangeError(`hitCap has ${hitCap.length} flags for ${lengths.length} samples`);
  }
  if (lengths.length === 0) return { meanSampleLength: 0, capHitShare: 0, endedShare: 0 };
  let sum = 0;
  let hits = 0;
  for (let i = 0; i < lengths.length; i++) {
    sum += lengths[i];
    if (hitCap ? hitCap[i] : lengths[i] >= lengthCap) hits++;
  }
  return {
    meanSampleLength: sum / lengths.length,
    capHitShare: hits / lengths.length,
    endedShare: (lengths.length - hits) / lengths.length,
  };
}

/** Length of a document in characters (code points), the unit lengths are measured in. */
export function charLength(doc: string): number {
  let n = 0;
  for (let i = 0; i < doc.length; i++) {
    const code = doc.charCodeAt(i);
    const isLow = code >= 0xdc00 && code <= 0xdfff;
    const prev = i > 0 ? doc.charCodeAt(i - 1) : 0;
    if (!(isLow && prev >= 0xd800 && prev <= 0xdbff)) n++; // a surrogate pair is one code point
  }
  return n;
}
