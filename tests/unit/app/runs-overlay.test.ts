import { describe, expect, it } from 'vitest';
import {
  buildOverlaySeries,
  overlayExtent,
  overlayName,
  overlayPoints,
  overlaySummary,
} from '../../../src/app/charts/data/overlay-series';
import { OVERLAY_COLOURS, overlayStyle } from '../../../src/app/runs/kept/overlay-style';
import { generationRange } from '../../../src/app/charts/overlay-lines';
import { SERIES_COLOURS } from '../../../src/app/ui/palette';
import { presetConfig } from '../../../src/engine/config/presets';
import { keptRun, report } from '../../support/report-fixtures';

describe('overlay series', () => {
  it('takes one value per generation for each chart', () => {
    const generations = [
      report(0, {
        perplexity: 4,
        js: { 1: 0.1, 2: 0.25, 3: 0.3 },
        distinct: { 2: 0.5, 3: 0.6, 4: 0.7 },
        lostSupport: { chars: 0, bigrams: 0.1, words: 0.125 },
      }),
      report(1, {
        perplexity: 9,
        js: { 1: 0.2, 2: 0.5, 3: 0.6 },
        distinct: { 2: 0.25, 3: 0.6, 4: 0.7 },
        lostSupport: { chars: 0, bigrams: 0.2, words: 0.5 },
      }),
    ];
    expect(overlayPoints(generations, 'perplexity')).toEqual([
      { generation: 0, value: 4 },
      { generation: 1, value: 9 },
    ]);
    expect(overlayPoints(generations, 'js').map((p) => p.value)).toEqual([0.25, 0.5]);
    expect(overlayPoints(generations, 'distinct2').map((p) => p.value)).toEqual([50, 25]);
    expect(overlayPoints(generations, 'lostWords').map((p) => p.value)).toEqual([12.5, 50]);
  });

  it("gives the loss chart where each generation's training ended, and nothing for the count model", () => {
    const generations = [
      report(0, { trainLoss: 1.25 }),
      report(1, { trainLoss: 0.75 }),
      report(2, { trainLoss: NaN }),
    ];
    expect(overlayPoints(generations, 'trainLoss')).toEqual([
      { generation: 0, value: 1.25 },
      { generation: 1, value: 0.75 },
    ]);
  });

  it('overlays the real-word share in percent, without generations recorded before it was measured', () => {
    const generations = [
      report(0, { realWordShare: 0.9 }),
      report(1, { realWordShare: NaN }),
      report(2, { realWordShare: 0.25 }),
    ];
    expect(overlayPoints(generations, 'realWords')).toEqual([
      { generation: 0, value: 90 },
      { generation: 2, value: 25 },
    ]);
  });

  it('turns provenance into the human share, in percent', () => {
    const generations = [
      report(0, { provenance: [{ origin: 'human', chars: 1000 }] }),
      report(1, {
        provenance: [
          { origin: 'human', chars: 300 },
          { origin: 0, chars: 700 },
        ],
      }),
      report(2, {
        provenance: [
          { origin: 0, chars: 200 },
          { origin: 1, chars: 800 },
        ],
      }),
    ];
    expect(overlayPoints(generations, 'humanShare').map((p) => p.value)).toEqual([100, 30, 0]);
  });

  it('leaves out points that cannot be drawn (NaN, a non-positive perplexity, an empty corpus)', () => {
    const generations = [
      report(0, { perplexity: NaN }),
      report(1, { perplexity: 0 }),
      report(2, { perplexity: 7, provenance: [] }),
    ];
    expect(overlayPoints(generations, 'perplexity')).toEqual([{ generation: 2, value: 7 }]);
    expect(overlayPoints(generations, 'humanShare').map((p) => p.generation)).toEqual([0, 1]);
  });

  it('folds a run once: the same generations give the same points object', () => {
    const generations = [report(0), report(1)];
    expect(overlayPoints(generations, 'entropy')).toBe(overlayPoints(generations, 'entropy'));
    expect(overlayPoints([...generations], 'entropy')).not.toBe(overlayPoints(generations, 'entropy'));
  });

  it('names each line by the run and how its settings differ from the run on screen', () => {
    const run = keptRun('r', {
      label: 'Recorded: Gerstgrasser: accumulate',
      config: presetConfig('gerstgrasser-accumulate'),
    });
    expect(overlayName(run, presetConfig('paper-replace'), 'perplexity')).toBe(
      'Recorded: Gerstgrasser: accumulate (accumulate, same passes)',
    );
    expect(overlayName(run, presetConfig('paper-replace'), 'tv')).toBe(
      'Recorded: Gerstgrasser: accumulate (accumulate, same passes), 2-grams',
    );
    expect(overlayName(run, null, 'entropy')).toBe('Recorded: Gerstgrasser: accumulate, characters');
  });

  it('draws each run dashed in its own palette colour, and skips runs with nothing to draw', () => {
    const series = buildOverlaySeries(
      [
        keptRun('a', { styleIndex: 1 }),
        keptRun('b', { styleIndex: 2 }),
        keptRun('c', { generations: [report(0, { perplexity: NaN })] }),
      ],
      null,
      'perplexity',
    );
    expect(series.map((s) => s.id)).toEqual(['a', 'b']);
    expect(series.map((s) => s.style.colour)).toEqual([OVERLAY_COLOURS[1], OVERLAY_COLOURS[2]]);
    expect(series.every((s) => s.style.dash !== '')).toBe(true);
    expect(overlayStyle(1 + OVERLAY_COLOURS.length)).toEqual(overlayStyle(1));
    // The same hues as the charts' own series (colour-blind safe), the first overlay in one no chart's own line uses.
    expect([...OVERLAY_COLOURS].sort()).toEqual([...SERIES_COLOURS].sort());
    expect(overlayStyle(0).colour).not.toBe(SERIES_COLOURS[0]);
  });

  it('widens the charts’ generation range to cover the overlays', () => {
    const series = buildOverlaySeries(
      [keptRun('a', { generations: [report(0), report(1), report(2), report(3)] })],
      null,
      'perplexity',
    );
    const extent = overlayExtent(series);
    expect(extent).toEqual({ first: 0, last: 3, values: [5, 6, 7, 8] });
    expect(generationRange([{ generation: 0 }], extent)).toEqual([0, 3]);
    expect(generationRange([{ generation: 0 }, { generation: 5 }], extent)).toEqual([0, 5]);
    expect(generationRange([], { first: null, last: null })).toEqual([0, 1]);
  });

  it('tells screen readers each overlaid run’s latest value', () => {
    const series = buildOverlaySeries(
      [
        keptRun('a', { label: 'Class 4B' }),
        keptRun('b', { label: 'Recorded: X', generations: [report(0, { perplexity: 12.5 })] }),
      ],
      null,
      'perplexity',
    );
    expect(overlaySummary(series, (v) => v.toFixed(1))).toBe(
      ' Overlaid runs: Class 4B, generation 1: 6.0; Recorded: X, generation 0: 12.5.',
    );
    expect(overlaySummary([], String)).toBe('');
  });
});
