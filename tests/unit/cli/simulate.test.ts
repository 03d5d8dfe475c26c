import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'collapse-cli-'));

function simulate(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/simulate.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MICRO = [
  '--set',
  'size=micro',
  '--set',
  'steps=20',
  '--set',
  'realChars=3000',
  '--set',
  'heldOutChars=1000',
  '--set',
  'maxLength=120',
  '--quiet',
];

describe('simulate CLI', () => {
  it('--help lists the options and presets', () => {
    const r = simulate('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--preset NAME/);
    expect(r.stdout).toMatch(/paper-accumulate-subsample/);
  });

  it.each([
    [['--preset', 'nope', '--out', 'x.json'], /unknown preset "nope"/],
    [['--set', 'steps=-1', '--out', 'x.json'], /training\.steps/],
    [['--set', 'paradigm=sideways', '--out', 'x.json'], /paradigm/],
    [['--generations', 'ten', '--out', 'x.json'], /generations/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--backend', 'gpu', '--out', 'x.json'], /--backend must be wasm, cpu or webgpu/],
    [[], /missing --out/],
    [['--config', '/no/such/file.json', '--out', 'x.json'], /cannot read config file/],
  ])('bad input %j: one line on stderr, non-zero exit, no stack trace', (args, message) => {
    const r = simulate(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an empty or binary corpus file with the loader's message", () => {
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = path.join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    for (const file of [empty, binary]) {
      const r = simulate('--corpus', file, '--out', path.join(dir, 'x.json'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^simulate: error: corpus .*: /);
    }
  });

  it('writes run.json with the documented fields and a CSV with one row per generation', () => {
    const out = path.join(dir, 'run.json');
    const csv = path.join(dir, 'metrics.csv');
    const r = simulate(...MICRO, '--generations', '2', '--seed', '5', '--out', out, '--csv', csv);
    expect(r.code, r.stderr).toBe(0);
    const run = JSON.parse(readFileSync(out, 'utf8'));
    expect(run.version).toBe(1);
    expect(run.config.seed).toBe(5);
    expect(run.baseline.perplexity).toBeGreaterThan(1);
    expect(run.generations).toHaveLength(2);
    const g = run.generations[1];
    for (const key of ['generation', 'perplexity', 'entropy', 'realShare', 'meanSampleLength'])
      expect(typeof g[key]).toBe('number');
    for (const key of ['js', 'kl', 'tv']) expect(Object.keys(g[key]).sort()).toEqual(['1', '2', '3']);
    expect(Object.keys(g.distinct).sort()).toEqual(['2', '3', '4']);
    expect(Object.keys(g.lostSupport).sort()).toEqual(['bigrams', 'chars', 'words']);
    expect(Array.isArray(g.samples) && typeof g.samples[0]).toBe('string');
    expect('nStar' in run).toBe(true);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split(',')).toContain('perplexity');
  });

  it('runs the count model from --set model=ngram with many generations quickly', () => {
    const out = path.join(dir, 'ngram.json');
    const r = simulate(
      '--set',
      'model=ngram',
      '--set',
      'alpha=0.1',
      '--set',
      'realChars=3000',
      '--set',
      'heldOutChars=1000',
      '--generations',
      '30',
      '--quiet',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).generations).toHaveLength(30);
  });
});
