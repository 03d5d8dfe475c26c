import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { presetConfig } from '../../../src/engine/config/presets';
import { settingsInWords } from '../../../src/app/controls/ShownRunSettings';
import { endLossRows } from '../../../src/app/charts/data/chart-data';
import { endLossSummary } from '../../../src/app/charts/data/chart-summaries';
import type { GenerationReport } from '../../../src/engine/record';

const words = (config: Parameters<typeof settingsInWords>[0]) =>
  Object.fromEntries(settingsInWords(config).map((g) => [g.group, g.words.join(', ')]));

describe("the run on screen's settings, in words", () => {
  it('names the paradigm, the model size and the seed of a recorded transformer run', () => {
    const config = { ...presetConfig('paper-replace'), seed: 7 };
    const shown = words(config);
    expect(shown['Paradigm']).toBe('replace');
    expect(shown['Model']).toMatch(/^transformer, tiny model/);
    expect(shown['Run']).toBe('seed 7');
  });

  it('leaves out what does nothing for the run: no model size for the count model, no fresh share under replace', () => {
    const config = {
      ...DEFAULT_CONFIG,
      paradigm: 'replace' as const,
      model: { ...DEFAULT_CONFIG.model, family: 'ngram' as const },
    };
    const all = settingsInWords(config).flatMap((g) => g.words);
    expect(all).toContain('count model');
    expect(all.some((w) => / model$/.test(w) && w !== 'count model')).toBe(false);
    expect(all.some((w) => w.startsWith('fresh '))).toBe(false);
  });
});

describe('training loss at the end of each generation', () => {
  const report = (generation: number, trainLoss: number) => ({ generation, trainLoss }) as GenerationReport;

  it('keeps each generation that recorded a loss, in order, and says the first and the last', () => {
    const rows = endLossRows([report(0, 0.5), report(1, NaN), report(2, 0.75)]);
    expect(rows).toEqual([
      { generation: 0, loss: 0.5 },
      { generation: 2, loss: 0.75 },
    ]);
    expect(endLossSummary(rows)).toMatch(/0\.5 nats per character at generation 0, 0\.75 at generation 2/);
  });

  it('says so when the run recorded none (the count model)', () => {
    expect(endLossSummary(endLossRows([report(0, NaN)]))).toBe('Training loss: this run recorded none.');
  });
});
