/**
 * Per-generation metrics of the unigram recursion, measured on the fitted law p_n of the
 * generation's model against the real law p0 (docs/SCIENCE.md, "What is measured each generation"). They are written
 * into a flat Float64Array indexed by UNIGRAM_METRICS so that thousands of generations per
 * second allocate nothing.
 */
export const UNIGRAM_METRICS = [
  'entropy', // nats
  'collision', // S = sum p^2
  'support', // symbols with p > 0
  'lostSupportShare', // share of the real support with p_n = 0
  'lostRealMass', // real mass p0 of the symbols with p_n = 0
  'tv', // total variation (p0, p_n)
  'js', // Jensen-Shannon divergence (p0, p_n), bits
  'kl', // KL(p0 || p_n) with add-epsilon smoothing of p_n, nats
  'realWeight', // share of real tokens in the corpus after the generation's write-back
] as const;

export type UnigramMetric = (typeof UNIGRAM_METRICS)[number];

export const METRIC_INDEX = Object.fromEntries(UNIGRAM_METRICS.map((name, i) => [name, i])) as Record<
  UnigramMetric,
  number
>;

/** Default epsilon of KL(real || model): mass added to every model symbol before renormalising. */
export const DEFAULT_KL_EPSILON = 1e-6;

/** The real law with what every measurement reuses (logs, support) computed once. */
export class UnigramReference {
  readonly law: Float64Array;
  readonly logLaw: Float64Array;
  readonly supportSize: number;

  constructor(
    law: ArrayLike<number>,
    readonly klEpsilon = DEFAULT_KL_EPSILON,
  ) {
    this.law = Float64Array.from(law);
    this.logLaw = this.law.map((p) => (p > 0 ? Math.log(p) : 0));
    this.supportSize = this.law.reduce((n, p) => n + (p > 0 ? 1 : 0), 0);
  }
}

/** Fills out (length UNIGRAM_METRICS.length) with the metrics of law q against the reference. */
export function measureUnigram(
  q: ArrayLike<number>,
  reference: UnigramReference,
  realWeight: number,
  out: Float64Array = new Float64Array(UNIGRAM_METRICS.length),
): Float64Array {
  const p = reference.law;
  const logP = reference.logLaw;
  const eps = reference.klEpsilon;
  const klNorm = Math.log(1 + eps * q.length);
  let entropy = 0;
  let collision = 0;
  let support = 0;
  let lostSupport = 0;
  let lostMass = 0;
  let tv = 0;
  let js = 0;
  let kl = 0;
  for (let i = 0; i < q.length; i++) {
    const qi = q[i];
    const pi = p[i];
    const logQ = qi > 0 ? Math.log(qi) : 0;
    if (qi > 0) {
      support++;
      entropy -= qi * logQ;
      collision += qi * qi;
    } else if (pi > 0) {
      lostSupport++;
      lostMass += pi;
    }
    tv += Math.abs(pi - qi);
    const mi = 0.5 * (pi + qi);
    if (mi > 0) {
      const logM = Math.log(mi);
      if (pi > 0) js += pi * (logP[i] - logM);
      if (qi > 0) js += qi * (logQ - logM);
    }
    if (pi > 0) kl += pi * (logP[i] - Math.log(qi + eps) + klNorm);
  }
  out[0] = entropy;
  out[1] = collision;
  out[2] = support;
  out[3] = reference.supportSize > 0 ? lostSupport / reference.supportSize : 0;
  out[4] = lostMass;
  out[5] = 0.5 * tv;
  out[6] = (0.5 * js) / Math.LN2;
  out[7] = Math.max(0, kl);
  out[8] = realWeight;
  return out;
}
