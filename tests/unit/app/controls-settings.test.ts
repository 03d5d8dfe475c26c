import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { simulationConfigSchema } from '../../../src/engine/config/schema';
import { applicability } from '../../../src/app/controls/fields/applicability';
import { describeUserCorpus, nameForUrl, toUserCorpus } from '../../../src/app/controls/groups/corpus-load';
import {
  checkNumber,
  fieldBounds,
  getField,
  validateConfig,
  withField,
  type NumericField,
} from '../../../src/app/controls/fields/settings-fields';

const FIELDS: NumericField[] = [
  'seed',
  'generations',
  'contamination',
  'realKept',
  'freshShare',
  'trainingSample',
  'training.steps',
  'decoding.temperature',
  'decoding.topK',
  'decoding.topP',
  'evaluation.sampleChars',
  'compute.workers',
];

describe('numeric settings', () => {
  it('reads bounds from the schema', () => {
    expect(fieldBounds('decoding.temperature')).toEqual({
      min: 0.05,
      max: 5,
      integer: false,
      exclusiveMin: false,
    });
    expect(fieldBounds('decoding.topP')).toMatchObject({ min: 0, max: 1, exclusiveMin: true });
    expect(fieldBounds('contamination')).toMatchObject({ min: 0.001, max: 4 });
    expect(fieldBounds('training.steps').integer).toBe(true);
    expect(fieldBounds('evaluation.sampleChars')).toEqual({
      min: 500,
      max: 200_000,
      integer: true,
      exclusiveMin: false,
    });
    expect(fieldBounds('compute.workers')).toEqual({ min: 0, max: 32, integer: true, exclusiveMin: false });
  });

  it.each(FIELDS)('%s: get/set round-trips and every clamped value passes the schema', (field) => {
    const v = getField(DEFAULT_CONFIG, field);
    expect(getField(withField(DEFAULT_CONFIG, field, v), field)).toBe(v);
    for (const typed of ['-1e9', '1e12', '0']) {
      const check = checkNumber(field, typed);
      expect(check.kind).not.toBe('invalid');
      if (check.kind === 'invalid') continue;
      expect(simulationConfigSchema.safeParse(withField(DEFAULT_CONFIG, field, check.value)).success).toBe(
        true,
      );
    }
  });

  it('accepts a value in range as typed', () => {
    expect(checkNumber('decoding.temperature', ' 0.7 ')).toEqual({ kind: 'ok', value: 0.7 });
  });

  it('clamps with the reason', () => {
    const high = checkNumber('decoding.temperature', '9');
    expect(high).toMatchObject({ kind: 'adjusted', value: 5 });
    if (high.kind === 'adjusted') expect(high.message).toBe('Set to 5: the largest allowed is 5.');
    expect(checkNumber('decoding.topP', '0')).toMatchObject({
      kind: 'adjusted',
      value: 0.01,
      reason: 'it must be above 0',
    });
  });

  it('rounds integers and says so', () => {
    const check = checkNumber('training.steps', '120.6');
    expect(check).toMatchObject({ kind: 'adjusted', value: 121 });
    if (check.kind === 'adjusted') expect(check.message).toContain('whole numbers only');
  });

  it('refuses text that is not a number, naming it', () => {
    expect(checkNumber('seed', '')).toEqual({ kind: 'invalid', message: 'Enter a number.' });
    expect(checkNumber('seed', 'abc')).toEqual({ kind: 'invalid', message: '"abc" is not a number.' });
  });

  it('validates whole configs', () => {
    expect(validateConfig(DEFAULT_CONFIG).ok).toBe(true);
    const bad = validateConfig({ ...DEFAULT_CONFIG, realKept: 2 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^realKept:/);
  });
});

describe('which controls apply to which paradigm', () => {
  const at = (paradigm: (typeof DEFAULT_CONFIG)['paradigm']) => ({ ...DEFAULT_CONFIG, paradigm });

  it('real data kept: replace only', () => {
    expect(applicability('realKept', at('replace')).applies).toBe(true);
    for (const p of ['accumulate', 'accumulate-subsample', 'fresh-data'] as const) {
      const a = applicability('realKept', at(p));
      expect(a.applies).toBe(false);
      if (!a.applies) expect(a.reason).toContain('Replace');
    }
  });

  it('fresh real data: fresh-data only; training sample: subsample and fresh-data', () => {
    expect(applicability('freshShare', at('fresh-data')).applies).toBe(true);
    expect(applicability('freshShare', at('accumulate')).applies).toBe(false);
    expect(applicability('trainingSample', at('accumulate-subsample')).applies).toBe(true);
    expect(applicability('trainingSample', at('fresh-data')).applies).toBe(true);
    expect(applicability('trainingSample', at('replace')).applies).toBe(false);
    expect(applicability('trainingSample', at('accumulate')).applies).toBe(false);
  });

  it('model size and steps do not apply to the count model', () => {
    const ngram = { ...DEFAULT_CONFIG, model: { ...DEFAULT_CONFIG.model, family: 'ngram' as const } };
    expect(applicability('modelSize', DEFAULT_CONFIG).applies).toBe(true);
    expect(applicability('modelSize', ngram).applies).toBe(false);
    expect(applicability('trainingSteps', ngram).applies).toBe(false);
  });
});

describe("loading the teacher's text", () => {
  it('summarises a loaded corpus with its notices', () => {
    const corpus = toUserCorpus(
      'story.txt',
      { ok: true, text: 'abcde', documents: ['abc', 'de'], chars: 5, notices: ['cut'] },
      ['first file only'],
    );
    expect(corpus).toEqual({
      name: 'story.txt',
      documents: ['abc', 'de'],
      chars: 5,
      notices: ['first file only', 'cut'],
    });
    expect(describeUserCorpus(corpus)).toBe('story.txt: 5 characters in 2 documents');
  });

  it('names text from a web address by its file', () => {
    expect(nameForUrl('https://example.org/books/alice.txt')).toBe('alice.txt (example.org)');
    expect(nameForUrl('https://example.org/')).toBe('example.org');
    expect(nameForUrl('not a url')).toBe('not a url');
  });
});
