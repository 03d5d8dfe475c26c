import { describe, expect, it } from 'vitest';
import {
  checkContradictions,
  describeIssues,
  userCorpusFacts,
  type CorpusFacts,
} from '../../../src/engine/config/contradictions';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';
import { PRESETS, presetConfig } from '../../../src/engine/config/presets';
import type { SimulationConfig } from '../../../src/engine/config/schema';
import { mergeConfig } from '../../../src/engine/config/validate';
import { prepareCorpus } from '../../../src/engine/corpus/prepare';
import { buildVocabulary } from '../../../src/engine/text/vocabulary';

const config = (patch: unknown): SimulationConfig => mergeConfig(DEFAULT_CONFIG, patch) as SimulationConfig;
const issueOf = (c: SimulationConfig, field: string, facts: CorpusFacts = {}) =>
  checkContradictions(c, facts).issues.find((i) => i.field === field);

describe('checkContradictions: settings that cannot work together', () => {
  it('finds nothing to say about the defaults or any preset', () => {
    const check = checkContradictions(DEFAULT_CONFIG);
    expect(check).toEqual({ ok: true, config: DEFAULT_CONFIG, issues: [] });
    for (const preset of PRESETS)
      expect(checkContradictions(presetConfig(preset.id)).issues, preset.id).toEqual([]);
  });

  it('does not change the config it was given', () => {
    const input = config({ training: { steps: 5 } });
    checkContradictions(input);
    expect(input.training.warmupSteps).toBe(DEFAULT_CONFIG.training.warmupSteps);
  });

  it('shortens a warm-up longer than the training, and says why', () => {
    const check = checkContradictions(config({ training: { steps: 10, warmupSteps: 20 } }));
    expect(check.ok).toBe(true);
    expect(check.config.training.warmupSteps).toBe(10);
    expect(check.issues[0]).toMatchObject({ field: 'training.warmupSteps', kind: 'adjusted' });
    expect(check.issues[0].message).toMatch(
      /warm-up \(20 steps\) is longer than the training \(10 steps\).*shortened to 10/,
    );
  });

  it('turns a top-k that keeps the whole vocabulary into "no limit", naming the vocabulary size', () => {
    const blind = checkContradictions(config({ decoding: { topK: 500 } }));
    expect(blind.config.decoding.topK).toBe(0);
    expect(blind.issues[0].message).toMatch(
      /Top-k 500 is at least the size of a vocabulary \(at most 128 symbols\)/,
    );
    const known = checkContradictions(config({ decoding: { topK: 50 } }), { vocabularySize: 40 });
    expect(known.config.decoding.topK).toBe(0);
    expect(known.issues[0].message).toMatch(/the text's vocabulary \(40 symbols\)/);
    expect(checkContradictions(config({ decoding: { topK: 39 } }), { vocabularySize: 40 }).issues).toEqual(
      [],
    );
  });

  it('refuses a training sample smaller than one context window, and says how large it must be', () => {
    const c = config({
      paradigm: 'accumulate-subsample',
      trainingSample: 0.05,
      corpus: { realChars: 2000 },
      model: { size: 'medium' },
    });
    const check = checkContradictions(c);
    expect(check.ok).toBe(false);
    const issue = check.issues.find((i) => i.kind === 'refused');
    expect(issue?.field).toBe('trainingSample');
    expect(issue?.message).toMatch(
      /train on 100 characters \(5% of 2,000\), fewer than one window of the medium model's context \(257 characters\).*at least 13%/,
    );
    // The count model has no context window: the same sample is fine for it.
    expect(checkContradictions({ ...c, model: { ...c.model, family: 'ngram' } }).ok).toBe(true);
  });

  it('notes a training sample larger than the corpus it is drawn from, and for how many generations', () => {
    const issue = issueOf(
      config({
        paradigm: 'accumulate-subsample',
        contamination: 0.1,
        trainingSample: 1.5,
        corpus: { realChars: 10_000 },
      }),
      'trainingSample',
    );
    expect(issue?.kind).toBe('note');
    expect(issue?.message).toMatch(
      /15,000 characters, 150% of the real text\) is larger than the corpus at first \(10,000 characters, growing by 1,000 a generation\): the first 5 generations/,
    );
  });

  it('shares a user text smaller than held-out + real out in proportion, as the loop does', () => {
    const documents = Array.from({ length: 60 }, (_, i) =>
      `Document ${i}: ${'words and more words. '.repeat(10)}`.trim(),
    );
    const facts = userCorpusFacts(documents);
    const c = config({ corpus: { source: 'user' } });
    const issue = issueOf(c, 'corpus.realChars', facts);
    expect(issue?.kind).toBe('adjusted');
    const prepared = prepareCorpus(c, documents);
    const held = prepared.heldOut.reduce((n, d) => n + d.length, 0);
    expect(facts.userChars).toBeLessThan(15_000);
    // The numbers announced are the budgets the loop deals by.
    const [, heldOut, real] =
      /: ([\d,]+) will be held out for measuring and ([\d,]+) form the real corpus/.exec(
        issue?.message ?? '',
      ) ?? [];
    expect(Number(heldOut.replace(/,/g, '')) + Number(real.replace(/,/g, ''))).toBe(facts.userChars);
    expect(held).toBeGreaterThanOrEqual(Number(heldOut.replace(/,/g, '')));
  });

  it('notes when fresh real text runs out before the last generation', () => {
    const c = config({
      paradigm: 'fresh-data',
      freshShare: 0.5,
      corpus: { source: 'user', realChars: 2000, heldOutChars: 500 },
      generations: 10,
    });
    const issue = issueOf(c, 'freshShare', { userChars: 5500, longestDocument: 300, vocabularySize: 40 });
    expect(issue?.message).toMatch(
      /Fresh real text runs out after 3 of 10 generations: your text has 3,000 characters beyond/,
    );
  });

  it('notes a context longer than every document, and generated documents shorter than the context', () => {
    const c = config({ corpus: { source: 'user' }, model: { size: 'medium' }, sampling: { maxLength: 100 } });
    const check = checkContradictions(c, { userChars: 50_000, longestDocument: 120, vocabularySize: 50 });
    expect(check.ok).toBe(true);
    expect(check.issues.find((i) => i.field === 'model.size')?.message).toMatch(
      /medium model reads 256 characters at a time, but your longest document has 120/,
    );
    expect(check.issues.find((i) => i.field === 'sampling.maxLength')?.message).toMatch(
      /stop at 100 characters, shorter than the medium model's context \(256\)/,
    );
  });

  it('sets several runs of a transformer to one (runs side by side are for the count model)', () => {
    const check = checkContradictions(config({ runs: 5 }));
    expect(check.config.runs).toBe(1);
    expect(checkContradictions(config({ runs: 5, model: { family: 'ngram' } })).issues).toEqual([]);
  });

  it('notes a replace contamination above 100%', () => {
    expect(issueOf(config({ contamination: 2 }), 'contamination')?.message).toMatch(
      /at 200%, each generation replaces the whole corpus/,
    );
  });

  it('counts the vocabulary of a text as the model will build it (emoji one symbol, the cap applied)', () => {
    const texts = [
      ['A cat 🐈 and a rocket 🚀, cafe\u0301 and ⏎ and \uFFFD.', 'Second document: "quotes" 🐈.'],
      [Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x400 + i)).join('')],
      ['plain text only'],
    ];
    for (const documents of texts)
      expect(userCorpusFacts(documents).vocabularySize).toBe(buildVocabulary(documents).size);
  });

  it('measures on no more characters than the held-out text holds, and says so', () => {
    const check = checkContradictions(
      config({ corpus: { heldOutChars: 1_500 }, evaluation: { sampleChars: 5_000 } }),
    );
    expect(check.ok).toBe(true);
    expect(check.config.evaluation.sampleChars).toBe(1_500);
    const issue = check.issues.find((i) => i.field === 'evaluation.sampleChars');
    expect(issue?.kind).toBe('adjusted');
    expect(issue?.message).toMatch(
      /evaluation sample \(5,000 characters\) is larger than the held-out text \(1,500 characters\).*measured on 1,500 characters/,
    );
    // A user text shared out in proportion: its held-out share is the limit.
    const user = checkContradictions(
      config({ corpus: { source: 'user', heldOutChars: 5_000, realChars: 5_000 } }),
      { userChars: 4_000 },
    );
    expect(user.config.evaluation.sampleChars).toBe(2_000);
    expect(
      checkContradictions(config({ corpus: { heldOutChars: 5_000 }, evaluation: { sampleChars: 5_000 } }))
        .issues,
    ).toEqual([]);
  });

  it('writes each issue as one line that names its field', () => {
    const lines = describeIssues(
      checkContradictions(config({ training: { steps: 5 }, decoding: { topK: 300 } })).issues,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^training\.warmupSteps: /);
    expect(lines[1]).toMatch(/^decoding\.topK: /);
  });
});
