/**
 * Pure data shaping for the charts: generation reports in, recharts rows out. No React here, so
 * every rule (shares, missing origins, n*, log-scale domains, thinning long runs) is unit-tested
 * in Node (tests/unit/app/charts-data.test.ts).
 */
import type { GenerationReport } from '../../../engine/record';
import type { DivergenceMeasure } from '../../store/app-store';
import type { LossPoint } from '../../store/live-run';

/**
 * Most points a chart draws. Count-model runs can have thousands of generations; SVG with that
 * many points stalls the main thread and is no more readable than a few hundred.
 */
export const MAX_CHART_POINTS = 400;

/**
 * Keeps at most `max` rows, evenly spaced, always the first and the last (the latest value must
 * stay on screen during a live run). Rows already short enough come back as they are.
 */
export function thinRows<T>(rows: readonly T[], max = MAX_CHART_POINTS): T[] {
  if (rows.length <= max) return rows.slice();
  if (max < 2) return rows.slice(-1);
  const out: T[] = [];
  const stride = (rows.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(rows[Math.round(i * stride)]);
  return out;
}

const percent = (share: number) => share * 100;

/**
 * Top of a linear axis starting at 0: a round number (one significant digit, a step of its
 * decade) just above `max`, at most `cap` (JS in bits and TV never exceed 1, shares 100%).
 */
export function niceCeiling(max: number, cap = Infinity): number {
  if (!(max > 0) || !Number.isFinite(max)) return Math.min(cap, 1);
  const decade = 10 ** Math.floor(Math.log10(max * 1.05));
  return Math.min(cap, Number((Math.ceil((max * 1.05) / decade) * decade).toPrecision(6)));
}

export interface LinearAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * A linear axis from 0 over `values`: 3 to 6 ticks at a round step (1, 2, 2.5 or 5 times a power
 * of ten), the top being the last tick, at most `cap`. Recharts' own ticks on a computed domain
 * come out uneven (0, 0.15, 0.3, 0.5), which reads as a mistake on a projector.
 */
export function linearAxis(values: readonly number[], cap = Infinity): LinearAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const top = niceCeiling(finite.length > 0 ? Math.max(...finite) : 0, cap);
  const decade = 10 ** Math.floor(Math.log10(top));
  let step = top;
  for (const m of [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10]) {
    if (top / (m * decade) <= 5 + 1e-9) {
      step = m * decade;
      break;
    }
  }
  const ticks: number[] = [];
  for (let i = 0; i * step < top + step * 1e-6; i++) ticks.push(Number((i * step).toPrecision(6)));
  if (ticks[ticks.length - 1] < top) ticks.push(Number(Math.min(cap, ticks.length * step).toPrecision(6)));
  return { domain: [0, ticks[ticks.length - 1]], ticks };
}

// ---- training loss ------------------------------------------------------------------------

/** The current generation's loss curve, without non-finite points (a diverging step, NaN). */
export function lossRows(curve: readonly LossPoint[]): LossPoint[] {
  return thinRows(curve.filter((p) => Number.isFinite(p.loss) && Number.isFinite(p.step)));
}

// ---- perplexity -----------------------------------------------------------------------------

export interface PerplexityRow {
  generation: number;
  perplexity: number;
  /** Share of held-out tokens scored at the count model's evaluation floor (absent for the transformer). */
  flooredShare?: number;
}

export function perplexityRows(reports: readonly GenerationReport[]): PerplexityRow[] {
  return thinRows(
    reports
      .filter((r) => r.perplexity > 0 && Number.isFinite(r.perplexity))
      .map((r) => ({
        generation: r.generation,
        perplexity: r.perplexity,
        ...(r.flooredTokens != null && r.heldOutTokens > 0
          ? { flooredShare: r.flooredTokens / r.heldOutTokens }
          : {}),
      })),
  );
}

/** The report n* names (found by its generation number, not by index), or null. */
export function nStarPoint(reports: readonly GenerationReport[], nStar: number | null): PerplexityRow | null {
  if (nStar === null) return null;
  const report = reports.find((r) => r.generation === nStar);
  return report && report.perplexity > 0 && Number.isFinite(report.perplexity)
    ? { generation: report.generation, perplexity: report.perplexity }
    : null;
}

