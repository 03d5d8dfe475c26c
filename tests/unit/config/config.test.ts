import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { applyAssignments } from '../../../src/engine/config/overrides';
import { PRESETS, presetPartial } from '../../../src/engine/config/presets';
import { parseConfig, parseConfigLenient } from '../../../src/engine/config/validate';

describe('SimulationConfig', () => {
  it('the defaults are the seed paper setting and validate', () => {
    const r = parseConfig({});
    expect(r.ok && r.config).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({
      paradigm: 'replace',
      realKept: 0,
      decoding: { temperature: 1, topK: 0, topP: 1 },
    });
    expect(DEFAULT_CONFIG.model.continueTraining).toBe(false);
  });

  it('every preset validates, has a description and a source, and changes something but the default', () => {
    for (const preset of PRESETS) {
      const r = parseConfig(presetPartial(preset.id));
      expect(r.ok, preset.id).toBe(true);
      expect(preset.description.length).toBeGreaterThan(20);
      expect(preset.source.length).toBeGreaterThan(5);
      if (preset.id !== 'paper-replace' && r.ok) expect(r.config).not.toEqual(DEFAULT_CONFIG);
    }
  });

  it('strict parsing names each bad field', () => {
    const r = parseConfig({
      training: { steps: -3 },
      paradigm: 'teleport',
      decoding: { temperature: 'hot' },
    });
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.errors.join('\n');
    expect(text).toMatch(/training\.steps/);
    expect(text).toMatch(/paradigm/);
    expect(text).toMatch(/decoding\.temperature/);
  });

  it('lenient parsing keeps what it can read and falls back per field with a notice', () => {
    const { config, notices } = parseConfigLenient({
      seed: 7,
      training: { steps: 'lots', batchSize: 8 },
      contamination: 99,
    });
    expect(config.seed).toBe(7);
    expect(config.training.batchSize).toBe(8);
    expect(config.training.steps).toBe(DEFAULT_CONFIG.training.steps);
    expect(config.contamination).toBe(DEFAULT_CONFIG.contamination);
    expect(notices.some((n) => n.includes('training.steps'))).toBe(true);
    expect(notices.some((n) => n.includes('contamination'))).toBe(true);
    expect(parseConfigLenient('garbage').config).toEqual(DEFAULT_CONFIG);
  });

  it('--set assignments accept aliases, dotted paths, numbers and booleans', () => {
    const partial = applyAssignments({}, [
      'model=ngram',
      'training.batchSize=8',
      'continue=true',
      'temperature=0.7',
      'paradigm=accumulate',
    ]);
    const r = parseConfig(partial);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.model.family).toBe('ngram');
    expect(r.config.training.batchSize).toBe(8);
    expect(r.config.model.continueTraining).toBe(true);
    expect(r.config.decoding.temperature).toBe(0.7);
    expect(r.config.paradigm).toBe('accumulate');
    expect(() => applyAssignments({}, ['nonsense'])).toThrow(/key=value/);
    expect(applyAssignments({}, ['evalChars=2000'])).toEqual({ evaluation: { sampleChars: 2000 } });
  });
});
