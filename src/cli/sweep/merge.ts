/**
 * --merge: joins the parts of a sharded sweep into the whole, after checking that they are the
 * parts of one sweep (same definition), each part exactly once, none missing, none stopped early.
 * Every refusal says which files and which parts. Pure: the caller reads the files.
 */
import { runList, shardRuns, SweepInputError, type Shard } from './grid';
import type { SweepResult } from './result';

export interface PartFile {
  file: string;
  result: SweepResult;
}

const show = (x: unknown): string => {
  const text = JSON.stringify(x);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Where two JSON values differ, as `path: a vs b` lines (the first `limit`, then a count). */
export function differences(a: unknown, b: unknown, limit = 4): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (Object.is(x, y)) return;
    const bothObjects = typeof x === 'object' && typeof y === 'object' && x !== null && y !== null;
    if (bothObjects && Array.isArray(x) === Array.isArray(y)) {
      if (Array.isArray(x) && Array.isArray(y) && x.length !== y.length) {
        out.push(`${path}: ${show(x)} vs ${show(y)}`);
        return;
      }
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys)
        walk(
          (x as Record<string, unknown>)[k],
          (y as Record<string, unknown>)[k],
          Array.isArray(x) ? `${path}[${k}]` : `${path}.${k}`,
        );
      return;
    }
    out.push(`${path}: ${show(x)} vs ${show(y)}`);
  };
  walk(a, b, 'definition');
  return out.length > limit ? [...out.slice(0, limit), `and ${out.length - limit} more`] : out;
}

const label = (s: Shard) => `${s.index}/${s.count}`;

/** Throws one SweepInputError listing every problem, or returns the parts sorted by shard. */
function checkParts(parts: readonly PartFile[]): (PartFile & { shard: Shard })[] {
  if (parts.length === 0)
    throw new SweepInputError(
      '--merge needs the part files: --merge part1.json part2.json ... --out sweep.json',
    );
  const whole = parts.filter((p) => p.result.shard === null);
  if (whole.length > 0)
    throw new SweepInputError(
      `${whole.map((p) => p.file).join(', ')}: a whole sweep, not a part (written without --shard); nothing to merge`,
    );
  const sharded = parts as (PartFile & { result: { shard: Shard } })[];

  const [first] = sharded;
  for (const p of sharded.slice(1)) {
    const diff = differences(first.result.definition, p.result.definition);
    if (diff.length > 0)
      throw new SweepInputError(
        `${p.file} is a part of a different sweep than ${first.file} (${diff.join('; ')}); merge parts of one sweep only`,
      );
  }
  const counts = new Set(sharded.map((p) => p.result.shard.count));
  if (counts.size > 1) {
    throw new SweepInputError(
      `the parts cut the sweep differently: ${sharded.map((p) => `${p.file} is part ${label(p.result.shard)}`).join(', ')}`,
    );
  }

  const count = first.result.shard.count;
  const problems: string[] = [];
  const byIndex = new Map<number, string[]>();
  for (const p of sharded)
    byIndex.set(p.result.shard.index, [...(byIndex.get(p.result.shard.index) ?? []), p.file]);
  for (const [index, files] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    if (files.length > 1)
      problems.push(`part ${index}/${count} given ${files.length} times (${files.join(', ')})`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    problems.push(
      `missing part${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} (run them with --shard k/${count})`,
    );
  for (const p of sharded) {
    if (!p.result.complete)
      problems.push(
        `${p.file} (part ${label(p.result.shard)}) stopped early with ${p.result.runs.length} runs; run --shard ${label(p.result.shard)} again`,
      );
  }
  if (problems.length > 0) throw new SweepInputError(`cannot merge: ${problems.join('; ')}`);
  return sharded.map((p) => ({ ...p, shard: p.result.shard })).sort((a, b) => a.shard.index - b.shard.index);
}

/** The whole sweep from its parts (without summaries: the caller computes them as for a run at once). */
export function mergeParts(parts: readonly PartFile[], command: string): SweepResult {
  const sorted = checkParts(parts);
  const { definition } = sorted[0].result;
  const expected = runList(definition.points.length, definition.seeds);
  for (const p of sorted) {
    // A part must hold exactly its share of the runs: the same partition that wrote it.
    const want = shardRuns(expected, p.shard).map((r) => `${r.index}:${r.point}:${r.seed}`);
    const got = p.result.runs.map((r) => `${r.index}:${r.point}:${r.seed}`);
    if (want.join() !== got.join()) {
      const few = (xs: string[]) =>
        xs
          .slice(0, 5)
          .map((x) => x.split(':')[0])
          .join(', ') + (xs.length > 5 ? ', ...' : '');
      const lacking = want.filter((x) => !got.includes(x));
      const foreign = got.filter((x) => !want.includes(x));
      const what = [
        lacking.length ? `lacks run ${few(lacking)}` : '',
        foreign.length ? `has run ${few(foreign)} of another part` : '',
      ].filter(Boolean);
      throw new SweepInputError(
        `${p.file} does not hold the runs of part ${label(p.shard)} (${what.join(', ') || 'runs out of order'}); was it edited?`,
      );
    }
  }
  return {
    format: sorted[0].result.format,
    version: 1,
    command,
    definition,
    shard: null,
    parts: sorted.map((p) => ({ file: p.file, shard: p.shard, command: p.result.command })),
    complete: true,
    runs: sorted.flatMap((p) => p.result.runs).sort((a, b) => a.index - b.index),
  };
}
