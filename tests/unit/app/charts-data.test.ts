import { describe, expect, it } from 'vitest';
import {
  divergenceRows,
  diversityRows,
  hasExactKl,
  linearAxis,
  logDomain,
  logTicks,
  lossRows,
  lostSupportRows,
  niceCeiling,
  nStarPoint,
  perplexityRows,
  provenanceTable,
  realWordRows,
  thinRows,
} from '../../../src/app/charts/data/chart-data';
import {
  divergenceSummary,
  formatNumber,
  formatPercent,
  perplexitySummary,
  provenanceSummary,
  realWordsSummary,
} from '../../../src/app/charts/data/chart-summaries';
import { generationTicks } from '../../../src/app/charts/chart-theme';
import { generationColour, generationColourAt, seriesStyle } from '../../../src/app/ui/palette';
import { byOrder, report } from '../../support/report-fixtures';

describe('provenance table', () => {
  it('turns characters by origin into percentage shares', () => {
    const t = provenanceTable([
      report(0),
      report(1, {
        provenance: [
          { origin: 'human', chars: 600 },
          { origin: 0, chars: 400 },
        ],
      }),
    ]);
    expect(t.columns.map((c) => c.key)).toEqual(['human', 'g0']);
    expect(t.rows[0]).toEqual({ generation: 0, human: 100, g0: 0 });
    expect(t.rows[1].human).toBeCloseTo(60);
    expect(t.rows[1].g0).toBeCloseTo(40);
  });

  it('gives every row every origin (0 where missing), human first then oldest generation first', () => {
    const t = provenanceTable([
      report(0),
      report(1, {
        provenance: [
          { origin: 0, chars: 50 },
          { origin: 'human', chars: 50 },
        ],
      }),
      report(2, {
        provenance: [
          { origin: 1, chars: 30 },
          { origin: 0, chars: 70 },
        ],
      }),
    ]);
    expect(t.columns.map((c) => c.key)).toEqual(['human', 'g0', 'g1']);
    expect(t.columns.map((c) => c.kind)).toEqual(['human', 'generated', 'generated']);
    expect(t.rows[2]).toEqual({ generation: 2, human: 0, g0: 70, g1: 30 });
    for (const row of t.rows) {
      expect(Object.keys(row).sort()).toEqual(['g0', 'g1', 'generation', 'human']);
      expect(row.human + row.g0 + row.g1).toBeCloseTo(100);
    }
  });

  it('merges many generation origins into at most maxBands contiguous bands, keeping totals', () => {
    const provenance = Array.from({ length: 30 }, (_, g) => ({ origin: g, chars: 10 }));
    const t = provenanceTable(
      [report(30, { provenance: [{ origin: 'human', chars: 100 }, ...provenance] })],
      4,
    );
    const generated = t.columns.filter((c) => c.kind === 'generated');
    expect(generated.length).toBeLessThanOrEqual(4);
    expect(generated[0]).toMatchObject({ from: 0, to: 7, label: 'generations 0–7' });
    // The newest band ends at the newest origin (29), not at the band's nominal end (31).
    expect(generated.at(-1)).toMatchObject({ from: 24, to: 29 });
    const row = t.rows[0];
    expect(row.human).toBeCloseTo(25);
    expect(generated.reduce((s, c) => s + row[c.key], 0)).toBeCloseTo(75);
    expect(row[generated[0].key]).toBeCloseTo((80 / 400) * 100);
  });

  it('leaves a row of zeros for an empty corpus, and no human column if no human text ever', () => {
    const t = provenanceTable([report(3, { provenance: [{ origin: 2, chars: 0 }] })]);
    expect(t.columns.map((c) => c.key)).toEqual(['g2']);
    expect(t.rows[0]).toEqual({ generation: 3, g2: 0 });
    expect(provenanceTable([])).toEqual({
      columns: [{ key: 'human', label: 'human', kind: 'human', from: null, to: null }],
      rows: [],
    });
  });

  it('summarises the latest corpus in words', () => {
    const t = provenanceTable([
      report(1, {
        provenance: [
          { origin: 'human', chars: 600 },
          { origin: 0, chars: 400 },
        ],
      }),
    ]);
    expect(provenanceSummary(t)).toBe(
      'Generation 1 trained from a corpus 60% human-written, 40% generated. Largest generated part: generation 0, 40%.',
    );
  });
});

