import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'collapse-theory-cli-'));

function simulate(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/simulate.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stderr: r.stderr };
}

const SMALL = ['--set', 'model=ngram', '--set', 'realChars=3000', '--set', 'heldOutChars=1000'];

describe('simulate CLI, theory mode', () => {
  it('order 0 with many runs: writes theory (bands and formulas) into run.json and the bands as CSV', () => {
    const out = path.join(dir, 'unigram.json');
    const csv = path.join(dir, 'unigram.csv');
    const r = simulate(
      ...SMALL,
      '--set',
      'order=0',
      '--set',
      'runs=8',
      '--generations',
      '1500',
      '--out',
      out,
      '--csv',
      csv,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/theory \(unigram chain, 8 runs\): 12,000\/12,000 generations/);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^done: 8 runs x 1500 generations/);
    const run = JSON.parse(readFileSync(out, 'utf8'));
    expect(run.status).toBe('complete');
    expect(run.generations).toEqual([]);
    expect(run.vocabulary.length).toBe(run.baseline.perplexity);
    const theory = run.theory;
    expect(theory.method).toBe('unigram-chain');
    expect(theory.runs).toBe(8);
    const points = theory.recordedGenerations.length;
    expect(theory.recordedGenerations.at(-1)).toBe(1500);
    expect(theory.unigram.bands.tv.median).toHaveLength(points);
    expect(theory.formulas.realWeight.values).toHaveLength(points);
    expect(theory.formulas.collision.values).toHaveLength(points); // default: replace, lambda = 1
    const lines = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(points + 1);
    const header = lines[0].split(',');
    for (const column of [
      'generation',
      'tv_median',
      'tv_p10',
      'tv_p90',
      'collision_mean',
      'real_weight_median',
      'absorbed_share',
      'formula_real_weight',
      'formula_collision',
    ]) {
      expect(header).toContain(column);
    }
  });

  it("order >= 1 with runs > 1: the first seed's ordinary record plus theory bands over the text loop", () => {
    const out = path.join(dir, 'bigram.json');
    const r = simulate(
      ...SMALL,
      '--set',
      'order=1',
      '--set',
      'runs=2',
      '--set',
      'maxLength=200',
      '--generations',
      '2',
      '--quiet',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const run = JSON.parse(readFileSync(out, 'utf8'));
    expect(run.generations).toHaveLength(2);
    expect(run.config.seed).toBe(1);
    expect(run.theory.method).toBe('text-loop');
    expect(run.theory.text.seeds).toEqual([1, 2]);
    expect(run.theory.text.bands.perplexity.median).toHaveLength(2);
  });
});
