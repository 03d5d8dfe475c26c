import { describe, expect, it } from 'vitest';
import { runList, shardRuns, SweepInputError, type Shard } from '../../../src/cli/sweep/grid';
import { differences, mergeParts, type PartFile } from '../../../src/cli/sweep/merge';
import {
  SWEEP_FORMAT,
  type SweepDefinition,
  type SweepResult,
  type SweepRun,
} from '../../../src/cli/sweep/result';
import { DEFAULT_CONFIG } from '../../../src/engine/config/defaults';

const { seed: _seed, ...config } = DEFAULT_CONFIG;
const definition: SweepDefinition = {
  axes: [{ key: 'contamination', path: 'contamination', values: ['1', '0.5', '0.1'] }],
  seeds: [1, 2],
  thresholds: { ratio: 1.5, nstarTolerance: 0.05 },
  points: [1, 0.5, 0.1].map((contamination, index) => ({
    index,
    values: { contamination },
    config: { ...config, contamination },
  })),
  corpus: null,
};

const run = (spec: { index: number; point: number; seed: number }): SweepRun => ({
  ...spec,
  status: 'complete',
  baseline: 60,
  perplexity: [10, 12 + spec.index],
  realShare: [1, 0.5],
  nStar: null,
  thresholds: { ratio: 1, nstar: null },
  seconds: 1,
});

function part(index: number, count: number, over: Partial<SweepResult> = {}): PartFile {
  const shard: Shard = { index, count };
  const runs = shardRuns(runList(3, [1, 2]), shard).map(run);
  return {
    file: `part-${index}.json`,
    result: {
      format: SWEEP_FORMAT,
      version: 1,
      command: `simulate --shard ${index}/${count}`,
      definition,
      shard,
      complete: true,
      runs,
      ...over,
    },
  };
}

const refusal = (parts: PartFile[]): string => {
  try {
    mergeParts(parts, 'merge');
  } catch (e) {
    expect(e).toBeInstanceOf(SweepInputError);
    return (e as Error).message;
  }
  throw new Error('the merge was not refused');
};

describe('sweep merge', () => {
  it('joins the parts into every run once, in order, naming the parts', () => {
    const merged = mergeParts([part(3, 3), part(1, 3), part(2, 3)], 'merge');
    expect(merged.runs.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(merged.shard).toBeNull();
    expect(merged.parts?.map((p) => p.file)).toEqual(['part-1.json', 'part-2.json', 'part-3.json']);
    expect(merged.definition).toEqual(definition);
  });

  it('refuses a part of a different sweep and says what differs', () => {
    const other = { ...definition, seeds: [1, 3] };
    const message = refusal([part(1, 2), part(2, 2, { definition: other })]);
    expect(message).toMatch(/part-2\.json is a part of a different sweep than part-1\.json/);
    expect(message).toMatch(/definition\.seeds\[1\]: 2 vs 3/);
    const steps = {
      ...definition,
      points: definition.points.map((p) => ({ ...p, config: { ...p.config, generations: 99 } })),
    };
    expect(refusal([part(1, 2), part(2, 2, { definition: steps })])).toMatch(
      /definition\.points\[0\]\.config\.generations: 10 vs 99/,
    );
  });

  it('lists parts given twice and parts missing in one message', () => {
    const message = refusal([part(1, 4), part(1, 4), part(3, 4)]);
    expect(message).toMatch(/part 1\/4 given 2 times \(part-1\.json, part-1\.json\)/);
    expect(message).toMatch(/missing parts 2\/4, 4\/4/);
  });

  it('refuses parts cut differently, a part stopped early, a whole sweep, and no parts', () => {
    expect(refusal([part(1, 2), part(2, 3)])).toMatch(
      /cut the sweep differently: part-1\.json is part 1\/2, part-2\.json is part 2\/3/,
    );
    expect(refusal([part(1, 2), part(2, 2, { complete: false })])).toMatch(
      /part-2\.json \(part 2\/2\) stopped early.*--shard 2\/2 again/,
    );
    expect(refusal([part(1, 1, { shard: null })])).toMatch(/a whole sweep, not a part/);
    expect(refusal([])).toMatch(/needs the part files/);
  });

  it('refuses a part whose runs are not its share', () => {
    const edited = part(2, 2);
    edited.result.runs = edited.result.runs.slice(1);
    expect(refusal([part(1, 2), edited])).toMatch(
      /part-2\.json does not hold the runs of part 2\/2 \(lacks run 1\)/,
    );
  });

  it('describes differences by path', () => {
    expect(differences({ a: [1, 2], b: { c: 'x' } }, { a: [1, 2], b: { c: 'y' } })).toEqual([
      'definition.b.c: "x" vs "y"',
    ]);
    expect(differences({ a: [1] }, { a: [1, 2] })).toEqual(['definition.a: [1] vs [1,2]']);
    expect(differences({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
