import { describe, expect, it } from 'vitest';
import {
  perplexityAt,
  selfViewRows,
  selfViewSummary,
  selfViewTicks,
  viewedGenerations,
} from '../../../src/app/lessons/self-view/self-view-data';
import type { PerplexitySpread } from '../../../src/engine/metrics/perplexity-spread';
import type { GenerationZeroView } from '../../../src/engine/record';
import { report } from '../../support/report-fixtures';

/** A spread recorded at 20 bins per decade (unless told) with the given counts (the statistics given too). */
const spread = (counts: number[], over: Partial<PerplexitySpread> = {}): PerplexitySpread => ({
  documents: counts.reduce((a, b) => a + b, 0),
  median: 2,
  p90: 4,
  shareAboveError: 0,
  binsPerDecade: 20,
  counts,
  ...over,
});

describe('the self-view histogram', () => {
  it('gives each series its share of its own documents, bin by bin, from one empty bin to another', () => {
    // Recorded at 20 bins per decade: bin 6 is [1.995, 2.239), and so on by factors of 10^(1/20).
    const chosen: GenerationZeroView = {
      samples: spread([0, 0, 0, 0, 0, 0, 3, 1]), // 4 documents: 3 in bin 6, 1 in bin 7
      real: spread([0, 0, 0, 0, 0, 0, 0, 1, 2, 1]), // 4 documents in bins 7, 8, 9
    };
    const first: GenerationZeroView = { samples: spread([0, 0, 0, 0, 0, 0, 0, 0, 5, 5]), real: chosen.real };
    const rows = selfViewRows(chosen, first);
    // A narrow span (bins 6-9) is drawn at the recorded bins, one empty bin either side.
    expect(rows.map((r) => r.x * 20)).toEqual([5, 6, 7, 8, 9, 10].map((b) => expect.closeTo(b, 9)));
    expect(rows.map((r) => r.chosen)).toEqual([0, 75, 25, 0, 0, 0]);
    expect(rows.map((r) => r.real)).toEqual([0, 0, 25, 50, 25, 0]);
    expect(rows.map((r) => r.first)).toEqual([0, 0, 0, 50, 50, 0]);
    expect(rows[1].from).toBeCloseTo(10 ** 0.3, 12);
    expect(rows[1].to).toBeCloseTo(10 ** 0.35, 12);
  });

  it('merges recorded bins in pairs while the used span keeps at least twelve bars', () => {
    // 40 per decade, documents at perplexity 1 (bin 0) and 10 (bin 40): 41 bins wide. Pairs
    // leave 21 bars, fours would leave 11: drawn in pairs, 20 per decade.
    const counts = new Array(41).fill(0);
    counts[0] = 1;
    counts[40] = 1;
    const wide: GenerationZeroView = {
      samples: spread(counts, { binsPerDecade: 40 }),
      real: spread(counts, { binsPerDecade: 40 }),
    };
    const rows = selfViewRows(wide, null);
    expect(rows).toHaveLength(22); // bars 0..20, and the empty one after
    expect(rows[1].x).toBeCloseTo(2 / 40, 12);
    expect(rows[0].chosen).toBe(50);
    expect(rows[20].chosen).toBe(50);
    expect(rows[20].from).toBeCloseTo(10, 10);
  });

  it('labels a log axis at 1, 2, 5, 10 (denser when narrow) and never shows a bin below perplexity 1', () => {
    const ticks = selfViewTicks(0, 1.2); // perplexity 1 to 10^1.2 = 15.8
    expect(ticks.map(perplexityAt)).toEqual(['1', '2', '5', '10']);
    // A narrow spread (perplexity 2 to 6.3) gets the denser set.
    expect(selfViewTicks(0.3, 0.8).map(perplexityAt)).toEqual(['2', '3', '5']);
    // Narrower still (2.2 to 5.6): every half step.
    expect(selfViewTicks(0.35, 0.75).map(perplexityAt)).toEqual(['2.5', '3', '3.5', '4', '5']);
    const lowest: GenerationZeroView = { samples: spread([2]), real: spread([1, 1]) };
    expect(selfViewRows(lowest, null)[0].x).toBe(0);
  });

  it('says the chosen generation in words, real text beside it', () => {
    const view: GenerationZeroView = {
      samples: spread([0, 0, 25], { documents: 25, median: 1.4, shareAboveError: 0.12 }),
      real: spread([0, 10], { documents: 10, median: 2.1, shareAboveError: 0 }),
    };
    expect(selfViewSummary(5, view)).toBe(
      "Generation 5: median perplexity 1.4 under generation 0's model (real text: 2.1); 12% of its 25 documents above 10 (real text: 0%).",
    );
  });

  it('lists only the generations generation 0 scored (an old or resumed run has gaps)', () => {
    const view: GenerationZeroView = { samples: spread([1]), real: spread([1]) };
    const reports = [
      report(0, { underGenerationZero: view }),
      report(1, { underGenerationZero: null }),
      report(2),
    ];
    expect(viewedGenerations(reports).map((v) => v.generation)).toEqual([0]);
  });
});