/** Rounds a positive number to its leading `digits` significant digits, down or up. */
function roundSignificant(x: number, digits: number, direction: 'down' | 'up'): number {
  const scale = 10 ** (Math.floor(Math.log10(x)) - digits + 1);
  const r = (direction === 'down' ? Math.floor(x / scale) : Math.ceil(x / scale)) * scale;
  // Avoids 0.30000000000000004-style tick labels.
  return Number(r.toPrecision(digits + 1));
}

/**
 * Domain of a log-scale axis over positive values: padded ~10% either side and rounded to two
 * significant digits; a single value (or equal values) still gets a visible span. Non-positive
 * and non-finite values are ignored (log of them does not exist); null when nothing is left.
 */
export function logDomain(values: readonly number[]): [number, number] | null {
  const ok = values.filter((v) => v > 0 && Number.isFinite(v));
  if (ok.length === 0) return null;
  let lo = Math.min(...ok) / 1.1;
  let hi = Math.max(...ok) * 1.1;
  if (hi / lo < 2) {
    const mid = Math.sqrt(lo * hi);
    lo = mid / Math.SQRT2;
    hi = mid * Math.SQRT2;
  }
  return [roundSignificant(lo, 2, 'down'), roundSignificant(hi, 2, 'up')];
}

/**
 * Tick values for a log axis: 1-2-5 per decade inside the domain, or a denser 1-1.5-2-3-5-7 set
 * when that leaves fewer than 3 ticks (a narrow domain). Recharts' own log ticks are unreadable.
 */
export function logTicks(domain: readonly [number, number]): number[] {
  const [lo, hi] = domain;
  if (!(lo > 0) || !(hi >= lo)) return [];
  const pick = (mantissas: readonly number[]) => {
    const ticks: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
      for (const m of mantissas) {
        const t = Number((m * 10 ** e).toPrecision(6));
        if (t >= lo && t <= hi) ticks.push(t);
      }
    }
    return ticks;
  };
  const coarse = pick([1, 2, 5]);
  return coarse.length >= 3 ? coarse : pick([1, 1.5, 2, 3, 5, 7]);
}

// ---- divergence ------------------------------------------------------------------------------

export interface DivergenceRow {
  generation: number;
  n1: number;
  n2: number;
  n3: number;
  /** Exact KL(source || model), nats/char: KL mode on the markov corpus only. */
  exact?: number;
}

/** True when some report carries an exact KL (the corpus is the markov source). */
export function hasExactKl(reports: readonly GenerationReport[]): boolean {
  return reports.some((r) => r.exactKl !== null && Number.isFinite(r.exactKl));
}

export function divergenceRows(
  reports: readonly GenerationReport[],
  measure: DivergenceMeasure,
): DivergenceRow[] {
  const withExact = measure === 'kl' && hasExactKl(reports);
  return thinRows(
    reports.map((r) => {
      const d = r[measure];
      const row: DivergenceRow = { generation: r.generation, n1: d['1'], n2: d['2'], n3: d['3'] };
      if (withExact && r.exactKl !== null) row.exact = r.exactKl;
      return row;
    }),
  );
}

// ---- entropy and distinct-n ---------------------------------------------------------------

export interface DiversityRow {
  generation: number;
  /** Entropy of the generated characters, nats. */
  entropy: number;
  /**
   * Entropy of the next character given the previous one, nats: joint bigram entropy minus
   * unigram entropy. It falls first when text turns repetitive, while letter frequencies hold.
   */
  conditionalEntropy: number;
  /** distinct-n as percentages. */
  distinct2: number;
  distinct3: number;
  distinct4: number;
}

export function diversityRows(reports: readonly GenerationReport[]): DiversityRow[] {
  return thinRows(
    reports.map((r) => ({
      generation: r.generation,
      entropy: r.entropy,
      conditionalEntropy: Math.max(0, r.entropyBigram - r.entropy),
      distinct2: percent(r.distinct['2']),
      distinct3: percent(r.distinct['3']),
      distinct4: percent(r.distinct['4']),
    })),
  );
}

// ---- lost support ---------------------------------------------------------------------------

export interface LostSupportRow {
  generation: number;
  /** Percent of the real characters, bigrams and words absent from the samples. */
  chars: number;
  bigrams: number;
  words: number;
}

export function lostSupportRows(reports: readonly GenerationReport[]): LostSupportRow[] {
  return thinRows(
    reports.map((r) => ({
      generation: r.generation,
      chars: percent(r.lostSupport.chars),
      bigrams: percent(r.lostSupport.bigrams),
      words: percent(r.lostSupport.words),
    })),
  );
}