describe('perplexity and n*', () => {
  it('finds the n* report by generation number, not by array index', () => {
    const reports = [report(3), report(4, { perplexity: 60 }), report(5, { perplexity: 62 })];
    expect(nStarPoint(reports, 4)).toEqual({ generation: 4, perplexity: 60 });
    expect(nStarPoint(reports, null)).toBeNull();
    expect(nStarPoint(reports, 9)).toBeNull();
  });

  it('drops non-positive and non-finite perplexities (a log axis cannot draw them)', () => {
    const rows = perplexityRows([
      report(0, { perplexity: 4 }),
      report(1, { perplexity: Number.NaN }),
      report(2, { perplexity: Infinity }),
      report(3, { perplexity: 9 }),
    ]);
    expect(rows).toEqual([
      { generation: 0, perplexity: 4 },
      { generation: 3, perplexity: 9 },
    ]);
  });

  it('says the first, the latest, the baseline and n*', () => {
    const rows = [
      { generation: 0, perplexity: 4.123 },
      { generation: 5, perplexity: 58.7 },
    ];
    expect(perplexitySummary(rows, 61.2, rows[1])).toBe(
      'Held-out perplexity: generation 0 4.12; latest, generation 5, 58.7; untrained model 61.2. n* = 5: from generation 5 on, no better than untrained.',
    );
    expect(perplexitySummary([], 61.2, null)).toMatch(/no generation finished/);
  });
});

describe('log axis', () => {
  it('pads the domain around the data and the baseline, rounded to two significant digits', () => {
    const d = logDomain([3.7, 12, 65.2]);
    expect(d).not.toBeNull();
    const [lo, hi] = d as [number, number];
    expect(lo).toBeLessThan(3.7);
    expect(lo).toBeGreaterThan(3);
    expect(hi).toBeGreaterThan(65.2);
    expect(hi).toBeLessThan(75);
    expect(Number(lo.toPrecision(2))).toBe(lo);
    expect(Number(hi.toPrecision(2))).toBe(hi);
  });

  it('gives a single value a span, and ignores values a log axis cannot show', () => {
    const [lo, hi] = logDomain([10, 0, -1, Number.NaN]) as [number, number];
    expect(lo).toBeLessThan(10);
    expect(hi).toBeGreaterThan(10);
    expect(hi / lo).toBeGreaterThanOrEqual(1.9);
    expect(logDomain([])).toBeNull();
    expect(logDomain([0, Number.NaN])).toBeNull();
  });

  it('ticks at 1-2-5 per decade, denser on a narrow domain', () => {
    expect(logTicks([3, 70])).toEqual([5, 10, 20, 50]);
    expect(logTicks([0.9, 110])).toEqual([1, 2, 5, 10, 20, 50, 100]);
    const narrow = logTicks([5.5, 11]);
    expect(narrow.length).toBeGreaterThanOrEqual(2);
    expect(narrow).toEqual([7, 10]);
    expect(logTicks([0, 10])).toEqual([]);
  });

  it('rounds a linear axis top up to a round value, capped', () => {
    expect(niceCeiling(0.37)).toBe(0.4);
    expect(niceCeiling(0.95, 1)).toBe(1);
    expect(niceCeiling(42, 100)).toBe(50);
    expect(niceCeiling(97, 100)).toBe(100);
    expect(niceCeiling(0)).toBe(1);
  });

  it('ticks a linear axis from 0 at a round step, ending at the top of the domain', () => {
    expect(linearAxis([0.1, 0.38])).toEqual({ domain: [0, 0.4], ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    expect(linearAxis([0.2, 0.47])).toEqual({ domain: [0, 0.5], ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5] });
    expect(linearAxis([3, 4.2])).toEqual({ domain: [0, 5], ticks: [0, 1, 2, 3, 4, 5] });
    expect(linearAxis([12, 73])).toEqual({ domain: [0, 80], ticks: [0, 20, 40, 60, 80] });
    expect(linearAxis([97], 100)).toEqual({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] });
    expect(linearAxis([0.99], 1).domain).toEqual([0, 1]);
    expect(linearAxis([]).domain).toEqual([0, 1]);
    expect(linearAxis([Number.NaN, 2]).ticks.every(Number.isFinite)).toBe(true);
  });
});

