import { describe, expect, it } from 'vitest';
import { COMPARE_PAIRS, pairConfigs } from '../../../src/app/runs/compare/compare-pairs';
import { configDiffLabel, configDifferences } from '../../../src/app/runs/config-diff';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { presetConfig } from '../../../src/engine/config/presets';
import type { SimulationConfig } from '../../../src/engine/config/schema';

const base = DEFAULT_CONFIG;
const withChanges = (patch: Partial<SimulationConfig>): SimulationConfig => ({ ...base, ...patch });

describe('config difference labels', () => {
  it('names the classic pairs’ differences the way a teacher says them', () => {
    expect(configDiffLabel(presetConfig('gerstgrasser-accumulate'), presetConfig('paper-replace'))).toBe(
      'accumulate, same passes',
    );
    expect(configDiffLabel(presetConfig('shumailov-10pct-real'), presetConfig('paper-replace'))).toBe(
      'real kept 10%',
    );
    expect(configDiffLabel(presetConfig('low-temperature'), presetConfig('paper-replace'))).toBe(
      'temperature 0.5',
    );
  });

  it('joins several differences, most important first', () => {
    expect(configDiffLabel(withChanges({ paradigm: 'accumulate', realKept: 0.1 }), base)).toBe(
      'accumulate, real kept 10%',
    );
    expect(configDiffLabel(withChanges({ seed: 7, paradigm: 'fresh-data', freshShare: 0.5 }), base)).toBe(
      'fresh real data, fresh 50%, seed 7',
    );
  });

  it('counts what it does not name, so a legend entry stays one line', () => {
    const run = withChanges({
      paradigm: 'accumulate',
      realKept: 0.2,
      seed: 3,
      training: { ...base.training, steps: 40 },
    });
    expect(configDifferences(run, base)).toEqual(['accumulate', 'real kept 20%', 'seed 3', '40 steps']);
    expect(configDiffLabel(run, base)).toBe('accumulate, real kept 20%, seed 3 +1 more');
  });

  it('says "same settings" for equal configs and nothing without a reference', () => {
    expect(configDiffLabel({ ...base }, base)).toBe('same settings');
    expect(configDiffLabel(base, null)).toBe('');
  });

  it('names model, corpus and decoding changes in words', () => {
    const run: SimulationConfig = {
      ...base,
      model: { ...base.model, size: 'micro' },
      corpus: { ...base.corpus, source: 'markov' },
      decoding: { temperature: 1, topK: 5, topP: 1 },
    };
    expect(configDifferences(run, base)).toEqual(['top-k 5', 'markov corpus', 'micro model']);
    expect(
      configDifferences(withChanges({ model: { ...base.model, family: 'ngram', ngramOrder: 3 } }), base),
    ).toEqual(['count model', 'order 3']);
  });
});

describe('compare pairs', () => {
  it('differ in exactly the one thing they compare, with the same seed and budget', () => {
    const edited = withChanges({ seed: 42, training: { ...base.training, steps: 30 } });
    const words = COMPARE_PAIRS.map((pair) => {
      const [a, b] = pairConfigs(pair, edited);
      expect(a.seed).toBe(42);
      expect(b.training.steps).toBe(30);
      return [configDiffLabel(a, b), configDiffLabel(b, a)];
    });
    expect(words).toEqual([
      ['replace', 'accumulate'],
      ['real kept 0%', 'real kept 10%'],
      ['temperature 1', 'temperature 0.5'],
      ['tiny model', 'micro model'],
      ['unfiltered', 'best 50% kept, no duplicates'],
    ]);
  });
});
