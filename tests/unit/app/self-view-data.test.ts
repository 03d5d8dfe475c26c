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

/** A spread recorded at 20 bins per decade with the given counts (the statistics given too). */
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
  it('merges the recorded bins in pairs and gives each series its share of its own documents', () => {
    // Recorded bins 6 and 7 merge into shown bin 3 ([1.995, 2.512)), 8 and 9 into shown bin 4.
    const chosen: GenerationZeroView = {
      samples: spread([0, 0, 0, 0, 0, 0, 3, 1]), // 4 documents, all in shown bin 3
      real: spread([0, 0, 0, 0, 0, 0, 0, 1, 2, 1]), // 1 in bin 3, 3 in bin 4
    };
    const first: GenerationZeroView = { samples: spread([0, 0, 0, 0, 0, 0, 0, 0, 5, 5]), real: chosen.real };
    const rows = selfViewRows(chosen, first);
    // One empty bin either side of the used ones (3 and 4), so every outline starts and ends at 0.
    expect(rows.map((r) => r.x)).toEqual([2, 3, 4, 5]);
    expect(rows.map((r) => r.chosen)).toEqual([0, 100, 0, 0]);
    expect(rows.map((r) => r.real)).toEqual([0, 25, 75, 0]);
    expect(rows.map((r) => r.first)).toEqual([0, 0, 100, 0]);
    expect(rows[1].from).toBeCloseTo(10 ** 0.3, 12);
    expect(rows[1].to).toBeCloseTo(10 ** 0.4, 12);
  });

  it('labels a log axis at 1, 2, 5, 10 and never shows a bin below perplexity 1', () => {
    const ticks = selfViewTicks(0, 12); // perplexity 1 to 10^1.2 = 15.8
    expect(ticks.map(perplexityAt)).toEqual(['1', '2', '5', '10']);
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
