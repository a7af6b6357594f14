import type { PlannedAudience } from '../../shared/audience-plan.ts';
import { CONSENT_FILTERS, type ConsentFilter } from '../../shared/consent-settings.ts';
import {
  type AudienceReport,
  type ExportReport,
  META_MATCH_NOTE,
  type SourceProblemCode,
} from '../../shared/export-report.ts';
import type { AudienceBatch } from './batches/batch-rows.ts';
import type { UserRows } from './match-rows/match-rows.ts';

/** Malformed rows listed by line in a report, and unmapped columns named: enough to act on. */
export const REPORT_SAMPLE_SIZE = 100;

/** The running counts of one export, read as an `ExportReport` at any moment. */
export class ExportTally {
  private readonly audiences: readonly PlannedAudience[];
  private readonly source: ExportReport['source'] = {
    rowsRead: 0,
    malformed: 0,
    malformedSample: [],
    unmappedColumns: [],
  };
  private readonly users: ExportReport['users'] = {
    read: 0,
    removed: Object.fromEntries(CONSENT_FILTERS.map((filter) => [filter, 0])) as Record<
      ConsentFilter,
      number
    >,
    eligible: 0,
    withoutUsableKey: 0,
    sent: 0,
  };
  private deviceIdsWithheld = 0;
  private readonly perAudience: AudienceReport[];

  constructor(audiences: readonly PlannedAudience[]) {
    this.audiences = audiences;
    this.perAudience = audiences.map((audience) => ({
      audience: audience.id,
      schema: typeof audience.schema === 'string' ? audience.schema : [...audience.schema],
      fields: audience.keys.map((key) => ({ key, valid: 0, unusable: 0 })),
      users: 0,
      sent: 0,
      batches: 0,
      meta: null,
    }));
  }

  malformed(line: number, problem: SourceProblemCode): void {
    this.source.rowsRead++;
    this.source.malformed++;
    if (this.source.malformedSample.length < REPORT_SAMPLE_SIZE) {
      this.source.malformedSample.push({ line, problem });
    }
  }

  unmappedColumn(name: string): void {
    const names = this.source.unmappedColumns;
    if (names.length < REPORT_SAMPLE_SIZE && !names.includes(name)) names.push(name);
  }

  /** A user read; then exactly one of `removed` or `eligible` follows for them. */
  userRead(): void {
    this.source.rowsRead++;
    this.users.read++;
  }

  removed(filter: ConsentFilter): void {
    this.users.removed[filter]++;
  }

  withheld(deviceIds: number): void {
    this.deviceIdsWithheld += deviceIds;
  }

  eligible({ rows, keys }: UserRows): void {
    this.users.eligible++;
    let sent = false;
    for (const [index, report] of this.perAudience.entries()) {
      const audienceRows = rows[index] ?? [];
      if (audienceRows.length > 0) {
        sent = true;
        report.users++;
      }
      for (const field of report.fields) {
        const status = keys.get(field.key)?.status;
        if (status === 'valid') field.valid++;
        else if (status === 'unusable') field.unusable++;
      }
    }
    if (sent) this.users.sent++;
    else this.users.withoutUsableKey++;
  }

  batch({ audience, size }: AudienceBatch): void {
    const report = this.perAudience[this.audiences.findIndex(({ id }) => id === audience)];
    if (report === undefined) throw new Error(`No audience ${audience} in this plan.`);
    report.batches++;
    report.sent += size;
  }

  /** A snapshot: later counting does not change it. */
  report(): ExportReport {
    return structuredClone({
      source: this.source,
      users: this.users,
      deviceIdsWithheld: this.deviceIdsWithheld,
      audiences: this.perAudience,
      matchNote: META_MATCH_NOTE,
    });
  }
}