// ---- real words -----------------------------------------------------------------------------

export interface RealWordRow {
  generation: number;
  /** Percent of the generated word tokens that occur in the real text. */
  realWords: number;
}

/** Generations that measured it (a run recorded before real words were measured has none). */
export function realWordRows(reports: readonly GenerationReport[]): RealWordRow[] {
  return thinRows(
    reports
      .filter((r) => Number.isFinite(r.realWordShare))
      .map((r) => ({ generation: r.generation, realWords: percent(r.realWordShare) })),
  );
}

/** Each generation's last training loss (a recorded run keeps no per-step losses); none for the count model. */
export function endLossRows(reports: readonly GenerationReport[]): { generation: number; loss: number }[] {
  return thinRows(
    reports
      .filter((r) => Number.isFinite(r.trainLoss))
      .map((r) => ({ generation: r.generation, loss: r.trainLoss })),
  );
}

// ---- corpus provenance --------------------------------------------------------------------

/** Most stacked bands: beyond this many generations' texts, neighbours share a band. */
export const MAX_PROVENANCE_BANDS = 12;

export interface ProvenanceColumn {
  /** Row key. */
  key: string;
  label: string;
  kind: 'human' | 'generated';
  /** Generations whose text the band holds (inclusive); null for human text. */
  from: number | null;
  to: number | null;
}

export interface ProvenanceTable {
  /** Human first (the bottom of the stack), then generated text, oldest first. */
  columns: ProvenanceColumn[];
  /** One row per generation: `generation` plus every column's key, in percent (sum 100, or 0). */
  rows: ({ generation: number } & Record<string, number>)[];
}

export const HUMAN_KEY = 'human';

function generatedColumns(origins: readonly number[], maxBands: number): ProvenanceColumn[] {
  if (origins.length === 0) return [];
  const max = origins[origins.length - 1];
  if (origins.length <= maxBands) {
    return origins.map((g) => ({
      key: `g${g}`,
      label: `generation ${g}`,
      kind: 'generated',
      from: g,
      to: g,
    }));
  }
  // Equal-width bands of generation numbers; bands holding no origin are left out.
  const width = Math.ceil((max + 1) / maxBands);
  const columns: ProvenanceColumn[] = [];
  for (let from = 0; from <= max; from += width) {
    // The newest band stops at the newest origin, so the legend names no generation not yet written.
    const to = Math.min(from + width - 1, max);
    if (!origins.some((g) => g >= from && g <= to)) continue;
    const label = from === to ? `generation ${from}` : `generations ${from}–${to}`;
    columns.push({ key: `g${from}_${to}`, label, kind: 'generated', from, to });
  }
  return columns;
}

/**
 * The corpus each generation trained from, as percentage shares by origin. Every origin seen in
 * any generation is a column of every row (0 where absent), because a stacked area needs all
 * keys on all rows; more than `maxBands` generation origins are merged into contiguous bands.
 */
export function provenanceTable(
  reports: readonly GenerationReport[],
  maxBands = MAX_PROVENANCE_BANDS,
): ProvenanceTable {
  const origins = new Set<number>();
  let anyHuman = false;
  for (const r of reports) {
    for (const p of r.provenance) {
      if (p.origin === 'human') anyHuman = true;
      else origins.add(p.origin);
    }
  }
  const sorted = [...origins].sort((a, b) => a - b);
  const generated = generatedColumns(sorted, Math.max(1, maxBands));
  const human: ProvenanceColumn = { key: HUMAN_KEY, label: 'human', kind: 'human', from: null, to: null };
  const columns = anyHuman || sorted.length === 0 ? [human, ...generated] : generated;

  const columnOf = (origin: number) =>
    generated.find(
      (c) => c.from !== null && c.to !== null && origin >= c.from && origin <= c.to,
    ) as ProvenanceColumn;
  const rows = thinRows(reports).map((r) => {
    const row: { generation: number } & Record<string, number> = { generation: r.generation } as {
      generation: number;
    } & Record<string, number>;
    for (const c of columns) row[c.key] = 0;
    const total = r.provenance.reduce((sum, p) => sum + Math.max(0, p.chars), 0);
    if (total > 0) {
      for (const p of r.provenance) {
        const key = p.origin === 'human' ? HUMAN_KEY : columnOf(p.origin).key;
        row[key] += (Math.max(0, p.chars) / total) * 100;
      }
    }
    return row;
  });
  return { columns, rows };
}
