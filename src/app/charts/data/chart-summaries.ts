/**
 * Number formats and the one-line text summaries that screen readers get instead of each chart
 * (the figure's aria-label): the latest values, in words. Pure, so tested in Node.
 */
import type { DivergenceMeasure } from '../../store/app-store';
import type {
  DivergenceRow,
  DiversityRow,
  LostSupportRow,
  PerplexityRow,
  RealWordRow,
  ProvenanceTable,
} from './chart-data';
import type { LossPoint } from '../../store/live-run';

/** Three significant digits, no exponent for the magnitudes these charts show. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 100) return x.toFixed(0);
  if (abs < 0.001) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

/** A percentage (already times 100): one decimal under 10%, whole numbers above. */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return String(p);
  return `${p < 10 && p !== 0 ? p.toFixed(1) : p.toFixed(0)}%`;
}

export const MEASURE_NAMES: Record<DivergenceMeasure, { name: string; unit: string }> = {
  js: { name: 'Jensen-Shannon divergence', unit: 'bits' },
  kl: { name: 'KL divergence (real ‖ generated)', unit: 'nats' },
  tv: { name: 'Total variation distance', unit: '' },
};

export function lossSummary(generation: number, rows: readonly LossPoint[], totalSteps: number): string {
  const last = rows.at(-1);
  if (!last) return `Training loss of generation ${generation}: no steps yet.`;
  const of = totalSteps > 0 ? ` of ${totalSteps}` : '';
  return `Training loss of generation ${generation}: ${formatNumber(last.loss)} nats per character at step ${last.step}${of}.`;
}

export function perplexitySummary(
  rows: readonly PerplexityRow[],
  baseline: number | null,
  nStar: PerplexityRow | null,
): string {
  const last = rows.at(-1);
  if (!last) return 'Held-out perplexity: no generation finished yet.';
  const first = rows[0];
  const parts = [`Held-out perplexity: generation ${first.generation} ${formatNumber(first.perplexity)}`];
  if (last !== first) parts.push(`latest, generation ${last.generation}, ${formatNumber(last.perplexity)}`);
  if (baseline !== null) parts.push(`untrained model ${formatNumber(baseline)}`);
  let text = `${parts.join('; ')}.`;
  if (last.flooredShare !== undefined && last.flooredShare > 0)
    text += ` ${formatPercent(100 * last.flooredShare)} of the held-out characters are ones the count model gives probability 0; each is scored at the 1e-6 floor (13.8 nats), and they set most of its perplexity.`;
  if (nStar)
    text += ` n* = ${nStar.generation}: from generation ${nStar.generation} on, no better than untrained.`;
  return text;
}

export function divergenceSummary(rows: readonly DivergenceRow[], measure: DivergenceMeasure): string {
  const last = rows.at(-1);
  const { name, unit } = MEASURE_NAMES[measure];
  if (!last) return `${name} from real text: no generation finished yet.`;
  const u = unit ? ` ${unit}` : '';
  let text = `${name} from real text, generation ${last.generation}: 1-grams ${formatNumber(last.n1)}${u}, 2-grams ${formatNumber(last.n2)}${u}, 3-grams ${formatNumber(last.n3)}${u}.`;
  if (last.exact !== undefined)
    text += ` Exact KL from the source: ${formatNumber(last.exact)} nats per character.`;
  return text;
}

export function diversitySummary(rows: readonly DiversityRow[]): string {
  const last = rows.at(-1);
  if (!last) return 'Entropy and distinct-n: no generation finished yet.';
  return (
    `Generation ${last.generation}: character entropy ${formatNumber(last.entropy)} nats, ` +
    `next-character entropy ${formatNumber(last.conditionalEntropy)} nats; ` +
    `distinct-2 ${formatPercent(last.distinct2)}, distinct-3 ${formatPercent(last.distinct3)}, distinct-4 ${formatPercent(last.distinct4)}.`
  );
}

export function lostSupportSummary(rows: readonly LostSupportRow[]): string {
  const last = rows.at(-1);
  if (!last) return 'Lost support: no generation finished yet.';
  return `Samples of generation ${last.generation} lack ${formatPercent(last.chars)} of the real characters, ${formatPercent(last.bigrams)} of the real bigrams and ${formatPercent(last.words)} of the real words.`;
}

export function endLossSummary(rows: readonly { generation: number; loss: number }[]): string {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return 'Training loss: this run recorded none.';
  return `Training loss at the end of each generation, as recorded: ${formatNumber(first.loss)} nats per character at generation ${first.generation}, ${formatNumber(last.loss)} at generation ${last.generation}.`;
}

export function realWordsSummary(rows: readonly RealWordRow[]): string {
  const last = rows.at(-1);
  if (!last) return 'Real words: not measured yet.';
  return `${formatPercent(last.realWords)} of the words generation ${last.generation} wrote occur in the real text (real held-out text: 100% by construction).`;
}

export function provenanceSummary(table: ProvenanceTable): string {
  const last = table.rows.at(-1);
  if (!last) return 'Corpus provenance: no generation finished yet.';
  const human = table.columns.find((c) => c.kind === 'human');
  const humanShare = human ? last[human.key] : 0;
  let text = `Generation ${last.generation} trained from a corpus ${formatPercent(humanShare)} human-written, ${formatPercent(Math.max(0, 100 - humanShare))} generated.`;
  let largest: { label: string; share: number } | null = null;
  for (const c of table.columns) {
    if (c.kind === 'generated' && last[c.key] > 0 && (largest === null || last[c.key] > largest.share))
      largest = { label: c.label, share: last[c.key] };
  }
  if (largest) text += ` Largest generated part: ${largest.label}, ${formatPercent(largest.share)}.`;
  return text;
}
