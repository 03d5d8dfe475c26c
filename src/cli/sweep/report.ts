/**
 * The whole sweep's results as text for stderr: per grid point the generations until each
 * threshold (median [p10-p90], seeds that got there, the law's value), then the law fits. Pure.
 */
import type { LawFit } from './law';
import type { PointSummary, SweepResult } from './result';
import type { ThresholdName } from './thresholds';

const num = (x: number | null, digits = 0) => (x === null ? '-' : x.toFixed(digits));

function outcome(s: PointSummary, t: ThresholdName): string {
  const o = s.outcomes[t];
  const spread =
    o.p10 === null && o.p90 === null ? '' : ` [${num(o.p10, 1)}-${o.p90 === null ? 'later' : num(o.p90, 1)}]`;
  const median = o.median === null ? `not by half the seeds` : `${num(o.median, 1)}${spread}`;
  const law = o.law === null ? '' : `, law ${num(o.law, 1)}`;
  return `${median} (${o.reached}/${o.runs} reached${law})`;
}

function lawLine(fit: LawFit, name: string): string {
  // The paradigm leads; other settings held fixed follow (paradigm is often an axis itself).
  const others = Object.entries(fit.group).filter(([k]) => k !== 'paradigm');
  const head = `law, ${[fit.paradigm, ...others.map(([k, v]) => `${k}=${v}`)].join(' ')}, ${name}`;
  const left = fit.leftOut.length > 0 ? `, ${fit.leftOut.length} not reached` : '';
  const counted = `${fit.fitted.length} point${fit.fitted.length === 1 ? '' : 's'}${left}`;
  const exponent = fit.power
    ? `free fit T = ${fit.power.prefactor.toFixed(2)} lambda^-${fit.power.exponent.toFixed(2)}`
    : 'no free fit (fewer than 2 points)';
  if (fit.form === 'c/lambda') {
    if (!fit.inverse) return `${head}: no point reached the threshold, no fit\n`;
    return `${head}: T = c/lambda with c = ${fit.inverse.c.toFixed(3)} (${counted}, log rms ${fit.inverse.logRms.toFixed(2)}); ${exponent}\n`;
  }
  if (!fit.power) return `${head}: observed growth needs 2 points that reached the threshold (${counted})\n`;
  return `${head}: observed growth T = ${fit.power.prefactor.toFixed(2)} lambda^-${fit.power.exponent.toFixed(2)} (${counted}, log rms ${fit.power.logRms.toFixed(2)})\n`;
}

export function report(result: SweepResult): string {
  const { thresholds } = result.definition;
  const names: Record<ThresholdName, string> = {
    ratio: `perplexity x${thresholds.ratio}`,
    nstar: `n* (${thresholds.nstarTolerance * 100}% of baseline)`,
  };
  const lines: string[] = [
    `generations until ${names.ratio} | ${names.nstar}; median [p10-p90] over seeds:\n`,
  ];
  for (const s of result.summaries ?? []) {
    const where =
      Object.entries(s.values)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ') || 'base config';
    const failed = s.failed > 0 ? ` (${s.failed} failed)` : '';
    lines.push(`  ${where}${failed}: ${outcome(s, 'ratio')} | ${outcome(s, 'nstar')}\n`);
  }
  for (const fit of result.law ?? [])
    lines.push(lawLine(fit, names[fit.threshold as ThresholdName] ?? fit.threshold));
  for (const note of result.notes ?? []) lines.push(`note: ${note}\n`);
  return lines.join('');
}
