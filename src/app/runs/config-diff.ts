/**
 * A short, human-readable difference between two SimulationConfigs, for legends and the runs
 * list: "accumulate, real kept 10%" says what the overlaid run did differently from the run on
 * screen. Only settings that change what the charts show are named, most important first: the
 * settings registry says which and in what words (config/settings.ts, `diff`).
 */
import type { SimulationConfig } from '../../engine/config/schema';
import { readSetting } from '../../engine/config/setting-paths';
import { SETTINGS, type DiffFormat, type SettingEntry } from '../../engine/config/settings';

/** The registry's diff formats by rank: settings that share a rank read as one difference. */
const DIFF_RANKS: { format: DiffFormat; paths: SettingEntry['path'][] }[] = [];
for (const entry of SETTINGS) {
  if (!entry.diff) continue;
  const rank = DIFF_RANKS.find((r) => r.format.rank === entry.diff?.rank);
  if (rank) rank.paths.push(entry.path);
  else DIFF_RANKS.push({ format: entry.diff, paths: [entry.path] });
}
DIFF_RANKS.sort((a, b) => a.format.rank - b.format.rank);

function describe(
  { format, paths }: (typeof DIFF_RANKS)[number],
  run: SimulationConfig,
  reference: SimulationConfig,
): string | null {
  if (format.when && !format.when(run)) return null;
  return paths.some((p) => readSetting(run, p) !== readSetting(reference, p)) ? format.words(run) : null;
}

/** Most differences named; the rest are counted ("+2 more"), so a legend entry stays one line. */
export const MAX_NAMED_DIFFERENCES = 3;

/** Every difference of `run` from `reference`, in words, most important first. */
export function configDifferences(run: SimulationConfig, reference: SimulationConfig): string[] {
  return DIFF_RANKS.map((rank) => describe(rank, run, reference)).filter((d): d is string => d !== null);
}

/** "accumulate, real kept 10%", "same settings", or "count model, replace, seed 2 +1 more". */
export function configDiffLabel(run: SimulationConfig, reference: SimulationConfig | null): string {
  if (reference === null) return '';
  const differences = configDifferences(run, reference);
  if (differences.length === 0) return 'same settings';
  const named = differences.slice(0, MAX_NAMED_DIFFERENCES).join(', ');
  const rest = differences.length - MAX_NAMED_DIFFERENCES;
  return rest > 0 ? `${named} +${rest} more` : named;
}
