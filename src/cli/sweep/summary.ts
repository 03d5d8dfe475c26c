/**
 * A whole sweep's summaries: per grid point, the seeds' median and 10th-90th percentile of the
 * generations until each threshold, with the law fitted across contamination beside them. The
 * same function serves a sweep run at once and a merged one, so the two agree exactly. Pure.
 */
import { fitGroup, type LawFit, type LawPoint } from './law';
import type { PointSummary, SweepDefinition, SweepRun } from './result';
import { summarizeOutcomes } from './stats';
import { THRESHOLD_NAMES } from './thresholds';

export const CONTAMINATION_PATH = 'contamination';

export interface SweepSummary {
  summaries: PointSummary[];
  law: LawFit[];
  notes: string[];
}

export function summarizeSweep(definition: SweepDefinition, runs: readonly SweepRun[]): SweepSummary {
  const summaries: PointSummary[] = definition.points.map((point) => {
    const mine = runs.filter((r) => r.point === point.index);
    const outcomes = Object.fromEntries(
      THRESHOLD_NAMES.map((t) => [
        t,
        {
          ...summarizeOutcomes(
            mine.map((r) => ({ generation: r.thresholds[t], complete: r.status === 'complete' })),
          ),
          law: null,
        },
      ]),
    ) as PointSummary['outcomes'];
    return {
      point: point.index,
      values: point.values,
      paradigm: point.config.paradigm,
      contamination: point.config.contamination,
      failed: mine.filter((r) => r.status !== 'complete').length,
      outcomes,
    };
  });

  const notes: string[] = [];
  const lambdaAxis = definition.axes.find((a) => a.path === CONTAMINATION_PATH);
  if (!lambdaAxis) {
    notes.push(
      'no law fit: the law relates the generations to the contamination share; sweep it (--sweep contamination=...)',
    );
    return { summaries, law: [], notes };
  }
  if (lambdaAxis.values.length < 2)
    notes.push('one contamination value: c is fitted from one point and no growth exponent can be fitted');

  // One fit per setting of the other axes (paradigm among them), across contamination.
  const others = definition.axes.filter((a) => a !== lambdaAxis).map((a) => a.key);
  const groups = new Map<string, PointSummary[]>();
  for (const s of summaries) {
    const key = JSON.stringify(others.map((k) => s.values[k]));
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const law: LawFit[] = [];
  for (const members of groups.values()) {
    const group = Object.fromEntries(others.map((k) => [k, members[0].values[k]]));
    for (const t of THRESHOLD_NAMES) {
      const points: LawPoint[] = members.map((s) => ({
        point: s.point,
        lambda: s.contamination,
        median: s.outcomes[t].median,
      }));
      const fit = fitGroup(group, members[0].paradigm, t, points);
      for (const s of members) s.outcomes[t].law = fit.predicted[s.point] ?? null;
      law.push(fit);
    }
  }
  return { summaries, law, notes };
}
