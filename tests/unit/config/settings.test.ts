import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { CHANGE_UNITS } from '../../../src/engine/config/live-settings';
import { KEY_ALIASES, SETTING_GROUPS, SETTINGS, SHORT_NAMES } from '../../../src/engine/config/settings';
import { readSetting, settingBounds, writeSetting } from '../../../src/engine/config/setting-paths';
import { mergeLiveSettings } from '../../../src/engine/loop/control/config-change';

const leaves = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('the settings registry', () => {
  it('holds every setting of the config once, and nothing else', () => {
    const paths = leaves(DEFAULT_CONFIG).filter((p) => p !== 'version');
    expect(SETTINGS.map((s) => s.path).sort()).toEqual([...paths].sort());
  });

  it("gives each short name one meaning, never another setting's path", () => {
    const paths = new Set<string>(SETTINGS.map((s) => s.path));
    const aliases = SETTINGS.flatMap((s) => s.aliases ?? []);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const alias of aliases) if (paths.has(alias)) expect(KEY_ALIASES[alias]).toBe(alias);
    expect(KEY_ALIASES).toMatchObject({
      model: 'model.family',
      lr: 'training.learningRate',
      evalChars: 'evaluation.sampleChars',
      workers: 'compute.workers',
    });
    expect(SHORT_NAMES).toEqual(
      expect.arrayContaining([
        'paradigm',
        'contamination',
        'realKept',
        'freshShare',
        'trainingSample',
        'runs',
        'temperature',
      ]),
    );
  });

  it('puts each setting in a group of the panel, and lists settings of one classroom control together', () => {
    const groups = new Set<string>(SETTING_GROUPS.map((g) => g.id));
    for (const s of SETTINGS) expect(groups, s.path).toContain(s.group);
    const controls = SETTINGS.flatMap((s) => (s.classroom ? [s.classroom] : []));
    const runs = controls.filter((c, i) => i === 0 || controls[i - 1] !== c);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it('gives the panel a number field or slider only for numeric settings', () => {
    const drawn = SETTINGS.filter((s) => s.page);
    for (const s of drawn) expect(typeof readSetting(DEFAULT_CONFIG, s.path), s.path).toBe('number');
    expect(drawn.map((s) => s.path)).toEqual(
      expect.arrayContaining(['sampling.maxLength', 'evaluation.sampleChars']),
    );
  });

  it('reads bounds from the schema', () => {
    expect(settingBounds('decoding.topP')).toEqual({ min: 0, max: 1, integer: false, exclusiveMin: true });
    expect(settingBounds('evaluation.sampleChars')).toEqual({
      min: 500,
      max: 200_000,
      integer: true,
      exclusiveMin: false,
    });
  });

  it('reads and writes a setting by its path without touching the rest', () => {
    const next = writeSetting(DEFAULT_CONFIG, 'sampling.maxLength', 200);
    expect(readSetting(next, 'sampling.maxLength')).toBe(200);
    expect(next.sampling.sampler).toBe(DEFAULT_CONFIG.sampling.sampler);
    expect(DEFAULT_CONFIG.sampling.maxLength).toBe(600);
    expect(next.decoding).toBe(DEFAULT_CONFIG.decoding);
  });
});

describe('settings a running simulation takes', () => {
  it('are named as whole sections where a section changes alike', () => {
    expect(CHANGE_UNITS.filter((u) => u.live).map((u) => u.name)).toEqual([
      'generations',
      'model.ngramAlpha',
      'model.continueTraining',
      'paradigm',
      'contamination',
      'realKept',
      'freshShare',
      'trainingSample',
      'training',
      'decoding',
      'filter',
      'sampling.maxLength',
    ]);
    expect(CHANGE_UNITS.filter((u) => !u.live).map((u) => u.name)).toEqual([
      'seed',
      'corpus',
      'model.family',
      'model.size',
      'model.ngramOrder',
      'sampling.sampler',
      'evaluation',
      'runs',
      'compute',
    ]);
  });

  it('apply the live ones and refuse the rest', () => {
    const next = {
      ...DEFAULT_CONFIG,
      seed: 9,
      training: { ...DEFAULT_CONFIG.training, steps: 10 },
      sampling: { maxLength: 100, sampler: 'fixed-shape' as const },
      model: { ...DEFAULT_CONFIG.model, continueTraining: true, size: 'micro' as const },
    };
    const change = mergeLiveSettings(DEFAULT_CONFIG, next);
    expect(change.changed).toEqual(['model.continueTraining', 'training', 'sampling.maxLength']);
    expect(change.refused).toEqual(['seed', 'model.size', 'sampling.sampler']);
    expect(change.config).toEqual({
      ...DEFAULT_CONFIG,
      training: next.training,
      sampling: { ...DEFAULT_CONFIG.sampling, maxLength: 100 },
      model: { ...DEFAULT_CONFIG.model, continueTraining: true },
    });
  });
});
