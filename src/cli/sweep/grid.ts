/**
 * The sweep's grid: `--sweep key=v1,v2` axes expanded into grid points, `--seeds` into seeds,
 * and the (grid point, seed) run list cut into `--shard k/n` parts. Pure: no engine, no I/O.
 */

/** A bad --sweep, --seeds, --shard, --threshold or --merge input: one line, exit code 2. */
export class SweepInputError extends Error {}

export interface SweepAxis {
  /** As the user wrote it (`contamination`, `order`, `training.steps`): the CSV column name. */
  key: string;
  /** Dotted path in SimulationConfig the key stands for (aliases resolved). */
  path: string;
  /** Values as given; applied as `--set key=value`, so they parse exactly as --set does. */
  values: string[];
}

export type AxisValue = string | number | boolean;

export interface GridPoint {
  index: number;
  /** One value per axis, keyed by the axis' key, as a number or boolean where it reads as one. */
  values: Record<string, AxisValue>;
  /** The assignments that make this point: `key=value`, one per axis. */
  assignments: string[];
}

export interface RunSpec {
  /** Position in the full (grid point, seed) list: point-major, seeds in the order given. */
  index: number;
  point: number;
  seed: number;
}

export interface Shard {
  /** 1-based, as Slurm's SLURM_ARRAY_TASK_ID and GNU parallel's {} give it. */
  index: number;
  count: number;
}

/** Keys a sweep may not vary: the seeds are their own axis, and theory mode's runs are not a sweep. */
const RESERVED_KEYS: Record<string, string> = {
  seed: 'give seeds with --seeds, not --sweep seed=...',
  runs: 'a sweep runs its seeds one by one; give them with --seeds instead of runs',
};

const MAX_SEED = 2 ** 31 - 1;

/** Same reading as --set: numbers and booleans become them, anything else stays text. */
export function axisValue(text: string): AxisValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/**
 * `--sweep key=v1,v2,...` (repeatable) into axes. `resolve` maps a key to its dotted config path
 * (aliases), so `order` and `model.ngramOrder` are the same axis.
 */
export function parseAxes(
  specs: readonly string[],
  resolve: (key: string) => string = (k) => k,
): SweepAxis[] {
  const axes: SweepAxis[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new SweepInputError(`--sweep expects key=value,value,..., got "${spec}"`);
    const key = spec.slice(0, eq).trim();
    const path = resolve(key);
    const reserved = RESERVED_KEYS[path];
    if (reserved) throw new SweepInputError(`--sweep ${key}: ${reserved}`);
    const values = spec
      .slice(eq + 1)
      .split(',')
      .map((v) => v.trim());
    if (values.some((v) => v === ''))
      throw new SweepInputError(`--sweep ${key}: an empty value in "${spec}"`);
    const repeated = values.filter((v, i) => values.findIndex((w) => axisValue(w) === axisValue(v)) !== i);
    if (repeated.length > 0) throw new SweepInputError(`--sweep ${key}: ${repeated.join(', ')} given twice`);
    const twin = axes.find((a) => a.path === path);
    if (twin)
      throw new SweepInputError(
        `--sweep ${key}: the same setting as --sweep ${twin.key}; give each setting once`,
      );
    axes.push({ key, path, values });
  }
  return axes;
}

/**
 * `--seeds 1,2,3` (these seeds) or `--seeds N` (N seeds from `first` on: 1..N by default).
 * Without --seeds, the one seed `first`.
 */
export function parseSeeds(text: string | undefined, first = 1): number[] {
  if (text === undefined) return [first];
  const parts = text.split(',').map((s) => s.trim());
  const numbers = parts.map(Number);
  const bad = parts.filter(
    (p, i) => p === '' || !Number.isInteger(numbers[i]) || numbers[i] < 0 || numbers[i] > MAX_SEED,
  );
  if (bad.length > 0)
    throw new SweepInputError(
      `--seeds takes whole numbers 0..${MAX_SEED} (a list) or a count, got "${text}"`,
    );
  if (parts.length === 1) {
    const count = numbers[0];
    if (count < 1 || count > 1000)
      throw new SweepInputError(
        `--seeds N runs N seeds (1 to 1000), got ${count}; for the one seed 7, give --seed 7`,
      );
    if (first + count - 1 > MAX_SEED)
      throw new SweepInputError(`--seeds ${count} from seed ${first} passes ${MAX_SEED}`);
    return Array.from({ length: count }, (_, i) => first + i);
  }
  const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  if (repeated.length > 0) throw new SweepInputError(`--seeds: ${repeated.join(', ')} given twice`);
  return numbers;
}

/** `--shard k/n`: part k (1-based) of n. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new SweepInputError(`--shard expects k/n (part k of n, e.g. 2/4), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count)
    throw new SweepInputError(`--shard ${text}: k must be between 1 and n`);
  return { index, count };
}

/** The Cartesian product of the axes, the first axis outermost; no axes: one point. */
export function expandGrid(axes: readonly SweepAxis[]): GridPoint[] {
  let combos: string[][] = [[]];
  for (const axis of axes) combos = combos.flatMap((combo) => axis.values.map((v) => [...combo, v]));
  return combos.map((combo, index) => ({
    index,
    values: Object.fromEntries(combo.map((v, i) => [axes[i].key, axisValue(v)])),
    assignments: combo.map((v, i) => `${axes[i].key}=${v}`),
  }));
}

/** Every (grid point, seed) pair, point-major. */
export function runList(points: number, seeds: readonly number[]): RunSpec[] {
  const runs: RunSpec[] = [];
  for (let point = 0; point < points; point++) {
    seeds.forEach((seed) => runs.push({ index: runs.length, point, seed }));
  }
  return runs;
}

/**
 * The runs of shard k of n: every n-th run, starting at the (k-1)-th. Round robin rather than
 * contiguous blocks, so each part gets its share of every grid point (run cost varies with the
 * point: more generated text at high contamination, more steps at some settings) and the parts
 * finish at about the same time. The n parts cover the list exactly once.
 */
export function shardRuns<T>(runs: readonly T[], shard: Shard): T[] {
  return runs.filter((_, i) => i % shard.count === shard.index - 1);
}
