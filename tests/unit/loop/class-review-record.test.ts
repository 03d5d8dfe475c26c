/**
 * What the class did, in run.json and metrics.csv: optional when read (older files load as
 * before), and one column per count in the CSV, empty where the class did not choose.
 */
import { describe, expect, it } from 'vitest';
import { reportToRow } from '../../../src/engine/record/metrics-table';
import { generationReportSchema } from '../../../src/engine/record/schema';
import { report } from '../../support/report-fixtures';

const classFilter = {
  offered: 6,
  kept: 4,
  discarded: 2,
  keptChars: 612,
  filledChars: 1_388,
  discardedTexts: ['the dog blorped', 'zindle zindle'],
};

/** A report as JSON writes it (NaN becomes null), read back by the importer's schema. */
const roundTrip = (r: object) => generationReportSchema.parse(JSON.parse(JSON.stringify(r)));

describe('the class’s choice in run.json and the CSV', () => {
  it('reads back what the class did, discarded texts included', () => {
    expect(roundTrip(report(0, { classFilter })).classFilter).toEqual(classFilter);
  });

  it('reads a report written before the class could choose, without the field', () => {
    const { classFilter: _absent, ...older } = report(0, { classFilter });
    expect(roundTrip(older).classFilter).toBeUndefined();
  });

  it('puts the counts in the CSV, and leaves them empty where the class did not choose', () => {
    const row = reportToRow(report(0, { classFilter }));
    expect(row).toMatchObject({
      class_offered: 6,
      class_kept: 4,
      class_discarded: 2,
      class_kept_chars: 612,
      class_filled_chars: 1_388,
    });
    const plain = reportToRow(report(0));
    expect([plain.class_offered, plain.class_kept, plain.class_discarded]).toEqual([null, null, null]);
  });
});
