/** The metrics the divergence chart can show, with the axis label and the formula beside each. */
import type { UnigramMetric } from '../../../engine/counts/unigram-metrics';
import type { TheoryRecord } from '../../../engine/record';

export type ChartMetric = Extract<UnigramMetric, 'tv' | 'js' | 'entropy' | 'collision' | 'lostRealMass'>;

export interface MetricInfo {
  label: string;
  /** Y-axis label, with its unit. */
  axis: string;
  /** Fixed y range where the metric has one, so runs side by side compare by eye. */
  domain: [number, number] | null;
  /** One sentence for students. */
  meaning: string;
}

export const CHART_METRICS: Record<ChartMetric, MetricInfo> = {
  tv: {
    label: 'Total variation from the real law',
    axis: 'total variation',
    domain: [0, 1],
    meaning: 'the share of probability the model puts in different places than the real text does',
  },
  js: {
    label: 'Jensen-Shannon divergence from the real law',
    axis: 'JS divergence (bits)',
    domain: [0, 1],
    meaning: 'a symmetric, bounded distance between the model and the real character frequencies',
  },
  entropy: {
    label: 'Entropy of the model',
    axis: 'entropy (nats)',
    domain: null,
    meaning: 'variety of the characters the model writes: 0 when it repeats one character forever',
  },
  collision: {
    label: 'Collision probability S = sum p²',
    axis: 'collision probability S',
    domain: [0, 1],
    meaning:
      'the chance that two characters drawn from the model are the same: 1 when it repeats one character',
  },
  lostRealMass: {
    label: 'Real mass lost',
    axis: 'real mass lost',
    domain: [0, 1],
    meaning: 'how much of real text is made of characters the model can no longer write',
  },
};

export const CHART_METRIC_ORDER: readonly ChartMetric[] = [
  'tv',
  'js',
  'entropy',
  'collision',
  'lostRealMass',
];

/** A closed-form curve for this metric and run, or why there is none. */
export type MetricFormula =
  { label: string; formula: string; values: number[] } | { label: null; reason: string };

export function metricFormula(record: TheoryRecord, metric: ChartMetric): MetricFormula {
  const f = record.formulas;
  if (metric === 'collision') {
    if (f.collision.formula === null) return { label: null, reason: f.collision.reason };
    return { label: 'formula E[S_n]', formula: f.collision.formula, values: f.collision.values };
  }
  if (metric === 'tv') {
    const drift = f.biasedDrift;
    if (!('thisParadigm' in drift)) return { label: null, reason: drift.reason };
    return {
      label: 'biased-drift formula (mean field)',
      formula: `${drift.thisParadigm.formula}, b = ${drift.bias.toPrecision(2)}, D = ${drift.limit.toPrecision(2)}`,
      values: drift.thisParadigm.values,
    };
  }
  return { label: null, reason: 'no closed form for this metric: only the simulated band is drawn' };
}
