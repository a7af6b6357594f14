import { describe, expect, it } from 'vitest';
import { ExportTally, REPORT_SAMPLE_SIZE } from '../../../../proxy/exports/export-tally.ts';
import { planAudiences } from '../../../../shared/audience-plan.ts';
import { rawRows } from '../../../support/batch-rows.ts';

const audiences = planAudiences({ kind: 'per-field', keys: ['EMAIL'] });

describe('ExportTally', () => {
  it('starts at zero, Meta’s counts unknown', () => {
    const report = new ExportTally(audiences).report();
    expect(report.source).toEqual({
      rowsRead: 0,
      malformed: 0,
      malformedSample: [],
      unmappedColumns: [],
    });
    expect(report.audiences[0]).toMatchObject({ sent: 0, batches: 0, meta: null });
  });

  it('lists the first malformed rows and unmapped columns, each column once, within a bound', () => {
    const tally = new ExportTally(audiences);
    for (let line = 2; line < 2 + 2 * REPORT_SAMPLE_SIZE; line++) {
      tally.malformed(line, 'invalid_json');
      tally.unmappedColumn(`column ${line}`);
      tally.unmappedColumn('tier');
    }
    const { source } = tally.report();
    expect(source.malformed).toBe(2 * REPORT_SAMPLE_SIZE);
    expect(source.malformedSample).toHaveLength(REPORT_SAMPLE_SIZE);
    expect(source.malformedSample[0]).toEqual({ line: 2, problem: 'invalid_json' });
    expect(source.unmappedColumns).toHaveLength(REPORT_SAMPLE_SIZE);
    expect(source.unmappedColumns.filter((name) => name === 'tier')).toHaveLength(1);
  });

  it('gives snapshots that later counts do not change', () => {
    const tally = new ExportTally(audiences);
    const before = tally.report();
    tally.userRead();
    tally.removed('opt_out');
    tally.batch({
      audience: 'EMAIL',
      seq: 1,
      size: 2,
      data: rawRows([['x'], ['y']]),
      rowsSoFar: 2,
      last: true,
    });
    expect(before.users.read).toBe(0);
    expect(before.users.removed.opt_out).toBe(0);
    const after = tally.report();
    expect(after.users.removed.opt_out).toBe(1);
    expect(after.audiences[0]).toMatchObject({ sent: 2, batches: 1 });
  });

  it('refuses a batch for an audience the plan does not have', () => {
    const tally = new ExportTally(audiences);
    expect(() =>
      tally.batch({
        audience: 'PHONE',
        seq: 1,
        size: 0,
        data: rawRows([]),
        rowsSoFar: 0,
        last: true,
      }),
    ).toThrow(/PHONE/);
  });
});
