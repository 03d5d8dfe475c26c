/**
 * Settings that cannot work together, through the CLI: a refusal is one line and a non-zero exit
 * before any training; an adjustment is a note, and run.json records the value the run used.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'collapse-cli-contradictions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function simulate(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/simulate.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr };
}

describe('simulate CLI: contradictory settings', () => {
  it('refuses a training sample smaller than one context window in one line', () => {
    const r = simulate(
      '--set',
      'paradigm=accumulate-subsample',
      '--set',
      'trainingSample=0.05',
      '--set',
      'size=medium',
      '--set',
      'realChars=2000',
      '--out',
      path.join(dir, 'never.json'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^simulate: error: invalid settings: trainingSample: Each model would train on 100 characters .*medium model's context \(257 characters\)/,
    );
  });

  it('adjusts a top-k larger than the vocabulary with a note, and records the value used', () => {
    const out = path.join(dir, 'topk.json');
    const r = simulate(
      '--set',
      'model=ngram',
      '--set',
      'topK=500',
      '--generations',
      '1',
      '--quiet',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^note: decoding\.topK: Top-k 500 is at least the size of a vocabulary.*treated as 0 \(no limit\)/m,
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).config.decoding.topK).toBe(0);
  });
});
