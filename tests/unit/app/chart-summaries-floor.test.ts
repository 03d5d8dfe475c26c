import { describe, expect, it } from 'vitest';
import { perplexityRows } from '../../../src/app/charts/data/chart-data';
import { perplexitySummary } from '../../../src/app/charts/data/chart-summaries';
import { report } from '../../support/report-fixtures';

describe("the count model's evaluation floor", () => {
  it('the perplexity summary says what share of the held-out text was scored at the floor', () => {
    const rows = perplexityRows([report(0, { flooredTokens: 25, heldOutTokens: 1000 })]);
    expect(rows[0].flooredShare).toBe(0.025);
    expect(perplexitySummary(rows, null, null)).toMatch(/2\.5% of the held-out characters .* 1e-6 floor/);
  });

  it('says nothing of a floor for the transformer, which has none', () => {
    const rows = perplexityRows([report(0, { flooredTokens: null })]);
    expect(perplexitySummary(rows, null, null)).not.toMatch(/floor/);
  });
});
