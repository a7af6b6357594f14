import { describe, expect, it } from 'vitest';
import { ExportTally } from '../../../proxy/exports/export-tally.ts';
import { planAudiences } from '../../../shared/audience-plan.ts';
import {
  exportReport,
  META_MATCH_NOTE,
  SOURCE_PROBLEM_TEXT,
  SOURCE_PROBLEMS,
} from '../../../shared/export-report.ts';

const empty = () =>
  new ExportTally(planAudiences({ kind: 'multi-key', keys: ['EMAIL', 'FN'] })).report();

describe('the export report', () => {
  it('validates a report as the pipeline makes it', () => {
    expect(exportReport.parse(empty())).toEqual(empty());
  });

  it('always says Meta does not reveal who matched', () => {
    expect(META_MATCH_NOTE).toMatch(/does not reveal which users matched/);
    expect(exportReport.safeParse({ ...empty(), matchNote: 'Match rate: 73 %' }).success).toBe(
      false,
    );
  });

  it('refuses negative or fractional counts and unknown problems', () => {
    const report = empty();
    expect(exportReport.safeParse({ ...report, deviceIdsWithheld: -1 }).success).toBe(false);
    expect(
      exportReport.safeParse({ ...report, users: { ...report.users, read: 1.5 } }).success,
    ).toBe(false);
    expect(
      exportReport.safeParse({
        ...report,
        source: { ...report.source, malformedSample: [{ line: 2, problem: 'cursed' }] },
      }).success,
    ).toBe(false);
  });

  it('explains every source problem', () => {
    expect(Object.keys(SOURCE_PROBLEM_TEXT)).toEqual([...SOURCE_PROBLEMS]);
  });
});
