import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(path.join(tmpdir(), 'collapse-sweep-'));
const at = (name: string) => path.join(dir, name);

function simulate(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/simulate.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const read = (name: string) => JSON.parse(readFileSync(at(name), 'utf8'));

// 2 contamination shares x 2 paradigms x 2 seeds = 8 count-model runs of 12 generations: ~3 s.
const SWEEP = [
  '--set',
  'model=ngram',
  '--set',
  'realChars=3000',
  '--set',
  'heldOutChars=1000',
  '--generations',
  '12',
  '--sweep',
  'contamination=1,0.2',
  '--sweep',
  'paradigm=replace,accumulate-subsample',
  '--seeds',
  '2',
  '--quiet',
];

/** What must not depend on how the sweep was cut: everything but the command and timings. */
const comparable = (sweep: { runs: { seconds: number }[] }) => {
  const { command: _c, parts: _p, ...rest } = sweep as typeof sweep & { command: string; parts?: unknown };
  return { ...rest, runs: sweep.runs.map(({ seconds: _s, ...r }) => r) };
};

describe('simulate --sweep', () => {
  it('runs a grid, and two shards merged give exactly the same result as the sweep at once', () => {
    const whole = simulate(
      ...SWEEP,
      '--out',
      at('whole.json'),
      '--csv',
      at('whole.csv'),
      '--summary-csv',
      at('summary.csv'),
    );
    expect(whole.code, whole.stderr).toBe(0);
    for (const k of ['1', '2']) {
      const r = simulate(...SWEEP, '--shard', `${k}/2`, '--out', at(`part-${k}.json`));
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = simulate(
      '--merge',
      at('part-2.json'),
      at('part-1.json'),
      '--out',
      at('merged.json'),
      '--summary-csv',
      at('merged-summary.csv'),
    );
    expect(merged.code, merged.stderr).toBe(0);

    const sweep = read('whole.json');
    expect(sweep.runs).toHaveLength(8);
    expect(sweep.command).toMatch(/^npm run simulate -- .*--sweep contamination=1,0\.2/);
    expect(
      sweep.definition.points.map((p: { config: { contamination: number; paradigm: string } }) => [
        p.config.contamination,
        p.config.paradigm,
      ]),
    ).toEqual([
      [1, 'replace'],
      [1, 'accumulate-subsample'],
      [0.2, 'replace'],
      [0.2, 'accumulate-subsample'],
    ]);
    expect(sweep.runs[0].perplexity).toHaveLength(12);
    // Full contamination under replace: every run gets 1.5x worse within 12 generations.
    expect(sweep.summaries[0].outcomes.ratio.reached).toBe(2);
    expect(sweep.law.map((f: { paradigm: string; form: string }) => `${f.paradigm}:${f.form}`)).toContain(
      'replace:c/lambda',
    );
    // The parts hold half the runs each; the merge is the same sweep.
    expect(read('part-1.json').runs.map((r: { index: number }) => r.index)).toEqual([0, 2, 4, 6]);
    expect(read('part-1.json').summaries).toBeUndefined();
    expect(comparable(read('merged.json'))).toEqual(comparable(sweep));
    expect(readFileSync(at('merged-summary.csv'), 'utf8')).toBe(readFileSync(at('summary.csv'), 'utf8'));
    // CSV: one row per run, one per grid point.
    const rows = readFileSync(at('whole.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatch(
      /^run,point,contamination,paradigm,seed,status,.*ratio_generation,nstar_generation/,
    );
    expect(readFileSync(at('summary.csv'), 'utf8').trim().split('\n')[0]).toMatch(
      /ratio_median,ratio_p10,ratio_p90,ratio_law/,
    );
    expect(whole.stderr).toMatch(/law, replace, perplexity x1\.5: T = c\/lambda with c = /);
  });

  it('refuses to merge a part of another sweep, and a missing part, with one line and exit code 2', () => {
    const other = simulate(...SWEEP, '--threshold', 'ratio=2', '--shard', '2/2', '--out', at('other-2.json'));
    expect(other.code, other.stderr).toBe(0);
    const mixed = simulate('--merge', at('part-1.json'), at('other-2.json'), '--out', at('x.json'));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
    expect(mixed.stderr).toMatch(
      /other-2\.json is a part of a different sweep than .*part-1\.json \(definition\.thresholds\.ratio: 1\.5 vs 2\)/,
    );
    const missing = simulate('--merge', at('part-1.json'), '--out', at('x.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing part 2\/2/);
  });

  it.each([
    [['--sweep', 'contamination=1,7'], /grid point contamination=7: invalid settings: contamination/],
    [['--sweep', 'paradigm=replace,sideways'], /grid point paradigm=sideways: invalid settings: paradigm/],
    [['--sweep', 'contamination=1', '--shard', '3/2'], /--shard 3\/2: k must be between 1 and n/],
    [['--sweep', 'seed=1,2'], /give seeds with --seeds/],
    [['--threshold', 'ratio=2'], /belong to a sweep/],
    [
      ['--sweep', 'contamination=1', '--shard', '1/2', '--summary-csv', 'x.csv'],
      /--summary-csv needs the whole sweep/,
    ],
    [
      ['--sweep', 'contamination=1', '--out', '/no/such/folder/s.json'],
      /cannot write \/no\/such\/folder\/s\.json/,
    ],
  ])('bad sweep input %j: one line, exit code 2, before any run', (args, message) => {
    const r = simulate('--set', 'model=ngram', '--out', at('bad.json'), ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a file that is not a sweep part', () => {
    writeFileSync(at('run.json'), JSON.stringify({ version: 1, generations: [] }));
    const r = simulate('--merge', at('run.json'), '--out', at('x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run\.json is not a sweep file written by simulate --sweep/);
  });
});
