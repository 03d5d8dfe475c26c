/**
 * Seeded, splittable pseudo-random numbers. Every random choice in a run flows from
 * config.seed through `split`, so adding a random draw in one place (say, sampling) never
 * shifts the draws made elsewhere (say, weight initialisation): runs stay comparable.
 *
 * Generator: sfc32 (Small Fast Counting, 128-bit state), seeded by a string hash. It passes
 * PractRand to many terabytes and costs a few integer ops per draw.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform unsigned 32-bit integer. */
  nextU32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Index drawn with probability proportional to weights[i] (weights >= 0, sum > 0). */
  categorical(weights: ArrayLike<number>): number;
  /** Fisher-Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** An independent stream named by label: same parent seed + label = same stream. */
  split(label: string): Rng;
  /** The 32-bit seed this stream was built from (for recording/reproducing). */
  readonly seed: number;
}

/** 32-bit string/number hash (cyrb-style mixing), used to derive seeds. */
export function hash32(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(readonly seed: number) {
    this.a = hash32('a', seed);
    this.b = hash32('b', seed);
    this.c = hash32('c', seed);
    this.d = 1;
    // Discard the first outputs: sfc32 mixes a freshly seeded state in about a dozen rounds.
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.nextU32() / 4294967296;
  }

  int(n: number): number {
    if (!(n >= 1)) throw new RangeError(`rng.int needs n >= 1, got ${n}`);
    return Math.floor(this.next() * n);
  }

  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  categorical(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i];
    if (!(total > 0)) throw new RangeError('rng.categorical needs a positive total weight');
    let u = this.next() * total;
    let last = -1;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] <= 0) continue;
      last = i;
      u -= weights[i];
      if (u < 0) return i;
    }
    return last; // floating-point round-off: the last positive weight
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  split(label: string): Rng {
    return new Sfc32(hash32(label, this.seed));
  }
}

export function createRng(seed: number | string): Rng {
  const numeric = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
  return new Sfc32(numeric);
}
