/** The sweep's numbers as a table: what the chart draws, for screen readers and for reading off exact values. */
import type { ContaminationSweep } from '../../../engine/theory/contamination-sweep';
import { formatShare, sweepRows, type SweepRow } from './sweep-rows';
import type { SweepThreshold } from './sweep-store';

const n = (x: number | null) => (x === null ? 'beyond the horizon' : Math.round(x).toLocaleString('en'));
const range = (band: SweepRow['replaceBand']) => (band === null ? '' : ` (${n(band[0])}–${n(band[1])})`);

export function SweepTable({
  sweep,
  threshold,
  caption,
}: {
  sweep: ContaminationSweep;
  threshold: SweepThreshold;
  caption: string;
}) {
  const rows = sweepRows(sweep, threshold);
  return (
    <table className="theory-sweep-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">λ</th>
          <th scope="col">replace: median (10–90%)</th>
          <th scope="col">replace: law</th>
          <th scope="col">accumulate, biased: median (10–90%)</th>
          <th scope="col">accumulate: law</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.lambda}>
            <th scope="row">{formatShare(r.lambda)}</th>
            <td>
              {n(r.replaceMedian)}
              {range(r.replaceBand)}
            </td>
            <td>{r.replaceLaw === null ? 'none' : n(r.replaceLaw)}</td>
            <td>
              {n(r.accumulateMedian)}
              {range(r.accumulateBand)}
            </td>
            <td>{r.accumulateLaw === null ? 'never' : n(r.accumulateLaw)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