describe('divergence rows', () => {
  it('reads the chosen measure for 1-, 2- and 3-grams', () => {
    const reports = [report(0), report(1, { js: byOrder(0.1, 0.2, 0.3) })];
    expect(divergenceRows(reports, 'js')[1]).toEqual({ generation: 1, n1: 0.1, n2: 0.2, n3: 0.3 });
    expect(divergenceRows(reports, 'tv')[0]).toEqual({ generation: 0, n1: 0.05, n2: 0.1, n3: 0.2 });
  });

  it('adds exact KL in KL mode only, when the corpus has a known law', () => {
    const markov = [report(0, { exactKl: 0.02 }), report(1, { exactKl: 0.05 })];
    expect(hasExactKl(markov)).toBe(true);
    expect(divergenceRows(markov, 'kl').map((r) => r.exact)).toEqual([0.02, 0.05]);
    expect(divergenceRows(markov, 'js')[0].exact).toBeUndefined();
    expect(hasExactKl([report(0)])).toBe(false);
    expect(divergenceRows([report(0)], 'kl')[0].exact).toBeUndefined();
  });

  it('summarises with units', () => {
    const rows = divergenceRows([report(2)], 'js');
    expect(divergenceSummary(rows, 'js')).toBe(
      'Jensen-Shannon divergence from real text, generation 2: 1-grams 0.01 bits, 2-grams 0.02 bits, 3-grams 0.03 bits.',
    );
    expect(divergenceSummary(divergenceRows([report(2)], 'tv'), 'tv')).toContain('1-grams 0.05, 2-grams');
  });
});

describe('entropy, distinct-n and lost support', () => {
  it('gives distinct-n and lost support as percentages, and next-character entropy', () => {
    expect(diversityRows([report(0)])[0]).toEqual({
      generation: 0,
      entropy: 3,
      conditionalEntropy: 2,
      distinct2: 40,
      distinct3: 60,
      distinct4: 80,
    });
    expect(lostSupportRows([report(0)])[0]).toEqual({ generation: 0, chars: 1, bigrams: 20, words: 50 });
  });

  it('gives real words in percent, skipping generations that did not measure them, and says so in words', () => {
    const rows = realWordRows([
      report(0, { realWordShare: 0.875 }),
      report(1, { realWordShare: NaN }),
      report(2, { realWordShare: 0.5 }),
    ]);
    expect(rows).toEqual([
      { generation: 0, realWords: 87.5 },
      { generation: 2, realWords: 50 },
    ]);
    expect(realWordsSummary(rows)).toBe(
      '50% of the words generation 2 wrote occur in the real text (real held-out text: 100% by construction).',
    );
    expect(realWordsSummary([])).toBe('Real words: not measured yet.');
  });
});

describe('loss rows and long runs', () => {
  it('drops non-finite loss points', () => {
    expect(
      lossRows([
        { step: 0, loss: 4.2 },
        { step: 1, loss: Number.NaN },
        { step: 2, loss: 3.9 },
      ]),
    ).toEqual([
      { step: 0, loss: 4.2 },
      { step: 2, loss: 3.9 },
    ]);
  });

  it('thins long series evenly, keeping the first and the latest point', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => i);
    const thin = thinRows(rows, 101);
    expect(thin).toHaveLength(101);
    expect(thin[0]).toBe(0);
    expect(thin.at(-1)).toBe(1000);
    expect(thin[50]).toBe(500);
    expect(thinRows([1, 2, 3], 10)).toEqual([1, 2, 3]);
    expect(perplexityRows(Array.from({ length: 5000 }, (_, g) => report(g))).at(-1)?.generation).toBe(4999);
  });

  it('puts integer ticks on a generation axis, always including the latest generation', () => {
    expect(generationTicks([0, 1])).toEqual([0, 1]);
    expect(generationTicks([0, 4])).toEqual([0, 1, 2, 3, 4]);
    const long = generationTicks([0, 97]) as number[];
    expect(long.length).toBeLessThanOrEqual(11);
    expect(long[0]).toBe(0);
    expect(long.at(-1)).toBe(97);
    expect(long.every(Number.isInteger)).toBe(true);
    expect(generationTicks([0, 299])).toEqual([0, 50, 100, 150, 200, 250, 299]);
    expect(generationTicks([3, 40])).toEqual([3, 10, 15, 20, 25, 30, 35, 40]);
    expect(generationTicks([])).toBeUndefined();
  });
});

describe('formats and palette', () => {
  it('formats numbers to three significant digits and percentages readably', () => {
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(0)).toBe('0');
    expect(formatPercent(4.56)).toBe('4.6%');
    expect(formatPercent(45.6)).toBe('46%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('styles series distinctly by colour, dash and marker, and ramps generations light to dark', () => {
    const styles = [0, 1, 2, 3].map(seriesStyle);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(4);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(4);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(4);
    const lightness = (hex: string) =>
      parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    expect(lightness(generationColour(0))).toBeGreaterThan(lightness(generationColour(0.5)));
    expect(lightness(generationColour(0.5))).toBeGreaterThan(lightness(generationColour(1)));
    expect(generationColourAt(0, 1)).toBe(generationColour(0.5));
    expect(generationColour(Number.NaN)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
