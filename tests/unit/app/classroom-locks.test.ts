import { describe, expect, it } from 'vitest';
import { chartsShown } from '../../../src/app/classroom/chart-layout';
import { CONTROLS, lockedPaths } from '../../../src/app/classroom/classroom-controls';
import { fixedControls } from '../../../src/app/classroom/classroom-store';
import { NO_CLASSROOM } from '../../../src/app/classroom/classroom-url';
import { keepFixedValues } from '../../../src/app/classroom/locks';
import { leaves } from '../../../src/app/share/config-paths';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { presetConfig } from '../../../src/engine/config/presets';

describe('locked settings', () => {
  it('name only real config paths', () => {
    const paths = new Set(leaves(DEFAULT_CONFIG).map(([p]) => p));
    for (const c of CONTROLS) for (const p of c.paths) expect(paths, `${c.id} -> ${p}`).toContain(p);
  });

  it('keep their value when a preset changes it, and let the preset set everything else', () => {
    const current = { ...DEFAULT_CONFIG, decoding: { ...DEFAULT_CONFIG.decoding, temperature: 0.8 } };
    const preset = presetConfig('paper-accumulate-subsample');
    const { config, kept } = keepFixedValues(preset, current, ['paradigm', 'temperature', 'seed']);
    // A preset is a whole config: it would set temperature back to 1; the seed it leaves alone.
    expect(kept).toEqual(['paradigm', 'temperature']);
    expect(config.paradigm).toBe('replace');
    expect(config.decoding.temperature).toBe(0.8);
    expect(config.contamination).toBe(0.1);
    expect(config.generations).toBe(20);
  });

  it('say which locks held a change back, each once', () => {
    const next = { ...DEFAULT_CONFIG, decoding: { temperature: 0.5, topK: 5, topP: 0.9 }, seed: 9 };
    const { config, kept } = keepFixedValues(next, DEFAULT_CONFIG, ['temperature', 'topP', 'seed']);
    expect(kept).toEqual(['temperature', 'topP', 'seed']);
    expect(config.decoding).toEqual({ temperature: 1, topK: 5, topP: 1 });
    expect(config.seed).toBe(1);
  });

  it('leave the config untouched when nothing fixed changes', () => {
    const next = { ...DEFAULT_CONFIG, seed: 5 };
    const out = keepFixedValues(next, DEFAULT_CONFIG, ['paradigm']);
    expect(out.config).toBe(next);
    expect(out.kept).toEqual([]);
  });

  it('count hidden controls as fixed: the class has no control to change them with', () => {
    expect(fixedControls({ ...NO_CLASSROOM, hidden: ['seed'], locked: ['paradigm'] }).sort()).toEqual([
      'paradigm',
      'seed',
    ]);
    expect(lockedPaths(['modelSize', 'steps'])).toEqual([
      'model.size',
      'training.steps',
      'training.budgetRule',
    ]);
  });
});

describe('which charts show, and which is large', () => {
  it('shows all six in the usual order by default', () => {
    expect(chartsShown(null, false).map((c) => c.id)).toEqual([
      'perplexity',
      'loss',
      'divergence',
      'lost-support',
      'diversity',
      'provenance',
    ]);
    expect(chartsShown(null, false).some((c) => c.large)).toBe(false);
  });

  it('puts the large chart first and keeps the others', () => {
    const shown = chartsShown('provenance', false);
    expect(shown[0]).toEqual({ id: 'provenance', large: true });
    expect(shown).toHaveLength(6);
    expect(shown.filter((c) => c.large)).toHaveLength(1);
  });

  it('shows two charts in presenter mode: the large one and one more', () => {
    expect(chartsShown(null, true)).toEqual([
      { id: 'perplexity', large: true },
      { id: 'divergence', large: false },
    ]);
    expect(chartsShown('lost-support', true)).toEqual([
      { id: 'lost-support', large: true },
      { id: 'perplexity', large: false },
    ]);
  });
});
